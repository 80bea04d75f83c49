/**
 * Document-level fields: title, period, languages, status, approval record. Each field is a
 * last-writer-wins register in the `meta` map (core/SPEC.md rule F1).
 */
import type * as Y from 'yjs';
import { metaMap } from './doc';
import { ModelError } from './errors';
import type { DocumentId } from './ids';
import { origin as originOf, type Origin } from './origins';
import { Meta } from './schema';

const DEFAULT_META: Meta = {
  title: '',
  subtitle: '',
  organisations: [],
  periodStart: null,
  periodEnd: null,
  languages: ['fi'],
  templateId: 'unknown',
  brandKitId: 'default',
  status: 'draft',
  approval: null,
};

const META_FIELDS = Object.keys(DEFAULT_META) as (keyof Meta)[];

/** Read the meta fields; a missing or malformed field reads as its default. */
export function getMeta(doc: Y.Doc): Meta {
  const map = metaMap(doc);
  const raw: Record<string, unknown> = {};
  for (const key of META_FIELDS) {
    const value = map.get(key);
    const single = Meta.shape[key].safeParse(value);
    raw[key] = single.success ? single.data : DEFAULT_META[key];
  }
  return raw as Meta;
}

/**
 * Change meta fields. Values are validated; an invalid patch throws and writes nothing.
 *
 * @example
 * setMeta(doc, { status: 'approved', approval: { body: 'seutuvaltuusto', date: '2022-05-09', reference: '§ 12' } });
 */
export function setMeta(doc: Y.Doc, patch: Partial<Meta>, options: { origin?: Origin } = {}): void {
  const result = Meta.partial().strict().safeParse(patch);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelError(
      `Invalid meta field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}.`,
    );
  }
  const map = metaMap(doc);
  doc.transact(
    () => {
      for (const [key, value] of Object.entries(result.data)) {
        if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
      }
    },
    options.origin ?? originOf('local'),
  );
}

/** Write the document id. Only the creator of a document (template, import) does this, once. */
export function initDocumentId(
  doc: Y.Doc,
  id: DocumentId,
  options: { origin?: Origin } = {},
): void {
  doc.transact(() => metaMap(doc).set('documentId', id), options.origin ?? originOf('template'));
}
