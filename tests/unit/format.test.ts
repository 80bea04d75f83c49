import * as Y from 'yjs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../core/format/errors';
import { mergeLinjausFile, readLinjausFile, writeLinjausFile } from '../../core/format/linjausFile';
import { parseProgrammeJson, restoreProgramme } from '../../core/format/restore';
import { programmeJsonSchema } from '../../core/format/jsonSchema';
import { addItem, richField } from '../../core/model/items';
import { snapshot } from '../../core/model/snapshot';
import { programmeToDoc } from '../../core/model/fromProgramme';
import { getExample, templateIds } from '../../core/templates/registry';
import { readFileSync } from 'node:fs';
import { schemaText } from '../../server/cli/commands/schema';
import { replica, skeleton, stableJson } from '../helpers/programme';
import { typeInto } from '../helpers/typing';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FormatError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('.linjaus file', () => {
  it('round-trips a programme with rich text and assets', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, { title: 'Älykäs seutu' });
    typeInto(doc, richField(doc, t, 'description'), 'Kuitu jokaiseen kylään – åäö');
    const bytes = writeLinjausFile(doc, { assets: new Map([['logo.svg', strToU8('<svg/>')]]) });
    const file = readLinjausFile(bytes);
    expect(file.manifest).toMatchObject({
      format: 'linjaus',
      formatVersion: 1,
      documentId: 'dtestdocument',
      templateId: 'elinvoimaohjelma',
    });
    expect(stableJson(file.programme)).toBe(stableJson(snapshot(doc)));
    expect(Y.encodeStateVector(file.doc)).toEqual(Y.encodeStateVector(doc));
    expect(new TextDecoder().decode(file.assets.get('logo.svg'))).toBe('<svg/>');
  });

  it('names each kind of broken file with its own clear error', () => {
    const good = writeLinjausFile(skeleton().doc);
    const manifest = (m: unknown) =>
      zipSync({
        'manifest.json': strToU8(JSON.stringify(m)),
        'state.yjs': Y.encodeStateAsUpdate(skeleton().doc),
      });
    const okManifest = readLinjausFile(good).manifest;
    expect(code(() => readLinjausFile(new Uint8Array()))).toBe('empty');
    expect(code(() => readLinjausFile(strToU8('hello, not a zip')))).toBe('not-zip');
    expect(code(() => readLinjausFile(good.subarray(0, Math.floor(good.length / 2))))).toBe(
      'truncated',
    );
    expect(code(() => readLinjausFile(zipSync({ 'state.yjs': new Uint8Array([0]) })))).toBe(
      'missing-entry',
    );
    expect(code(() => readLinjausFile(manifest({ hello: 1 })))).toBe('bad-manifest');
    expect(code(() => readLinjausFile(manifest({ ...okManifest, formatVersion: 99 })))).toBe(
      'future-version',
    );
    expect(code(() => readLinjausFile(manifest({ ...okManifest, templateId: 'tuntematon' })))).toBe(
      'unknown-template',
    );
    expect(code(() => readLinjausFile(manifest({ ...okManifest, documentId: 'dother' })))).toBe(
      'bad-state',
    );
    const garbage = zipSync({
      'manifest.json': strToU8(JSON.stringify(okManifest)),
      'state.yjs': new Uint8Array([1, 200, 3, 4, 5, 6, 7]),
    });
    expect(code(() => readLinjausFile(garbage))).toBe('bad-state');
    expect(code(() => readLinjausFile(zipSync({ 'manifest.json': strToU8('{') })))).toBe(
      'bad-manifest',
    );
    expect(() =>
      readLinjausFile(manifest({ ...okManifest, formatVersion: 99 }), {
        fileName: 'ohjelma.linjaus',
      }),
    ).toThrow(/^ohjelma\.linjaus: the file was saved by a newer Linjaus/);
  });

  it('merges an edited copy instead of replacing, and a copy with itself changes nothing (X1)', () => {
    const { doc, themes } = skeleton();
    addItem(doc, 'theme', themes, { title: 'Yhteinen' });
    const copy = replica(doc);
    addItem(doc, 'theme', themes, { title: 'Minun' });
    addItem(copy, 'theme', themes, { title: 'Sinun' });
    const before = Y.encodeStateAsUpdate(doc);
    mergeLinjausFile(doc, writeLinjausFile(doc));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    mergeLinjausFile(doc, writeLinjausFile(copy));
    const section = snapshot(doc).sections.find((s) => s.kind === 'themes');
    expect(section?.kind === 'themes' && section.themes.map((t) => t.title).sort()).toEqual([
      'Minun',
      'Sinun',
      'Yhteinen',
    ]);
  });

  it('refuses an incomplete state, a duplicated entry and content from a newer version', () => {
    const { doc, themes } = skeleton();
    const okManifest = readLinjausFile(writeLinjausFile(doc)).manifest;
    const updates: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const t = addItem(doc, 'theme', themes, { title: 'Eka' });
    addItem(doc, 'goal', t, { title: 'Toka' });
    // Drop the middle update: the last one depends on it.
    const gap = Y.mergeUpdates([updates[0] as Uint8Array, updates[2] as Uint8Array]);
    const file = (state: Uint8Array) =>
      zipSync({ 'manifest.json': strToU8(JSON.stringify(okManifest)), 'state.yjs': state });
    expect(() => readLinjausFile(file(gap))).toThrow(/incomplete/);
    const good = writeLinjausFile(doc);
    const dup = zipSync({
      'manifest.json': strToU8(JSON.stringify(okManifest)),
      'state.yjs': Y.encodeStateAsUpdate(doc),
    });
    // fflate keys entries by name, so build the duplicate by hand: append a copy of the archive's
    // first local header + data and point a second central-directory record at it.
    expect(code(() => readLinjausFile(withDuplicateEntry(dup)))).toBe('truncated');
    expect(readLinjausFile(good).programme.id).toBe('dtestdocument');
    const mention = new Y.XmlElement('mention');
    (
      (richField(doc, t, 'description').get(0) as Y.XmlElement) ?? richField(doc, t, 'description')
    ).insert(0, [mention]);
    expect(code(() => readLinjausFile(writeLinjausFile(doc)))).toBe('future-version');
  });

  it('saves and reopens what the model accepts: a huge paste, a malformed link', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const el = richField(doc, t, 'description');
    typeInto(doc, el, 'x'.repeat(120_000));
    const link = new Y.XmlElement('link');
    link.setAttribute('__url', 'https://example.fi/a b');
    (el.get(0) as Y.XmlElement).insert(0, [link]);
    const file = readLinjausFile(writeLinjausFile(doc));
    const section = file.programme.sections.find((s) => s.kind === 'themes');
    const text = section?.kind === 'themes' ? section.themes[0]?.description[0] : undefined;
    expect(
      text?.type === 'paragraph' &&
        text.children.map((c) => (c.type === 'text' ? c.text.length : 0)),
    ).toEqual([100_000, 20_000]);
  });

  it('refuses to merge two different documents (X2)', () => {
    const a = skeleton('dfirst').doc;
    const b = skeleton('dsecond').doc;
    expect(code(() => mergeLinjausFile(a, writeLinjausFile(b)))).toBe('unrelated-documents');
    expect(snapshot(a).sections).toHaveLength(3);
  });
});

describe('JSON interchange', () => {
  it('imports every template example and exports it unchanged (X3)', () => {
    for (const id of templateIds()) {
      const programme = getExample(id);
      expect(stableJson(snapshot(programmeToDoc(programme)))).toBe(stableJson(programme));
    }
  });

  it('names the path and the expectation when JSON breaks the schema', () => {
    const programme = structuredClone(getExample('elinvoimaohjelma')) as unknown as Record<
      string,
      unknown
    >;
    const meta = programme.meta as Record<string, unknown>;
    meta.status = 'valmis';
    expect(() => restoreProgramme(programme, 'x.json')).toThrow(/^x\.json: meta\.status: /);
    meta.status = 'draft';
    meta.templateId = 'olematon';
    expect(code(() => restoreProgramme(programme))).toBe('unknown-template');
    expect(code(() => parseProgrammeJson('{"format": "linjaus-programme",'))).toBe('bad-json');
    expect(code(() => parseProgrammeJson('[1,2]'))).toBe('schema');
    expect(code(() => restoreProgramme({ ...programme, formatVersion: 7 }))).toBe('future-version');
  });

  it('refuses absurdly deep JSON with a clear error instead of a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 5000; i += 1) deep = [deep];
    const programme = { ...getExample('elinvoimaohjelma'), sections: deep };
    expect(() => restoreProgramme(programme, 'syva.json')).toThrow(
      /^syva\.json: the document is nested \d+ levels deep/,
    );
  });

  it('does not mistake inherited object keys for templates', () => {
    const programme = structuredClone(getExample('elinvoimaohjelma'));
    programme.meta.templateId = 'constructor';
    expect(code(() => restoreProgramme(programme))).toBe('unknown-template');
  });

  it('refuses an id used twice', () => {
    const programme = structuredClone(getExample('elinvoimaohjelma'));
    const [first, second] = programme.sections;
    if (first && second) second.id = first.id;
    expect(() => restoreProgramme(programme)).toThrow(/used twice/);
  });

  it('publishes a JSON Schema generated from the validating schema, committed in the repo', () => {
    const schema = programmeJsonSchema();
    expect(schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['format', 'formatVersion', 'meta', 'sections']),
    });
    const committed = readFileSync(
      new URL('../../templates/schema/programme.schema.json', import.meta.url),
      'utf8',
    );
    expect(
      committed,
      'run `npm run linjaus -- schema -o templates/schema/programme.schema.json --force`',
    ).toBe(schemaText());
  });
});

/**
 * A copy of a zip whose first entry appears twice (local header and central directory record
 * duplicated), as a damaged or crafted archive can have.
 */
function withDuplicateEntry(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const firstNameLen = view.getUint16(cdOffset + 28, true);
  const firstExtra = view.getUint16(cdOffset + 30, true);
  const firstComment = view.getUint16(cdOffset + 32, true);
  const firstRecord = zip.slice(cdOffset, cdOffset + 46 + firstNameLen + firstExtra + firstComment);
  const out = new Uint8Array(zip.length + firstRecord.length);
  out.set(zip.subarray(0, cdOffset + cdSize), 0);
  out.set(firstRecord, cdOffset + cdSize);
  out.set(zip.subarray(cdOffset + cdSize), cdOffset + cdSize + firstRecord.length);
  const outView = new DataView(out.buffer);
  const outEocd = out.length - 22;
  outView.setUint16(outEocd + 8, count + 1, true);
  outView.setUint16(outEocd + 10, count + 1, true);
  outView.setUint32(outEocd + 12, cdSize + firstRecord.length, true);
  return out;
}
