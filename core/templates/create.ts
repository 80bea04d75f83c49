/**
 * Start a new programme from a template: the document id, meta and every section the template
 * names are written once, here, with the `template` origin. Singleton sections (vision, target
 * state) exist from the start, so two offline clients never each create one (core/SPEC.md R2).
 */
import * as Y from 'yjs';
import { newDocumentId, type DocumentId } from '../model/ids';
import { addItem } from '../model/items';
import { initDocumentId, setMeta } from '../model/meta';
import { origin } from '../model/origins';
import type { Language } from '../model/schema';
import type { Template } from './schema';

export interface NewProgrammeOptions {
  title?: string;
  language?: Language;
  organisation?: string;
  /** Fixed document id (tests); a random one by default. */
  id?: DocumentId;
}

/**
 * A new, empty programme following `template`.
 *
 * @example
 * const doc = createProgramme(getTemplate('elinvoimaohjelma'), { title: 'Elinvoimaohjelma 2026–2030' });
 */
export function createProgramme(template: Template, options: NewProgrammeOptions = {}): Y.Doc {
  const doc = new Y.Doc();
  const o = { origin: origin('template') };
  const language = options.language ?? 'fi';
  doc.transact(() => {
    initDocumentId(doc, options.id ?? newDocumentId(), o);
    setMeta(
      doc,
      {
        title: options.title ?? template.name[language],
        templateId: template.id,
        brandKitId: template.defaultBrandKitId,
        languages: [language],
        organisations: options.organisation ? [options.organisation] : [],
      },
      o,
    );
    for (const section of template.sections) {
      addItem(doc, 'section', null, { sectionKind: section.kind, key: section.key, title: '' }, o);
    }
  }, o.origin);
  return doc;
}
