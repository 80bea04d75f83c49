/**
 * The desktop app's open documents (electron/main/documents/sessions.ts) with real files: what
 * a window gets when it opens a document, who may write to it, and changes arriving from disk.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocumentId } from '../../core';
import { readLinjausFile, writeLinjausFile } from '../../core/format';
import {
  DocumentSessions,
  NotAttachedError,
  type SessionEvents,
} from '../../electron/main/documents/sessions';
import { RecentIndex } from '../../electron/main/recent/recentIndex';
import { DocumentStore } from '../../electron/main/storage/documentStore';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { addTheme, newProgramme, themeTitles } from '../fixtures/electron/programmes';

let dir: string;
let sessions: DocumentSessions;
let updates: { documentId: string; update: Uint8Array; windows: readonly number[] }[];

async function makeSessions(): Promise<DocumentSessions> {
  const events: SessionEvents = {
    documentUpdate: (documentId, update, windows) =>
      void updates.push({ documentId, update, windows }),
    fileState: () => undefined,
  };
  const recent = await RecentIndex.load(path.join(dir, 'data', 'recent.json'));
  return new DocumentSessions(
    {
      codec: linjausCodec,
      unsavedDir: path.join(dir, 'data', 'unsaved'),
      recent,
      compactAfterMs: 20,
    },
    events,
  );
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-sessions-'));
  await fs.mkdir(path.join(dir, 'data', 'unsaved'), { recursive: true });
  updates = [];
  sessions = await makeSessions();
});
afterEach(async () => {
  await sessions.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A renderer: a fresh Y.Doc that attaches and applies what main sends back. */
async function attachRenderer(documentId: string, windowId: number, doc = new Y.Doc()) {
  const { update } = await sessions.attach(documentId, Y.encodeStateAsUpdate(doc), windowId);
  Y.applyUpdate(doc, update);
  return doc;
}

/** Wait for a condition without a fixed sleep (the file watcher is asynchronous). */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('DocumentSessions', () => {
  it('stores a document created in the renderer, and finds it again by id after a restart', async () => {
    const renderer = newProgramme('Uusi');
    const id = getDocumentId(renderer)!;
    await sessions.attach(id, Y.encodeStateAsUpdate(renderer), 1);
    await sessions.append(id, addTheme(renderer, 'Eka'), 1);
    const file = path.join(dir, 'Uusi.linjaus');
    await sessions.saveAs(id, file);
    await sessions.closeAll();

    sessions = await makeSessions();
    expect(await sessions.exists(id)).toBe(true);
    const reopened = await attachRenderer(id, 2);
    expect(themeTitles(reopened)).toEqual(['Eka']);
    expect(sessions.store(id)?.file).toBe(await fs.realpath(file));
  });

  it('recovers a new, never-saved document after a crash', async () => {
    const renderer = newProgramme('Luonnos');
    const id = getDocumentId(renderer)!;
    await sessions.attach(id, Y.encodeStateAsUpdate(renderer), 1);
    await sessions.append(id, addTheme(renderer, 'Kesken'), 1);
    // A crash: the sessions object is dropped without closing.
    sessions = await makeSessions();
    expect(await sessions.unsavedDocuments()).toEqual([id]);
    expect(themeTitles(await attachRenderer(id, 1))).toEqual(['Kesken']);
  });

  it('returns the open session when a file is opened twice, so its window can be focused', async () => {
    const file = path.join(dir, 'a.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const first = await sessions.openFile(file);
    const second = await sessions.openFile(path.join(dir, '.', 'a.linjaus'));
    expect(second.documentId).toBe(first.documentId);
    expect(second.recovery).toBeNull();
  });

  it('refuses writes from a window that did not open the document', async () => {
    const file = path.join(dir, 'a.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await sessions.openFile(file);
    const renderer = await attachRenderer(documentId, 1);
    await expect(sessions.append(documentId, addTheme(renderer, 'x'), 99)).rejects.toBeInstanceOf(
      NotAttachedError,
    );
  });

  it('forwards one window’s edits to another window on the same document', async () => {
    const file = path.join(dir, 'a.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await sessions.openFile(file);
    const a = await attachRenderer(documentId, 1);
    const b = await attachRenderer(documentId, 2);
    await sessions.append(documentId, addTheme(a, 'Yhteinen'), 1);
    for (const u of updates.filter((x) => x.windows.includes(2))) Y.applyUpdate(b, u.update);
    expect(themeTitles(b)).toEqual(['Yhteinen']);
  });

  it('merges a copy saved over the file by another program and shows it in the window', async () => {
    const file = path.join(dir, 'jaettu.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await sessions.openFile(file);
    const renderer = await attachRenderer(documentId, 1);
    await sessions.append(documentId, addTheme(renderer, 'Minun'), 1);

    const colleague = readLinjausFile(new Uint8Array(await fs.readFile(file))).doc;
    addTheme(colleague, 'Kollegan');
    await fs.writeFile(file, writeLinjausFile(colleague));

    await until(
      () => updates.some((u) => u.documentId === documentId && u.windows.includes(1)),
      'the merge to reach the window',
    );
    for (const u of updates) Y.applyUpdate(renderer, u.update);
    expect(new Set(themeTitles(renderer))).toEqual(new Set(['Minun', 'Kollegan']));
    await until(async () => {
      const onDisk = readLinjausFile(new Uint8Array(await fs.readFile(file))).doc;
      return themeTitles(onDisk).length === 2;
    }, 'the merged file to be compacted');
  });

  it('never deletes a user’s file when a document is removed from the app', async () => {
    const file = path.join(dir, 'pidä.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await sessions.openFile(file);
    await expect(sessions.remove(documentId)).rejects.toThrow(/close it first/);
    await sessions.closeAll();
    await sessions.remove(documentId);
    expect((await fs.stat(file)).isFile()).toBe(true);
    expect(await sessions.exists(documentId)).toBe(false);
  });

  it('reopens a document that is still being closed only after the close, so no saved edit is written to a replaced log', async () => {
    const file = path.join(dir, 'uudelleen.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await sessions.openFile(file);
    const first = await attachRenderer(documentId, 1);
    await sessions.append(documentId, addTheme(first, 'Ennen sulkemista'), 1);
    // Back to the start screen and straight into the document again.
    const closing = sessions.detach(documentId, 1);
    const again = await attachRenderer(documentId, 1);
    await closing;
    await sessions.append(documentId, addTheme(again, 'Heti perään'), 1);
    // A crash now: a new process replays file + log.
    const { store } = await DocumentStore.open(file, linjausCodec);
    expect(themeTitles(store.doc)).toEqual(['Ennen sulkemista', 'Heti perään']);
    await store.detach();
  });
});
