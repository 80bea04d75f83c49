/**
 * No edit is lost at window close or quit (electron/main/lifecycle/windowLifecycle.ts): the real
 * renderer storage (renderer/platform/desktopDocument.ts), the real IPC handlers and sessions and
 * files in a temp folder; only Electron's windows are replaced by the in-process desktop's fakes,
 * whose renderers are made slow, silent or failing where a test needs it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readLinjausFile, writeLinjausFile } from '../../core/format';
import type { DesktopApi } from '../../electron/main/ipc/api';
import { readJsonFile, writeJsonFile } from '../../electron/main/settings/jsonFile';
import { DocumentStore } from '../../electron/main/storage/documentStore';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { createElectronPlatform } from '../../renderer/platform/electronPlatform';
import { createInProcessDesktop } from '../fixtures/electron/inProcessDesktop';
import { addTheme, newProgramme, themeTitles } from '../fixtures/electron/programmes';

type Desktop = Awaited<ReturnType<typeof createInProcessDesktop>>;

let dir: string;
const desktops: Desktop[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-lifecycle-'));
});
afterEach(async () => {
  for (const d of desktops.splice(0)) await d.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

async function desktop(options: Parameters<typeof createInProcessDesktop>[1] = {}) {
  const d = await createInProcessDesktop(path.join(dir, 'data'), options);
  desktops.push(d);
  return d;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A document file on disk, opened in main. */
async function openedFile(d: Desktop, name: string) {
  const file = path.join(dir, `${name}.linjaus`);
  await fs.writeFile(file, writeLinjausFile(newProgramme(name)));
  const { documentId } = await d.sessions.openFile(file);
  return { file, documentId };
}

/** Themes in the `.linjaus` file itself (not its log). */
async function themesInFile(file: string): Promise<string[]> {
  return themeTitles(readLinjausFile(new Uint8Array(await fs.readFile(file))).doc);
}

/**
 * Themes that reopening the document finds (file + log replayed), as a new process would after
 * a crash — without writing anything, since the document may still be open here.
 */
async function themesAfterRestart(file: string): Promise<string[]> {
  const { store } = await DocumentStore.open(file, linjausCodec);
  const titles = themeTitles(store.doc);
  await store.detach();
  return titles;
}

/**
 * The preload API of a window whose `documentAppend` calls wait at a gate (they are "in flight")
 * until released; with `firstOnly`, only the first call waits.
 */
function gated(api: DesktopApi, options: { firstOnly?: boolean } = {}) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const held: string[] = [];
  const wrapped: DesktopApi = {
    ...api,
    documentAppend: async (...args) => {
      if (!options.firstOnly || calls++ === 0) {
        held.push(args[0].documentId);
        await gate;
      }
      return api.documentAppend(...args);
    },
  };
  return { api: wrapped, release, held };
}

describe('closing a window', () => {
  it('waits until the renderer has stored the edits still queued in it, and they are in the file after closing', async () => {
    const d = await desktop();
    const { file, documentId } = await openedFile(d, 'Kuntastrategia');
    const window = gated(d.apiFor(1));
    const doc = new Y.Doc();
    await createElectronPlatform(window.api).storage.open(documentId, doc);
    const titles = ['Elinvoima', 'Hyvinvointi', 'Osallisuus', 'Ilmasto', 'Talous'];
    for (const title of titles) addTheme(doc, title);
    // The first update is in flight; the rest wait in the renderer.
    await until(() => window.held.length === 1, 'the first append to be in flight');

    const closing = d.lifecycle.requestClose(1);
    expect(d.isOpen(1)).toBe(true);
    window.release();
    expect(await closing).toBe(true);
    expect(d.isOpen(1)).toBe(false);
    // closeAll waits for documents whose last window is still closing.
    await d.sessions.closeAll();
    expect(await themesInFile(file)).toEqual(titles);
  });

  it('hands the edits queued in the renderer to main at once when the page goes away', async () => {
    const d = await desktop();
    const { file, documentId } = await openedFile(d, 'Hyvinvointisuunnitelma');
    const window = gated(d.apiFor(1), { firstOnly: true });
    const platform = createElectronPlatform(window.api);
    const doc = new Y.Doc();
    const stored = await platform.storage.open(documentId, doc);
    addTheme(doc, 'Lähetetty');
    await until(() => window.held.length === 1, 'the first append to be in flight');
    addTheme(doc, 'Jonossa 1');
    addTheme(doc, 'Jonossa 2');
    // beforeunload: no waiting for the call in flight, whose edit the hand-over carries too.
    platform.handOver();
    await until(
      () => themeTitles(d.sessions.store(documentId)!.doc).length === 3,
      'the queued edits to reach main',
    );
    expect(window.held).toHaveLength(1);
    await d.sessions.flush(documentId, 1);
    expect(await themesAfterRestart(file)).toEqual(['Lähetetty', 'Jonossa 1', 'Jonossa 2']);
    window.release();
    await stored.flush();
    expect(themeTitles(d.sessions.store(documentId)!.doc)).toEqual([
      'Lähetetty',
      'Jonossa 1',
      'Jonossa 2',
    ]);
    await stored.close();
  });

  it('asks the user when the edits cannot be stored: kept open, the window can still save them later', async () => {
    const d = await desktop({ dialogs: { discard: [false] } });
    const { file, documentId } = await openedFile(d, 'Ympäristöohjelma');
    const api = d.apiFor(1);
    let diskFull = false;
    const flaky: DesktopApi = {
      ...api,
      documentAppend: async (...args) => {
        if (diskFull) throw new Error('ENOSPC: no space left on device');
        return api.documentAppend(...args);
      },
      documentOpen: async (...args) => {
        if (diskFull) throw new Error('ENOSPC: no space left on device');
        return api.documentOpen(...args);
      },
    };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(flaky).storage.open(documentId, doc);
    addTheme(doc, 'Tallessa');
    await stored.flush();
    diskFull = true;
    addTheme(doc, 'Ei mahdu');
    await until(() => stored.saveState() === 'unsaved', 'the failure to show');

    expect(await d.lifecycle.requestClose(1)).toBe(false);
    expect(d.dialogs.shown).toEqual(['discard:ENOSPC: no space left on device']);
    expect(d.isOpen(1)).toBe(true);

    // Space freed: the next close stores everything and closes without asking.
    diskFull = false;
    expect(await d.lifecycle.requestClose(1)).toBe(true);
    expect(d.dialogs.shown).toHaveLength(1);
    await d.sessions.closeAll();
    expect(await themesInFile(file)).toEqual(['Tallessa', 'Ei mahdu']);
  });

  it('closes the window when the user chooses to discard edits that cannot be stored', async () => {
    const d = await desktop({ dialogs: { discard: [true] } });
    const { file, documentId } = await openedFile(d, 'Liikenneohjelma');
    const api = d.apiFor(1);
    let diskFull = false;
    const broken: DesktopApi = {
      ...api,
      documentAppend: async (...args) => {
        if (diskFull) throw new Error('EIO: i/o error, write');
        return api.documentAppend(...args);
      },
      documentOpen: async (...args) => {
        if (diskFull) throw new Error('EIO: i/o error, write');
        return api.documentOpen(...args);
      },
    };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(broken).storage.open(documentId, doc);
    addTheme(doc, 'Tallessa');
    await stored.flush();
    diskFull = true;
    addTheme(doc, 'Hylätty');
    await until(() => stored.saveState() === 'unsaved', 'the failure to show');
    expect(await d.lifecycle.requestClose(1)).toBe(true);
    expect(d.dialogs.shown).toEqual(['discard:EIO: i/o error, write']);
    expect(d.isOpen(1)).toBe(false);
    await d.sessions.closeAll();
    expect(await themesInFile(file)).toEqual(['Tallessa']);
  });
});

describe('quitting', () => {
  it('flushes every window first, then every document: each edit reported saved or in flight is on disk', async () => {
    const d = await desktop();
    const a = await openedFile(d, 'Elinvoimaohjelma');
    const b = await openedFile(d, 'Kulttuuriohjelma');
    const windowA = gated(d.apiFor(1), { firstOnly: true });
    const windowB = gated(d.apiFor(2));
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const storedA = await createElectronPlatform(windowA.api).storage.open(a.documentId, docA);
    await createElectronPlatform(windowB.api).storage.open(b.documentId, docB);

    // A: edits reported saved … then one in flight and more queued behind it.
    const saved = ['A1', 'A2', 'A3'];
    for (const title of saved) addTheme(docA, title);
    windowA.release();
    await storedA.flush();
    expect(storedA.saveState()).toBe('saved');
    // B: every append in flight when the quit starts.
    for (let i = 1; i <= 4; i++) addTheme(docB, `B${i}`);
    await until(() => windowB.held.length === 1, 'B to have an append in flight');

    const quitting = d.lifecycle.quit();
    expect(d.isOpen(2)).toBe(true);
    windowB.release();
    expect(await quitting).toBe(true);
    expect(d.isOpen(1)).toBe(false);
    expect(d.isOpen(2)).toBe(false);
    expect(await themesInFile(a.file)).toEqual(saved);
    expect(await themesInFile(b.file)).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(await themesAfterRestart(b.file)).toEqual(['B1', 'B2', 'B3', 'B4']);
  });

  it('closes a window whose renderer never answers after the time limit, logs it, and keeps what it saved', async () => {
    const d = await desktop({ lifecycle: { flushTimeoutMs: 50 } });
    const { file, documentId } = await openedFile(d, 'Asumisohjelma');
    // A hung renderer: it stored its edits earlier, but no longer answers flush requests.
    const hung: DesktopApi = { ...d.apiFor(1), onFlushRequest: () => () => undefined };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(hung).storage.open(documentId, doc);
    addTheme(doc, 'Ennen jumia');
    await stored.flush();

    expect(await d.lifecycle.quit()).toBe(true);
    expect(d.log).toEqual(['Window 1 did not answer the flush request; closing it anyway.']);
    expect(d.isOpen(1)).toBe(false);
    expect(await themesInFile(file)).toEqual(['Ennen jumia']);
  });

  it('is cancelled when the user keeps a window whose edits cannot be stored; nothing is closed', async () => {
    const d = await desktop({ dialogs: { discard: [false] } });
    const { documentId } = await openedFile(d, 'Nuoriso-ohjelma');
    const other = await openedFile(d, 'Liikuntaohjelma');
    const api = d.apiFor(1);
    let readOnly = false;
    const failing: DesktopApi = {
      ...api,
      documentAppend: async (...args) => {
        if (readOnly) throw new Error('EROFS: read-only file system');
        return api.documentAppend(...args);
      },
      documentOpen: async (...args) => {
        if (readOnly) throw new Error('EROFS: read-only file system');
        return api.documentOpen(...args);
      },
    };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(failing).storage.open(documentId, doc);
    readOnly = true;
    await createElectronPlatform(d.apiFor(2)).storage.open(other.documentId, new Y.Doc());
    addTheme(doc, 'Ei tallennu');
    await until(() => stored.saveState() === 'unsaved', 'the failure to show');

    expect(await d.lifecycle.quit()).toBe(false);
    expect(d.dialogs.shown).toEqual(['discard:EROFS: read-only file system']);
    expect(d.isOpen(1)).toBe(true);
    expect(d.isOpen(2)).toBe(true);
    expect(d.sessions.store(documentId)).toBeDefined();
    expect(d.sessions.store(other.documentId)).toBeDefined();
  });
});

describe('small JSON files (window states saved while windows close)', () => {
  it('keeps the last of several writes started at once, and never races on the temp file', async () => {
    const file = path.join(dir, 'settings.json');
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeJsonFile(file, { n: i })));
    expect(await readJsonFile(file, z.object({ n: z.number() }), { n: -1 })).toEqual({ n: 7 });
  });
});
