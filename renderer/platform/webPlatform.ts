/** The platform as a plain web app: IndexedDB, tabs in sync, browser downloads, a PDF worker. */
import { createWorkerPdfExporter } from '../export/pdfClient';
import type { Platform } from './types';
import { webFiles } from './webFiles';
import { webRecent } from './webRecent';
import { webStorage } from './webStorage';

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    storage: webStorage,
    recent: webRecent,
    files: webFiles,
    pdf: createWorkerPdfExporter(),
    dialogs: { confirm: async (message) => window.confirm(message) },
  };
}
