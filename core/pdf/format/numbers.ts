/**
 * Numbers, money and dates as a council reader expects them, through `Intl` so the separators
 * are the ones the locale prescribes (Finnish: a narrow no-break space between thousands and a
 * no-break space before €).
 */
import type { Language, PartialDate } from '../../model/schema';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The BCP 47 locale used for formatting in a document language. */
export const localeOf = (language: Language): string => LOCALES[language];

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(language: Language, decimals: number): Intl.NumberFormat {
  const key = `${language}:${decimals}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Euros to whole cents, the unit every sum is computed in (floating euros drift). */
export const toCents = (euros: number): number => Math.round(euros * 100);

/**
 * An amount in cents as currency: whole euros without decimals ("116 475 €"), otherwise with
 * two ("116 475,50 €").
 * @example formatCents(11647500, 'fi') // "116 475 €" (U+202F between groups, U+00A0 before €)
 */
export function formatCents(cents: number, language: Language): string {
  const decimals = cents % 100 === 0 ? 0 : 2;
  return moneyFormat(language, decimals).format(cents / 100);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = make();
    numberFormats.set(key, format);
  }
  return format;
}

/** A plain number in the document language ("1 234,5"); integers keep no decimals. */
export function formatNumber(value: number, language: Language): string {
  return cachedFormat(
    `n:${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }),
  ).format(value);
}

/** A percentage share, e.g. 70 → "70 %" in Finnish. */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(share / 100);
}

/**
 * A partial date as written in Finnish documents: "1.12.2022", "12/2022" style months become
 * "12.2022", a year stays "2026". Swedish uses the same order; English uses "1 Dec 2022".
 */
export function formatDate(date: PartialDate, language: Language): string {
  const [y, m, d] = date.split('-');
  if (language === 'en') {
    if (!m) return y ?? date;
    const month = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', {
      month: 'short',
      timeZone: 'UTC',
    });
    return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
  }
  if (!m) return y ?? date;
  return d ? `${Number(d)}.${Number(m)}.${y}` : `${Number(m)}.${y}`;
}

/** A period "2022–2026" (en dash); either end may be missing. */
export function formatPeriod(
  start: PartialDate | null,
  end: PartialDate | null,
  language: Language,
): string {
  const a = start ? formatDate(start, language) : '';
  const b = end ? formatDate(end, language) : '';
  if (a && b) return a === b ? a : `${a}–${b}`;
  return a || b;
}
