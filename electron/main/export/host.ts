/**
 * Main's side of the export process (no Electron here): starts the worker lazily, matches
 * answers to requests, routes progress, and fails every pending export clearly if the worker
 * dies — the next export starts a new one.
 */
import type { Language, Programme } from '../../../core';
import type { ExportProgress } from './job';
import type { FromWorker, ToWorker } from './protocol';
import type { PdfExportService } from './service';

/** The little that main needs of a child process (Electron's UtilityProcess, or a Node fork in tests). */
export interface WorkerChannel {
  postMessage(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
  onProgress(p: ExportProgress): void;
}

/** A {@link PdfExportService} over a worker started by `start`. */
export function createExportHost(
  start: () => WorkerChannel,
): PdfExportService & { dispose(): void } {
  let worker: WorkerChannel | null = null;
  let counter = 0;
  const pending = new Map<string, Pending>();

  const ensure = (): WorkerChannel => {
    if (worker) return worker;
    const w = start();
    w.onMessage((message) => {
      if (message.type === 'ready') return;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress')
        return job.onProgress({ phase: message.phase, fraction: message.fraction });
      pending.delete(message.id);
      if (message.type === 'done') {
        // Warnings ride on the last progress report, so the IPC result stays the PDF's bytes.
        if (message.warnings.length > 0)
          job.onProgress({ phase: 'done', fraction: 1, warnings: message.warnings });
        job.resolve(new Uint8Array(message.bytes));
      } else job.reject(new Error(message.message));
    });
    w.onExit((code) => {
      if (worker === w) worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new Error(`The PDF export process stopped (exit code ${code}). Try again.`));
      }
    });
    worker = w;
    return w;
  };

  return {
    exportPdf(
      request: { programme: Programme; language: Language },
      onProgress: (p: ExportProgress) => void,
    ) {
      const id = `e${++counter}`;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        ensure().postMessage({
          type: 'export',
          id,
          programme: request.programme,
          language: request.language,
        });
      });
    },
    warmUp() {
      ensure();
    },
    dispose() {
      worker?.kill();
      worker = null;
    },
  };
}
