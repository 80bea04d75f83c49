/** Messages between the app and the PDF worker: plain data in, the PDF's bytes out (transferred). */
import type { PdfExportRequest, PdfProgress } from '../platform/types';

export type ToWorker = { type: 'export'; id: number; request: PdfExportRequest } | { type: 'warm' };

export type FromWorker =
  | { type: 'progress'; id: number; progress: PdfProgress }
  | { type: 'done'; id: number; pdf: ArrayBuffer }
  | { type: 'error'; id: number; message: string };
