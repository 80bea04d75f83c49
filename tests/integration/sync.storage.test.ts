/**
 * The embedded storage's update log on real files: what was appended (and fsynced) reads back;
 * a torn tail from a crash mid-append is cut off and appending carries on; a corrupt record ends
 * the readable log there; compaction replaces the log by the merged state atomically.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateLog } from '../../server/sync/storage/updateLog';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function logFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'linjaus-log-'));
  dirs.push(dir);
  return path.join(dir, 'documents', 'dtest.log');
}

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)));
  return { doc, updates };
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('update log', () => {
  it('reads back every appended update after reopening', async () => {
    const file = await logFile();
    const { doc, updates } = edits(50);
    const { log } = await UpdateLog.open(file);
    await log.append(updates.slice(0, 20));
    await log.append(updates.slice(20));
    await log.close();
    const { log: again, contents } = await UpdateLog.open(file);
    expect(contents.droppedBytes).toBe(0);
    expect(textOf(contents.updates)).toBe(doc.getText('t').toString());
    await again.close();
  });

  it('cuts a torn tail and keeps appending after it', async () => {
    const file = await logFile();
    const { updates } = edits(10);
    const { log } = await UpdateLog.open(file);
    await log.append(updates.slice(0, 5));
    await log.close();
    const size = (await readFile(file)).length;
    // A crash half-way through the next append.
    await appendFile(file, Buffer.from([40, 0, 0, 0, 1, 2, 3, 4, 5, 6]));
    const { log: reopened, contents } = await UpdateLog.open(file);
    expect(contents.droppedBytes).toBe(10);
    expect(contents.updates).toHaveLength(5);
    expect((await readFile(file)).length).toBe(size);
    await reopened.append(updates.slice(5));
    await reopened.close();
    const { log: third, contents: all } = await UpdateLog.open(file);
    expect(textOf(all.updates)).toBe(textOf(updates));
    await third.close();
  });

  it('stops at a record whose checksum does not match', async () => {
    const file = await logFile();
    const { updates } = edits(6);
    const { log } = await UpdateLog.open(file);
    await log.append(updates.slice(0, 3));
    const goodSize = log.bytes;
    await log.append(updates.slice(3));
    await log.close();
    const bytes = await readFile(file);
    bytes[goodSize + 9] = bytes[goodSize + 9]! ^ 0xff;
    await writeFile(file, bytes);
    const { log: reopened, contents } = await UpdateLog.open(file);
    expect(contents.updates).toHaveLength(3);
    expect(contents.validBytes).toBe(goodSize);
    await reopened.close();
  });

  it('compacts to the merged state, atomically, and appends after it', async () => {
    const file = await logFile();
    const { doc, updates } = edits(200);
    const { log } = await UpdateLog.open(file);
    await log.append(updates);
    const before = log.bytes;
    await log.compact(Y.encodeStateAsUpdate(doc));
    expect(log.bytes).toBeLessThan(before);
    doc.getText('t').insert(0, 'Z');
    await log.append([Y.encodeStateAsUpdate(doc)]);
    await log.close();
    // A temporary file left by a crash during a later compaction is ignored.
    await writeFile(`${file}.tmp`, 'half-written');
    const { log: reopened, contents } = await UpdateLog.open(file);
    expect(contents.updates).toHaveLength(2);
    expect(textOf(contents.updates)).toBe(doc.getText('t').toString());
    await reopened.close();
  });
});
