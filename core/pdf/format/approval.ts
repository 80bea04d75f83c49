/**
 * The approval line of the cover and the approval page: "Hyväksytty seutuvaltuustossa 9.5.2022
 * § 12". Finnish puts the approving body in the inessive case, which depends on the word; the
 * common municipal bodies are inflected here and anything else falls back to a form that needs
 * no inflection ("Hyväksytty: Yhtymähallitus 9.5.2022 § 12").
 */
import type { Approval, Language } from '../../model/schema';
import { formatDate } from './numbers';

/** Endings of the bodies that approve programmes, with their inessive forms, longest first. */
const INESSIVE_ENDINGS: readonly [string, string][] = [
  ['valtuusto', 'valtuustossa'],
  ['hallitus', 'hallituksessa'],
  ['lautakunta', 'lautakunnassa'],
  ['johtokunta', 'johtokunnassa'],
  ['jaosto', 'jaostossa'],
  ['toimikunta', 'toimikunnassa'],
  ['kokous', 'kokouksessa'],
];

/**
 * The Finnish inessive of an approving body ("seutuvaltuusto" → "seutuvaltuustossa"), or null
 * when the word is not one we know how to inflect. Keeps the original capitalisation; inflects
 * the last word of a multi-word name ("Kalliorannikon seutuvaltuusto").
 * @example finnishInessive('kunnanhallitus') // "kunnanhallituksessa"
 */
export function finnishInessive(body: string): string | null {
  const trimmed = body.trim();
  const lower = trimmed.toLowerCase();
  for (const [ending, inessive] of INESSIVE_ENDINGS) {
    if (lower.endsWith(ending) && /[a-zåäö]$/i.test(trimmed)) {
      return trimmed.slice(0, trimmed.length - ending.length) + inessive;
    }
  }
  return null;
}

/**
 * The approval line in the document language, or '' when nothing is known of the approval.
 * @example approvalLine({ body: 'seutuvaltuusto', date: '2022-05-09', reference: '§ 12' }, 'fi')
 * // "Hyväksytty seutuvaltuustossa 9.5.2022 § 12"
 */
export function approvalLine(approval: Approval, language: Language): string {
  const body = approval.body.trim();
  const tail = [approval.date ? formatDate(approval.date, language) : '', approval.reference.trim()]
    .filter((s) => s !== '')
    .join(' ');
  if (body === '' && tail === '') return '';
  const join = (head: string): string => (tail ? `${head} ${tail}` : head);
  switch (language) {
    case 'fi': {
      if (body === '') return join('Hyväksytty');
      const inessive = finnishInessive(body);
      return inessive ? join(`Hyväksytty ${inessive}`) : join(`Hyväksytty: ${body}`);
    }
    case 'sv':
      return body ? join(`Godkänd i ${body}`) : join('Godkänd');
    case 'en':
      return body ? join(`Approved by ${body}`) : join('Approved');
  }
}
