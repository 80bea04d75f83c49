/**
 * Opening a damaged or foreign file through the desktop storage path: a clear message, and
 * nothing on disk written or changed (electron/main/storage/SPEC.md rule L7).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentId } from '../../core';
import { FormatError, writeLinjausFile } from '../../core/format';
import { DocumentStore } from '../../electron/main/storage/documentStore';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { newProgramme } from '../fixtures/electron/programmes';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-bad-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function manifestZip(manifest: Record<string, unknown>): Uint8Array {
  const doc = newProgramme();
  return zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest)),
    'content.json': strToU8('{}'),
    'state.yjs': Y.encodeStateAsUpdate(doc),
  });
}

const valid = () => writeLinjausFile(newProgramme());
const goodManifest = () => {
  const doc = newProgramme();
  return {
    format: 'linjaus',
    formatVersion: 1,
    documentId: getDocumentId(doc),
    templateId: 'elinvoimaohjelma',
    title: 'x',
    savedAt: '2026-01-01T00:00:00Z',
    generator: 'test',
  };
};

const cases: { name: string; bytes: () => Uint8Array; code: string; message: RegExp }[] = [
  { name: 'a zero-length file', bytes: () => new Uint8Array(0), code: 'empty', message: /empty/ },
  {
    name: 'a truncated file',
    bytes: () => valid().subarray(0, 200),
    code: 'truncated',
    message: /damaged or incomplete/,
  },
  {
    name: 'a file that is not a zip',
    bytes: () => strToU8('Hei, tämä on tekstitiedosto.'),
    code: 'not-zip',
    message: /not a zip/,
  },
  {
    name: 'a zip with a wrong manifest',
    bytes: () => manifestZip({ format: 'something-else', formatVersion: 1 }),
    code: 'bad-manifest',
    message: /manifest\.json is not valid/,
  },
  {
    name: 'a file from a future format version',
    bytes: () => manifestZip({ ...goodManifest(), formatVersion: 99 }),
    code: 'future-version',
    message: /newer Linjaus/,
  },
];

describe('DocumentStore.open with a bad file', () => {
  for (const c of cases) {
    it(`refuses ${c.name} with a clear message and writes nothing`, async () => {
      const sub = await fs.mkdtemp(path.join(dir, 'case-'));
      const file = path.join(sub, 'ohjelma.linjaus');
      const bytes = c.bytes();
      await fs.writeFile(file, bytes);
      const error = await DocumentStore.open(file, linjausCodec).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe(c.code);
      expect((error as FormatError).message).toMatch(c.message);
      expect((error as FormatError).message).toContain('ohjelma.linjaus');
      expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
      expect(await fs.readdir(sub)).toEqual(['ohjelma.linjaus']);
    });
  }
});
