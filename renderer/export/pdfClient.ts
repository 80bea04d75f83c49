/** The web platform's PDF exporter: one module Web Worker, started on demand and reused. */
import type { PdfExporter, PdfExportWarning, PdfProgress } from '../platform/types';
import type { FromWorker, ToWorker } from './protocol';

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
  onProgress?: (p: PdfProgress) => void;
  onWarnings?: (warnings: readonly PdfExportWarning[]) => void;
}

export function createWorkerPdfExporter(): PdfExporter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./pdf.worker.ts', import.meta.url), {
      type: 'module',
      name: 'linjaus-pdf',
    });
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(msg.progress);
      else if (msg.type === 'warnings') p.onWarnings?.(msg.warnings);
      else {
        pending.delete(msg.id);
        if (msg.type === 'done') p.resolve(new Uint8Array(msg.pdf));
        else p.reject(new Error(msg.message));
      }
    });
    w.addEventListener('error', (event) => {
      const error = new Error(event.message || 'The PDF worker stopped.');
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker?.terminate();
      worker = null;
    });
    worker = w;
    return w;
  };

  return {
    warmUp() {
      start().postMessage({ type: 'warm' } satisfies ToWorker);
    },
    exportPdf(request, onProgress, onWarnings) {
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress, onWarnings });
        start().postMessage({ type: 'export', id, request } satisfies ToWorker);
      });
    },
  };
}
