/** The desktop app's own settings: UI language and remembered window states. */
import { z } from 'zod';
import type { UiLanguage } from '../i18n/strings';
import type { WindowState } from '../windows/bounds';
import { readJsonFile, writeJsonFile } from './jsonFile';

const Settings = z.object({
  version: z.literal(1),
  language: z.enum(['fi', 'sv', 'en']).nullable(),
  // Each state is checked again by placeWindow before use.
  windows: z.record(z.string().max(64), z.unknown()),
});

export interface AppSettings {
  language: UiLanguage | null;
  windows: Record<string, WindowState>;
}

export async function loadSettings(file: string): Promise<AppSettings> {
  const s = await readJsonFile(file, Settings, { version: 1, language: null, windows: {} });
  return { language: s.language, windows: s.windows as Record<string, WindowState> };
}

export function saveSettings(file: string, settings: AppSettings): Promise<void> {
  return writeJsonFile(file, { version: 1, ...settings });
}
