/** Names from the template in the interface language, and the document's primary language. */
import { levelName, type Language, type Template } from '../../core';
import { useI18n } from '../i18n/I18n';
import { useMeta, useSession } from '../session/hooks';

export type Level = keyof Template['levels'];

export function useLevelName(): (level: Level, plural?: boolean) => string {
  const { template } = useSession();
  const { lang } = useI18n();
  return (level, plural = false) => levelName(template, level, lang, plural);
}

/** The document's primary language (section titles and content). */
export function useDocLanguage(): Language {
  return useMeta().languages[0] ?? 'fi';
}

/** Focus an element once React has rendered it (after a structural edit). */
export function focusSoon(selector: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });
}
