/** The interface language (fi default, sv, en): a context, a `t()` and locale formatters. */
import { desktopShell } from '../platform/electronPlatform';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../core';
import { en } from './en';
import { fi, type StringKey } from './fi';
import { sv } from './sv';

const DICTS: Record<Language, Record<StringKey, string>> = { fi, sv, en };
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const STORAGE_KEY = 'linjaus.uiLanguage';

export interface I18n {
  readonly lang: Language;
  readonly locale: string;
  setLang(lang: Language): void;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  formatNumber(n: number, options?: Intl.NumberFormatOptions): string;
  formatMoney(n: number): string;
  formatDate(ms: number): string;
}

const isLanguage = (v: unknown): v is Language => v === 'fi' || v === 'sv' || v === 'en';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; Finnish is the default.
  }
  return 'fi';
}

function makeI18n(lang: Language, setLang: (l: Language) => void): I18n {
  const dict = DICTS[lang];
  const locale = LOCALES[lang];
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // Creating an Intl.NumberFormat is slow; a long document formats thousands of numbers.
  const formats = new Map<string, Intl.NumberFormat>();
  const formatWith = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = formats.get(key);
    if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  return {
    lang,
    locale,
    setLang,
    t: (key, vars) => {
      const s = dict[key];
      return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
    },
    formatNumber: (n, options) => (options ? formatWith(options).format(n) : number.format(n)),
    formatMoney: (n) => money.format(n),
    formatDate: (ms) => date.format(ms),
  };
}

const I18nContext = createContext<I18n>(makeI18n('fi', () => undefined));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const i18n = useMemo(
    () =>
      makeI18n(lang, (l) => {
        setLangState(l);
        try {
          localStorage.setItem(STORAGE_KEY, l);
        } catch {
          // Not persisted; the choice still applies to this session.
        }
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    // Desktop: main's menus and dialogs follow the interface language.
    void desktopShell()?.setLanguage(lang);
  }, [lang]);
  const { setLang } = i18n;
  useEffect(
    () =>
      desktopShell()?.onMenuCommand((command) => {
        const match = /^view\.language\.(fi|sv|en)$/.exec(command);
        if (match) setLang(match[1] as Language);
      }),
    [setLang],
  );
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);

/** Parse a number typed in any of the UI locales ("12,5", "1 200", "12.5"); null if not a number. */
export function parseLocaleNumber(input: string): number | null {
  const s = input
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/−/g, '-')
    .replace(',', '.');
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
