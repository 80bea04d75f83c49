/** Files in the browser: a file picker to open, a download to save. */
import type { FileService, PickedFile } from './types';

function pick(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export const webFiles: FileService = {
  async openFile({ extensions }) {
    const file = await pick(extensions.map((e) => `.${e}`).join(','));
    if (!file) return null;
    return {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    } satisfies PickedFile;
  },
  async saveFile(name, bytes, mimeType) {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: Chromium reads the blob asynchronously after the click.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  },
};
