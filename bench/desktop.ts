/**
 * Benchmarks of the desktop storage (issue 6), on the real file system of this machine:
 * 1. "saved" latency: one keystroke's Yjs update appended through DocumentStore (apply to the
 *    mirror, frame, write, fdatasync), p50/p95 over 500 keystrokes, against a bare
 *    write + fdatasync of the same bytes (the anchor: what the disk costs anyway);
 * 2. a burst of 500 updates sent at once (group commit), against 500 bare fsynced appends;
 * 3. compaction of a programme with 300 themes (atomic replace + log restart), against
 *    `writeLinjausFile` plus one bare write + fsync of the same bytes;
 * 4. reopening after a crash with 500 updates in the log, against reading the file alone.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { addItem, childrenOf, getItem, origin, richField, type ItemId } from '../core';
import { readLinjausFile, writeLinjausFile } from '../core/format';
import { createProgramme, getTemplate } from '../core';
import { DocumentStore } from '../electron/main/storage/documentStore';
import { encodeUpdateFrame } from '../electron/main/storage/frames';
import { linjausCodec } from '../electron/main/storage/linjausCodec';
import { ms, ratio, table, timePair } from './measure';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 500);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function themesSection(doc: Y.Doc): ItemId {
  const id = childrenOf(doc, null, 'section').find(
    (s) => getItem(doc, s, 'section')?.fields.sectionKind === 'themes',
  );
  if (!id) throw new Error('no themes section');
  return id;
}

/** A programme and the updates of `count` keystrokes typed into one theme's description. */
function keystrokes(themes: number, count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = createProgramme(getTemplate('elinvoimaohjelma'), { title: 'Benchmark' });
  let last: ItemId | null = null;
  for (let i = 0; i < themes; i++)
    last = addItem(doc, 'theme', themesSection(doc), { title: `Teema ${i}` });
  const source = new Y.Doc();
  Y.applyUpdate(source, Y.encodeStateAsUpdate(doc));
  const el = richField(
    source,
    last ?? addItem(source, 'theme', themesSection(source), { title: 'T' }),
    'description',
  );
  const paragraph = el.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++)
    source.transact(() => text.insert(text.length, 'abcdefghij'[i % 10]!), origin('local'));
  return { doc, updates };
}

async function bareAppender(
  file: string,
): Promise<{ append(bytes: Uint8Array): Promise<void>; close(): Promise<void> }> {
  const handle = await fs.open(file, 'a');
  return {
    async append(bytes) {
      await handle.write(bytes);
      await handle.datasync();
    },
    close: () => handle.close(),
  };
}

export async function benchDesktop(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-bench-desktop-'));
  try {
    const { doc, updates } = keystrokes(10, KEYSTROKES);
    const file = path.join(dir, 'ohjelma.linjaus');
    await fs.writeFile(file, writeLinjausFile(doc));
    const { store } = await DocumentStore.open(file, linjausCodec);
    const bare = await bareAppender(path.join(dir, 'bare.log'));

    // 1. Sequential: each keystroke waits for "saved" before the next, alternating with the anchor.
    const ours: number[] = [];
    const anchor: number[] = [];
    for (const update of updates) {
      let t = performance.now();
      await store.append(update);
      ours.push(performance.now() - t);
      t = performance.now();
      await bare.append(encodeUpdateFrame(update));
      anchor.push(performance.now() - t);
    }
    table(`"saved" latency per keystroke (${updates.length} keystrokes, sequential)`, [
      ['', 'p50', 'p95', 'p50 ratio'],
      [
        'DocumentStore.append',
        ms(percentile(ours, 50)),
        ms(percentile(ours, 95)),
        ratio(percentile(ours, 50), percentile(anchor, 50)),
      ],
      ['bare write + fdatasync', ms(percentile(anchor, 50)), ms(percentile(anchor, 95)), '1.00×'],
    ]);

    // 2. Burst: every update sent at once (a paste, a remote merge) shares fsyncs.
    const burst = keystrokes(10, KEYSTROKES);
    const burstFile = path.join(dir, 'burst.linjaus');
    await fs.writeFile(burstFile, writeLinjausFile(burst.doc));
    const { store: burstStore } = await DocumentStore.open(burstFile, linjausCodec);
    let t = performance.now();
    await Promise.all(burst.updates.map((u) => burstStore.append(u)));
    const burstMs = performance.now() - t;
    t = performance.now();
    for (const u of burst.updates) await bare.append(encodeUpdateFrame(u));
    const bareBurst = performance.now() - t;
    table(`burst of ${burst.updates.length} updates until all are saved`, [
      ['', 'total', 'ratio'],
      ['DocumentStore (group commit)', ms(burstMs), ratio(burstMs, bareBurst)],
      ['bare fsync per update', ms(bareBurst), '1.00×'],
    ]);

    // 3. Compaction of a larger programme.
    const big = keystrokes(300, 10);
    const bigFile = path.join(dir, 'iso.linjaus');
    await fs.writeFile(bigFile, writeLinjausFile(big.doc));
    const { store: bigStore } = await DocumentStore.open(bigFile, linjausCodec);
    let n = 0;
    const [compact, plain] = await timePair(
      async () => {
        await bigStore.append(big.updates[n++ % big.updates.length]!);
        await bigStore.compact({ force: true });
      },
      async () => {
        const bytes = writeLinjausFile(bigStore.doc);
        const h = await fs.open(path.join(dir, 'plain.linjaus'), 'w');
        await h.writeFile(bytes);
        await h.sync();
        await h.close();
      },
      9,
    );
    const size = (await fs.stat(bigFile)).size;
    table(`compaction, 300 themes (${(size / 1024).toFixed(0)} KiB file), median of 9`, [
      ['', 'median', 'ratio'],
      [
        'atomic compaction (temp, backup, rename, log restart)',
        ms(compact.median),
        ratio(compact.median, plain.median),
      ],
      ['writeLinjausFile + one write + fsync', ms(plain.median), '1.00×'],
    ]);

    // 4. Reopen after a crash with a long log.
    await store.detach();
    const [reopen, readOnly] = await timePair(
      async () => {
        const { store: s } = await DocumentStore.open(file, linjausCodec);
        await s.detach();
      },
      async () => readLinjausFile(new Uint8Array(await fs.readFile(file))),
      7,
    );
    table(`reopen with ${KEYSTROKES} updates in the log, median of 7`, [
      ['', 'median', 'ratio'],
      [
        'DocumentStore.open (read + replay)',
        ms(reopen.median),
        ratio(reopen.median, readOnly.median),
      ],
      ['readLinjausFile alone', ms(readOnly.median), '1.00×'],
    ]);
    await burstStore.detach();
    await bigStore.detach();
    await bare.close();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDesktop();
