/** IPC handlers for PDF export (run in the utility process; progress sent back as events). */
import type { Handler } from '../ipc/types';
import type { ExportProgress } from './job';

/** Sends export progress to the window that asked (set by main/index.ts). */
export type ProgressSink = (windowId: number, requestId: string, progress: ExportProgress) => void;

export function exportHandlers(sendProgress: ProgressSink) {
  return {
    pdfExport: (async ({ windowId, services }, [{ requestId, programme, language }]) =>
      services.pdf.exportPdf({ programme, language }, (p) =>
        sendProgress(windowId, requestId, p),
      )) satisfies Handler<'pdfExport'>,
    pdfWarmUp: (async ({ services }) => {
      services.pdf.warmUp();
    }) satisfies Handler<'pdfWarmUp'>,
  };
}
