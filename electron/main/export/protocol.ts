/** Messages between main and the PDF export utility process (export/worker.ts). */
import type { Language, Programme } from '../../../core';
import type { ExportProgress } from './job';

export type ToWorker = {
  readonly type: 'export';
  readonly id: string;
  readonly programme: Programme;
  readonly language: Language;
};

export type FromWorker =
  | { readonly type: 'ready' }
  | ({ readonly type: 'progress'; readonly id: string } & ExportProgress)
  | {
      readonly type: 'done';
      readonly id: string;
      readonly bytes: Uint8Array;
      readonly pages: number;
      readonly warnings: readonly string[];
    }
  | { readonly type: 'error'; readonly id: string; readonly message: string };
