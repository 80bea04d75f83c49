/** Render the first pages of a PDF to canvases with pdf.js (loaded only when a preview is shown). */
export async function renderPreview(
  bytes: Uint8Array,
  canvases: HTMLCanvasElement[],
  width: number,
): Promise<number> {
  const pdfjs = await import('pdfjs-dist');
  const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // pdf.js takes ownership of the buffer it is given: pass a copy so the bytes stay savable.
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  try {
    for (let i = 0; i < canvases.length && i < pdf.numPages; i++) {
      const page = await pdf.getPage(i + 1);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = canvases[i]!;
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${viewport.height / ratio}px`;
      const context = canvas.getContext('2d');
      if (context) await page.render({ canvasContext: context, viewport }).promise;
    }
    return pdf.numPages;
  } finally {
    void pdf.destroy();
  }
}
