/**
 * IPC handlers for the renderer's file service: pick a file to read, save bytes (a PDF, a JSON
 * export) where the user chooses. Paths never cross to the renderer: it gets a name and bytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Handler } from '../ipc/types';
import { atomicReplace } from '../storage/durable';

/** Largest file the renderer may ask to read (a .linjaus or JSON programme). */
const MAX_READ_BYTES = 256 * 1024 * 1024;

export const fileHandlers = {
  fileOpen: (async ({ windowId, services }, [{ extensions, description }]) => {
    const file = await services.dialogs.chooseOpen(windowId, {
      filters: [{ name: description, extensions }],
    });
    if (file === null) return null;
    if (!extensions.includes(path.extname(file).slice(1).toLowerCase())) return null;
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_READ_BYTES)
      throw new Error('The file is too large or not a file.');
    if (path.extname(file).toLowerCase() === '.linjaus') {
      // Desktop documents are edited in place: an already open file just gets its window focused,
      // another is opened by main so the renderer's storage attaches to the file, not to a copy.
      const real = await fs.realpath(file);
      if (services.windows.focusWindowOfFile(real)) return null;
      // A bad file is left to the renderer's reader, which explains what is wrong with it.
      await services.sessions.openFile(real).catch(() => undefined);
    }
    return { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
  }) satisfies Handler<'fileOpen'>,
  fileSave: (async ({ windowId, services }, [{ name, bytes }]) => {
    const extension = path.extname(name).slice(1).toLowerCase();
    const file = await services.dialogs.chooseSave(windowId, {
      defaultName: name,
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
    });
    if (file === null) return false;
    await atomicReplace(file, bytes, {
      backup: path.join(path.dirname(file), `.${path.basename(file)}.bak`),
    });
    return true;
  }) satisfies Handler<'fileSave'>,
  dialogConfirm: (async ({ windowId, services }, [message]) =>
    services.dialogs.confirm(windowId, message)) satisfies Handler<'dialogConfirm'>,
};
