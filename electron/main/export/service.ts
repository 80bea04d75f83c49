/** The PDF export as the IPC handlers see it (export/index.ts runs it in a utility process). */
import type { Language, Programme } from '../../../core';
import type { ExportProgress } from './job';

export interface PdfExportService {
  /** Export a programme; progress is reported as the job runs. */
  exportPdf(
    request: { programme: Programme; language: Language },
    onProgress: (p: ExportProgress) => void,
  ): Promise<Uint8Array>;
  /** Start the utility process early so the first export does not wait for it. */
  warmUp(): void;
}
