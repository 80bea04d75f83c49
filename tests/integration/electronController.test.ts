/**
 * The desktop app's file commands (electron/main/app/controller.ts) with real files, a recorded
 * window manager and scripted native dialogs: what the user sees when opening, creating,
 * importing and saving documents.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocumentId, getExample, snapshot } from '../../core';
import { readLinjausFile, writeLinjausFile } from '../../core/format';
import { DesktopController, type WindowManager } from '../../electron/main/app/controller';
import { DocumentSessions } from '../../electron/main/documents/sessions';
import { scriptedDialogs, type DialogScript } from '../../electron/main/files/dialogs';
import type { UiLanguage } from '../../electron/main/i18n/strings';
import { RecentIndex } from '../../electron/main/recent/recentIndex';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { WindowRegistry } from '../../electron/main/windows/registry';
import { newProgramme } from '../fixtures/electron/programmes';

let dir: string;
let sessions: DocumentSessions;

/** Windows as a list of what happened to them. */
function recordedWindows(registry: WindowRegistry) {
  const log: string[] = [];
  let next = 1;
  const manager: WindowManager = {
    open: (documentId) => {
      const id = next++;
      registry.add(id);
      log.push(`open ${id} ${documentId ?? 'start'}`);
      return id;
    },
    show: (id, documentId) => void log.push(`show ${id} ${documentId}`),
    focus: (id) => void log.push(`focus ${id}`),
    close: (id) => {
      registry.remove(id);
      log.push(`close ${id}`);
    },
    refresh: () => undefined,
  };
  return { log, manager };
}

async function setup(script: DialogScript = {}, language: UiLanguage = 'fi') {
  const registry = new WindowRegistry();
  const { log, manager } = recordedWindows(registry);
  const dialogs = scriptedDialogs(script);
  const recent = await RecentIndex.load(path.join(dir, 'data', 'recent.json'));
  sessions = new DocumentSessions(
    { codec: linjausCodec, unsavedDir: path.join(dir, 'data', 'unsaved'), recent },
    { documentUpdate: () => undefined, fileState: () => undefined },
  );
  const controller = new DesktopController({
    sessions,
    recent,
    dialogs,
    windows: manager,
    registry,
    language: () => language,
    setLanguage: async () => undefined,
    openExternal: async () => undefined,
    appVersion: '0.1.0',
  });
  return { controller, log, dialogs, registry };
}

async function writeDoc(name: string, title = 'Ohjelma'): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, writeLinjausFile(newProgramme(title)));
  return file;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-controller-'));
  await fs.mkdir(path.join(dir, 'data', 'unsaved'), { recursive: true });
});
afterEach(async () => {
  await sessions?.closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('DesktopController', () => {
  it('opens each double-clicked file in its own window, and focuses the window of a file opened again', async () => {
    const { controller, log } = await setup();
    const a = await writeDoc('a.linjaus');
    const b = await writeDoc('b.linjaus');
    await controller.openFiles([a, b]);
    await controller.openFile(path.join(dir, 'sub', '..', 'a.linjaus'));
    expect(log.filter((l) => l.startsWith('open'))).toHaveLength(2);
    expect(log.at(-1)).toBe('focus 1');
  });

  it('opens a file into the start-screen window instead of a new one', async () => {
    const { controller, log, registry } = await setup();
    registry.add(42);
    await controller.openFile(await writeDoc('a.linjaus'));
    expect(log[0]).toMatch(/^show 42 d/);
    expect(log.some((l) => l.startsWith('open'))).toBe(false);
  });

  it.each<[string, () => Uint8Array, RegExp, UiLanguage]>([
    ['zero-length', () => new Uint8Array(0), /tyhjä/, 'fi'],
    ['not a zip', () => new TextEncoder().encode('hello'), /inte en Linjaus-fil/, 'sv'],
    [
      'truncated',
      () => writeLinjausFile(newProgramme()).subarray(0, 300),
      /damaged or incomplete/,
      'en',
    ],
  ])(
    'explains a %s file in the UI language and opens no window',
    async (_name, bytes, message, language) => {
      const { controller, log, dialogs } = await setup({}, language);
      const file = path.join(dir, 'bad.linjaus');
      const content = bytes();
      await fs.writeFile(file, content);
      await controller.openFile(file);
      expect(log).toEqual([]);
      expect(dialogs.shown).toHaveLength(1);
      expect(dialogs.shown[0]).toMatch(/^error:/);
      expect(dialogs.shown[0]).toMatch(message);
      expect(new Uint8Array(await fs.readFile(file))).toEqual(content);
    },
  );

  it('refuses to open a second copy of an open document and focuses the open one', async () => {
    const { controller, log, dialogs } = await setup();
    const original = await writeDoc('a.linjaus');
    const copy = path.join(dir, 'kopio.linjaus');
    await fs.copyFile(original, copy);
    await controller.openFile(original);
    await controller.openFile(copy);
    expect(dialogs.shown[0]).toMatch(/kopio/);
    expect(log.at(-1)).toBe('focus 1');
  });

  it('creates a document from a template and saves it where the user chooses', async () => {
    const target = path.join(dir, 'Elinvoima');
    const { controller, registry } = await setup({ save: [target] });
    await controller.newFromTemplate('elinvoimaohjelma');
    const [entry] = registry.all();
    expect(entry?.file).toBeNull();
    await controller.save(entry!.windowId);
    const saved = readLinjausFile(new Uint8Array(await fs.readFile(`${target}.linjaus`)));
    expect(saved.manifest.templateId).toBe('elinvoimaohjelma');
    expect(entry?.file).toBe(await fs.realpath(`${target}.linjaus`));
  });

  it('keeps the document id on Save as, and makes a new one only for Save as a separate document', async () => {
    const copy = path.join(dir, 'kopio.linjaus');
    const separate = path.join(dir, 'erillinen.linjaus');
    const { controller, registry } = await setup({ save: [copy, separate] });
    const original = await writeDoc('a.linjaus');
    const originalId = readLinjausFile(new Uint8Array(await fs.readFile(original))).manifest
      .documentId;
    await controller.openFile(original);
    await controller.saveAs(1);
    expect(readLinjausFile(new Uint8Array(await fs.readFile(copy))).manifest.documentId).toBe(
      originalId,
    );
    await controller.saveAsNew(1);
    const newId = readLinjausFile(new Uint8Array(await fs.readFile(separate))).manifest.documentId;
    expect(newId).not.toBe(originalId);
    expect(registry.get(1)?.documentId).toBe(newId);
  });

  it('cancelling a dialog changes nothing', async () => {
    const { controller, log } = await setup({ open: [null], save: [null] });
    await controller.open();
    await controller.importJson();
    expect(log).toEqual([]);
  });

  it('imports a JSON programme as a new document in a window', async () => {
    const json = path.join(dir, 'ohjelma.json');
    const programme = snapshot(newProgramme('Tuotu ohjelma'));
    await fs.writeFile(json, JSON.stringify(programme));
    const { controller, log } = await setup({ open: [json] });
    await controller.importJson();
    expect(log[0]).toBe(`open 1 ${programme.id}`);
    expect(getDocumentId(sessions.store(programme.id)!.doc)).toBe(programme.id);
  });

  it('explains a JSON file that breaks the schema', async () => {
    const json = path.join(dir, 'rikki.json');
    await fs.writeFile(json, JSON.stringify({ ...getExample('elinvoimaohjelma'), meta: 7 }));
    const { controller, dialogs, log } = await setup({ open: [json] });
    await controller.importJson();
    expect(log).toEqual([]);
    expect(dialogs.shown.at(-1)).toMatch(/^error:.*rikki\.json/);
  });
});
