/**
 * The renderer's desktop platform (renderer/platform/electronPlatform.ts) against the real main
 * side in-process: contract validation, handlers, sessions and files on disk.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocumentId, getMeta, setMeta } from '../../core';
import { readLinjausFile, writeLinjausFile } from '../../core/format';
import { createElectronPlatform } from '../../renderer/platform/electronPlatform';
import type { PdfProgress } from '../../renderer/platform/types';
import { createInProcessDesktop } from '../fixtures/electron/inProcessDesktop';
import { addTheme, newProgramme, themeTitles } from '../fixtures/electron/programmes';

let dir: string;
let desktop: Awaited<ReturnType<typeof createInProcessDesktop>>;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-platform-'));
  desktop = await createInProcessDesktop(path.join(dir, 'data'));
});
afterEach(async () => {
  await desktop.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('electron platform', () => {
  it('stores a new document the way the start screen creates one, and opens it again after a restart', async () => {
    const platform = createElectronPlatform(desktop.apiFor(1));
    const source = newProgramme('Uusi elinvoimaohjelma');
    const id = getDocumentId(source)!;
    // storeNewDocument: open an empty doc under the new id, then write the template's content.
    const doc = new Y.Doc();
    const stored = await platform.storage.open(id, doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    await stored.flush();
    expect(stored.saveState()).toBe('saved');
    await stored.close();

    await desktop.close();
    desktop = await createInProcessDesktop(path.join(dir, 'data'));
    const again = createElectronPlatform(desktop.apiFor(2));
    expect(await again.storage.exists(id)).toBe(true);
    const reopened = new Y.Doc();
    const stored2 = await again.storage.open(id, reopened);
    expect(getMeta(reopened).title).toBe('Uusi elinvoimaohjelma');
    await stored2.close();
  });

  it('reports "saved" only once an edit is in the log on disk', async () => {
    const file = path.join(dir, 'ohjelma.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await desktop.sessions.openFile(file);
    const platform = createElectronPlatform(desktop.apiFor(1));
    const doc = new Y.Doc();
    const stored = await platform.storage.open(documentId, doc);
    const states: string[] = [];
    stored.onSaveState((s) => states.push(s));
    addTheme(doc, 'Tallennettu teema');
    expect(stored.saveState()).toBe('saving');
    await stored.flush();
    expect(states).toEqual(['saving', 'saved']);

    // A second main process (after a crash) finds the edit on disk.
    const other = await createInProcessDesktop(path.join(dir, 'data2'));
    const { documentId: sameId } = await other.sessions.openFile(file);
    expect(themeTitles(other.sessions.store(sameId)!.doc)).toEqual(['Tallennettu teema']);
    await other.sessions.store(sameId)!.detach();
    await stored.close();
  });

  it('says "unsaved" when main could not store an edit, and "saved" once a flush has stored it', async () => {
    const file = path.join(dir, 'levy-taynna.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await desktop.sessions.openFile(file);
    const api = desktop.apiFor(1);
    let failNext = true;
    const flaky = {
      ...api,
      documentAppend: async (...args: Parameters<typeof api.documentAppend>) => {
        if (failNext) {
          failNext = false;
          throw new Error('ENOSPC: no space left on device');
        }
        return api.documentAppend(...args);
      },
    };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(flaky).storage.open(documentId, doc);
    addTheme(doc, 'Ei mahtunut');
    await until(() => stored.saveState() === 'unsaved', 'the failure to show');
    await stored.flush();
    expect(stored.saveState()).toBe('saved');
    expect(themeTitles(desktop.sessions.store(documentId)!.doc)).toEqual(['Ei mahtunut']);
    await stored.close();
  });

  it('shows a copy saved over the file by someone else in the open window', async () => {
    const file = path.join(dir, 'jaettu.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await desktop.sessions.openFile(file);
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(desktop.apiFor(1)).storage.open(documentId, doc);
    const theirs = readLinjausFile(new Uint8Array(await fs.readFile(file))).doc;
    addTheme(theirs, 'Kollegan lisäys');
    await fs.writeFile(file, writeLinjausFile(theirs));
    await until(
      () => themeTitles(doc).includes('Kollegan lisäys'),
      'the merged change to reach the window',
    );
    await stored.close();
  });

  it('sends the edits made while a call is in flight as one merged update', async () => {
    const file = path.join(dir, 'ryhma.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const { documentId } = await desktop.sessions.openFile(file);
    const api = desktop.apiFor(1);
    const calls: number[] = [];
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const counting = {
      ...api,
      documentAppend: async (...args: Parameters<typeof api.documentAppend>) => {
        calls.push(args[0].update.length);
        if (calls.length === 1) await held;
        return api.documentAppend(...args);
      },
    };
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(counting).storage.open(documentId, doc);
    const titles = Array.from({ length: 10 }, (_, i) => `Teema ${i + 1}`);
    for (const title of titles) addTheme(doc, title);
    await until(() => calls.length === 1, 'the first call');
    release();
    await stored.flush();
    expect(calls).toHaveLength(2);
    expect(themeTitles(desktop.sessions.store(documentId)!.doc)).toEqual(titles);
    await stored.close();
  });

  it('tells main the title and the unsaved state for the window title', async () => {
    const file = path.join(dir, 'a.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme('Kuntastrategia')));
    const { documentId } = await desktop.sessions.openFile(file);
    const doc = new Y.Doc();
    const stored = await createElectronPlatform(desktop.apiFor(3)).storage.open(documentId, doc);
    setMeta(doc, { title: 'Kuntastrategia 2030' });
    await stored.flush();
    expect(desktop.windowStates.at(-1)).toEqual({
      windowId: 3,
      title: 'Kuntastrategia 2030',
      isDirty: false,
    });
    expect(desktop.windowStates.some((s) => s.isDirty)).toBe(true);
    await stored.close();
  });

  it('keeps the recent list in main and passes PDF progress to the export that asked', async () => {
    const progressDesktop = await createInProcessDesktop(path.join(dir, 'data3'), {
      pdf: {
        exportPdf: async (_request, onProgress) => {
          onProgress({ phase: 'layout', fraction: 0.5 });
          onProgress({ phase: 'done', fraction: 1 });
          return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
        },
        warmUp: () => undefined,
      },
    });
    const platform = createElectronPlatform(progressDesktop.apiFor(1));
    await platform.recent.touch({
      id: 'd123',
      title: 'Hanke',
      templateId: 'hankesuunnitelma',
      updatedAt: 5,
    });
    expect(await platform.recent.list()).toEqual([
      { id: 'd123', title: 'Hanke', templateId: 'hankesuunnitelma', updatedAt: 5 },
    ]);
    const progress: PdfProgress[] = [];
    const programme = (await import('../../core')).snapshot(newProgramme());
    const bytes = await platform.pdf.exportPdf({ programme, language: 'fi' }, (p) =>
      progress.push(p),
    );
    expect(Array.from(bytes)).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(progress).toEqual([
      { phase: 'layout', fraction: 0.5 },
      { phase: 'done', fraction: 1 },
    ]);
    await progressDesktop.close();
  });

  it('opens a .linjaus file from the start screen in place: edits go to that file, not to a copy', async () => {
    const file = path.join(dir, 'paikallaan.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const withDialogs = await createInProcessDesktop(path.join(dir, 'data5'), {
      dialogs: { open: [file, file] },
    });
    const platform = createElectronPlatform(withDialogs.apiFor(1));
    // The start screen's flow: pick, read, store (renderer/start/documents.ts), then open by id.
    const picked = await platform.files.openFile({
      extensions: ['linjaus'],
      description: 'Linjaus',
    });
    const id = readLinjausFile(picked!.bytes).manifest.documentId;
    const doc = new Y.Doc();
    const stored = await platform.storage.open(id, doc);
    addTheme(doc, 'Suoraan tiedostoon');
    await stored.close();
    const onDisk = readLinjausFile(new Uint8Array(await fs.readFile(file))).doc;
    expect(themeTitles(onDisk)).toEqual(['Suoraan tiedostoon']);

    // Picking it again while a window shows it focuses that window instead.
    withDialogs.openFiles.add(await fs.realpath(file));
    expect(
      await platform.files.openFile({ extensions: ['linjaus'], description: 'Linjaus' }),
    ).toBeNull();
    expect(withDialogs.focusedFiles.at(-1)).toBe(await fs.realpath(file));
    await withDialogs.close();
  });

  it('saves bytes where the user chooses, and nothing when the dialog is cancelled', async () => {
    const target = path.join(dir, 'vienti.pdf');
    const withDialogs = await createInProcessDesktop(path.join(dir, 'data4'), {
      dialogs: { save: [target, null] },
    });
    const platform = createElectronPlatform(withDialogs.apiFor(1));
    expect(
      await platform.files.saveFile('Ohjelma.pdf', new Uint8Array([1, 2, 3]), 'application/pdf'),
    ).toBe(true);
    expect(Array.from(await fs.readFile(target))).toEqual([1, 2, 3]);
    expect(
      await platform.files.saveFile('Ohjelma.pdf', new Uint8Array([9]), 'application/pdf'),
    ).toBe(false);
    expect(withDialogs.dialogs.shown).toEqual(['save:Ohjelma.pdf', 'save:Ohjelma.pdf']);
    await withDialogs.close();
  });

  it('hosts a workshop only for a document open in the app, with join addresses on the local network', async () => {
    const file = path.join(dir, 'tyopaja.linjaus');
    await fs.writeFile(file, writeLinjausFile(newProgramme()));
    const api = desktop.apiFor(1);
    await expect(api.workshopHost({ documentId: 'dnotopen' })).rejects.toThrow(/not open/);
    const { documentId } = await desktop.sessions.openFile(file);
    const hosted = await api.workshopHost({ documentId });
    expect(hosted).toEqual({
      port: 4321,
      localUrl: 'ws://127.0.0.1:4321',
      lanUrls: ['http://192.168.1.20:4321'],
      hostToken: 'host-token',
    });
    await expect(
      api.workshopMintToken({ documentId, role: 'owner' as 'editor', label: 'x' }),
    ).rejects.toThrow(/invalid arguments/);
  });

  it('is refused by main when the page is not the app', async () => {
    const hostile = createElectronPlatform(desktop.apiFor(1, 'https://evil.example/'));
    await expect(hostile.recent.list()).rejects.toThrow(/not Linjaus/);
  });
});
