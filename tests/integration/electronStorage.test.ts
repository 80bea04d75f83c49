/**
 * The desktop storage layer against the real file system and the real `.linjaus` codec
 * (electron/main/storage/SPEC.md rules cited as L1…).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocumentId, getMeta } from '../../core';
import { readLinjausFile, writeLinjausFile } from '../../core/format';
import { DocumentStore, InvalidUpdateError } from '../../electron/main/storage/documentStore';
import { sidecarPaths } from '../../electron/main/storage/durable';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { readLog } from '../../electron/main/storage/updateLog';
import { addTheme, newProgramme, themeTitles } from '../fixtures/electron/programmes';

let dir: string;
let opened: DocumentStore[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-store-'));
});
afterEach(async () => {
  await Promise.all(opened.map((s) => s.detach().catch(() => undefined)));
  opened = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** Open a store and detach it after the test (a closed handle, no compaction). */
async function open(file: string) {
  const result = await DocumentStore.open(file, linjausCodec);
  opened.push(result.store);
  return result;
}

/** A saved document file, and a renderer-side copy of it to make edits in. */
async function savedDocument(name = 'ohjelma.linjaus'): Promise<{ file: string; renderer: Y.Doc }> {
  const renderer = newProgramme();
  const file = path.join(dir, name);
  await fs.writeFile(file, writeLinjausFile(renderer));
  return { file, renderer };
}

const readFileDoc = async (file: string) =>
  readLinjausFile(new Uint8Array(await fs.readFile(file))).doc;

describe('DocumentStore', () => {
  it('recovers edits that were reported saved but never compacted, after the process died (L1, L2)', async () => {
    const { file, renderer } = await savedDocument();
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'Uusiutuva energia'));
    await store.append(addTheme(renderer, 'Digitaalinen seutu'));
    // No close, no compaction: the next open sees only what is on disk.
    const { store: reopened, recovery } = await open(file);
    expect(themeTitles(reopened.doc)).toEqual(['Uusiutuva energia', 'Digitaalinen seutu']);
    expect(recovery.replayedUpdates).toBe(2);
    expect(reopened.isFileBehind).toBe(true);
    expect(themeTitles(await readFileDoc(file))).toEqual([]);
  });

  it('compacts into a valid .linjaus file, restarts the log and leaves no backup behind (L3, L4)', async () => {
    const { file, renderer } = await savedDocument();
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'Yrittäjyys'));
    expect(await store.compact()).toBe(true);
    expect(themeTitles(await readFileDoc(file))).toEqual(['Yrittäjyys']);
    expect(store.isFileBehind).toBe(false);
    const { updates } = await readLog(sidecarPaths(file).log);
    expect(updates).toHaveLength(1);
    await expect(fs.stat(sidecarPaths(file).backup)).rejects.toThrow();
    await store.close();
  });

  it('keeps the log self-sufficient: a stale copy written over the file loses nothing on reopen (L4, L5)', async () => {
    const { file, renderer } = await savedDocument();
    const stale = await fs.readFile(file);
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'Kulttuuri'));
    await store.compact();
    await store.append(addTheme(renderer, 'Luonto'));
    await fs.writeFile(file, stale);
    const { store: reopened } = await open(file);
    expect(themeTitles(reopened.doc)).toEqual(['Kulttuuri', 'Luonto']);
  });

  it('merges a copy changed on disk by someone else instead of overwriting it (L5)', async () => {
    const { file, renderer } = await savedDocument();
    const { store } = await open(file);
    const forwarded: Uint8Array[] = [];
    store.onUpdateFromDisk((u) => forwarded.push(u));
    await store.append(addTheme(renderer, 'Meidän teema'));

    const theirs = await readFileDoc(file);
    addTheme(theirs, 'Heidän teema');
    await fs.writeFile(file, writeLinjausFile(theirs));

    expect((await store.checkDisk()).status).toBe('merged');
    expect(await store.compact()).toBe(true);
    expect(new Set(themeTitles(await readFileDoc(file)))).toEqual(
      new Set(['Meidän teema', 'Heidän teema']),
    );
    for (const u of forwarded) Y.applyUpdate(renderer, u);
    expect(new Set(themeTitles(renderer))).toEqual(new Set(['Meidän teema', 'Heidän teema']));
  });

  it('does not overwrite a file replaced by another document, and keeps our edits in the log (L5)', async () => {
    const { file, renderer } = await savedDocument();
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'Tallessa'));
    const unrelated = writeLinjausFile(newProgramme('Toinen asiakirja'));
    await fs.writeFile(file, unrelated);

    expect(await store.compact()).toBe(false);
    expect(store.blockedBy?.status).toBe('conflict');
    expect(new Uint8Array(await fs.readFile(file))).toEqual(unrelated);
    await store.saveAs(path.join(dir, 'pelastettu.linjaus'));
    expect(themeTitles(await readFileDoc(path.join(dir, 'pelastettu.linjaus')))).toEqual([
      'Tallessa',
    ]);
  });

  it('waits while a synced folder has left a half-written file, then merges it when complete (L5)', async () => {
    const { file, renderer } = await savedDocument();
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'A'));
    const theirs = await readFileDoc(file);
    addTheme(theirs, 'B');
    const full = writeLinjausFile(theirs);
    await fs.writeFile(file, full.subarray(0, full.length >> 1));
    expect(await store.compact()).toBe(false);
    expect(store.blockedBy?.status).toBe('unreadable');
    await fs.writeFile(file, full);
    expect(await store.compact()).toBe(true);
    expect(new Set(themeTitles(await readFileDoc(file)))).toEqual(new Set(['A', 'B']));
  });

  it('rejects bytes that are not a Yjs update and stores nothing', async () => {
    const { file } = await savedDocument();
    const { store } = await open(file);
    await expect(store.append(new Uint8Array([255, 255, 255, 255, 1]))).rejects.toBeInstanceOf(
      InvalidUpdateError,
    );
    const { updates } = await readLog(sidecarPaths(file).log);
    expect(updates).toHaveLength(0);
  });

  it('"Save as" keeps the document id unless a new one is asked for (L6)', async () => {
    const { file, renderer } = await savedDocument();
    const id = getDocumentId(renderer);
    const { store } = await open(file);
    await store.append(addTheme(renderer, 'Ennen'));
    const copy = path.join(dir, 'kopio.linjaus');
    await store.saveAs(copy);
    expect(getDocumentId(await readFileDoc(copy))).toBe(id);
    expect(themeTitles(await readFileDoc(file))).toEqual(['Ennen']);

    const forwarded: Uint8Array[] = [];
    store.onUpdateFromDisk((u) => forwarded.push(u));
    const separate = path.join(dir, 'uusi.linjaus');
    await store.saveAs(separate, { newDocumentId: 'dnewid123' });
    expect(getDocumentId(await readFileDoc(separate))).toBe('dnewid123');
    expect(getDocumentId(await readFileDoc(copy))).toBe(id);
    for (const u of forwarded) Y.applyUpdate(renderer, u);
    expect(getDocumentId(renderer)).toBe('dnewid123');
    expect(store.file).toBe(separate);
  });

  it('keeps a new document in its own log until the first save, and recovers it after a crash (L8)', async () => {
    const renderer = newProgramme('Uusi ohjelma');
    const logFile = path.join(dir, 'unsaved', `${getDocumentId(renderer)}.log`);
    await fs.mkdir(path.dirname(logFile));
    const store = await DocumentStore.createUnsaved(renderer, logFile, linjausCodec);
    opened.push(store);
    await store.append(addTheme(renderer, 'Luonnos'));

    const recovered = await DocumentStore.recoverUnsaved(logFile, linjausCodec);
    if (recovered) opened.push(recovered);
    expect(recovered && themeTitles(recovered.doc)).toEqual(['Luonnos']);
    expect(recovered && getMeta(recovered.doc).title).toBe('Uusi ohjelma');

    const target = path.join(dir, 'tallennettu.linjaus');
    await store.saveAs(target);
    expect(themeTitles(await readFileDoc(target))).toEqual(['Luonnos']);
    await expect(fs.stat(logFile)).rejects.toThrow();
  });

  it('opens the previous version when a non-atomic filesystem left the file damaged (L3)', async () => {
    const { file, renderer } = await savedDocument();
    addTheme(renderer, 'Edellinen');
    await fs.writeFile(sidecarPaths(file).backup, writeLinjausFile(renderer));
    await fs.writeFile(file, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
    const { store, recovery } = await open(file);
    expect(recovery.usedBackup).toBe(true);
    expect(themeTitles(store.doc)).toEqual(['Edellinen']);
  });
});
