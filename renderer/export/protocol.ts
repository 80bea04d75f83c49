/** Messages between the app and the PDF worker: plain data in, the PDF's bytes out (transferred). */
import type { PdfExportRequest, PdfExportWarning, PdfProgress } from '../platform/types';

export type ToWorker = { type: 'export'; id: number; request: PdfExportRequest } | { type: 'warm' };

export type FromWorker =
  | { type: 'progress'; id: number; progress: PdfProgress }
  | { type: 'warnings'; id: number; warnings: PdfExportWarning[] }
  | { type: 'done'; id: number; pdf: ArrayBuffer }
  | { type: 'error'; id: number; message: string };
