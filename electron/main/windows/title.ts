/** The window title (pure): document title, unsaved marker, app name. */
import type { UiLanguage } from '../i18n/strings';
import { strings } from '../i18n/strings';

export const APP_NAME = 'Linjaus';

/**
 * `• Elinvoimaohjelma 2026–2030 — Linjaus` while edits are not yet in the file, without the dot
 * once they are; an untitled document gets the localised "Untitled".
 */
export function windowTitle(options: {
  documentTitle: string | null;
  isDirty: boolean;
  language: UiLanguage;
}): string {
  if (options.documentTitle === null) return APP_NAME;
  const title =
    options.documentTitle.replace(/\s+/g, ' ').trim().slice(0, 200) ||
    strings(options.language).untitled;
  return `${options.isDirty ? '• ' : ''}${title} — ${APP_NAME}`;
}
