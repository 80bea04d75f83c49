/**
 * Cost of the sync server's integrity shadow (server/sync/integrity/shadowDoc.ts) on a ~194-page
 * programme (the elinvoimaohjelma example's themes ×12, as bench/app.ts builds it):
 * 1. extra CPU per keystroke update: real apply alone (anchor) vs trial on the shadow + real
 *    apply (+ the shadow following the real document's update event);
 * 2. the same for one large update (an offline session's 2,000 keystrokes, merged);
 * 3. building a shadow (document load, and the rebuild after a refused update);
 * 4. heap per document: K real documents (anchor) vs the same K with a shadow each.
 * Alone: `node --expose-gc --import tsx bench/syncIntegrity.ts` (without --expose-gc the heap
 * figures are rougher).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { getExample, newDocumentId, newItemId, type Programme, type Theme } from '../core';
import { programmeToDoc } from '../core/model/fromProgramme';
import { origin } from '../core/model/origins';
import { childrenOf, richField } from '../core/model/items';
import { ShadowDoc } from '../server/sync/integrity/shadowDoc';

function bigProgramme(copies: number): Programme {
  const base = getExample('elinvoimaohjelma');
  const fresh = <T extends { id: string }>(x: T): T => ({
    ...x,
    id: newItemId(),
  });
  const section = base.sections.find((s) => s.kind === 'themes');
  if (!section || section.kind !== 'themes') throw new Error('example has no themes section');
  const themes: Theme[] = [];
  for (let c = 0; c < copies; c++)
    for (const t of section.themes)
      themes.push({
        ...fresh(t),
        title: `${t.title} (${c + 1})`,
        indicators: t.indicators.map(fresh),
        goals: t.goals.map((g) => ({
          ...fresh(g),
          actions: g.actions.map(fresh),
          indicators: g.indicators.map(fresh),
        })),
      });
  return {
    ...base,
    id: newDocumentId(),
    sections: base.sections.map((s) => (s.kind === 'themes' ? { ...s, themes } : s)),
  };
}

/** Run the measurements and print them with their anchors. */
export async function benchSyncIntegrity(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const copyOf = (doc: Y.Doc) => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
    return d;
  };

  const programme = bigProgramme(12);
  const base = programmeToDoc(programme, origin('template'));
  const state = Y.encodeStateAsUpdate(base);
  console.log(
    `document: ${(state.length / 1024).toFixed(0)} KiB of Yjs state, ${Y.encodeStateVector(base).length} B state vector`,
  );

  // Keystroke updates as a participant's client makes them.
  const client = copyOf(base);
  const keystrokes: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => keystrokes.push(u));
  const sections = childrenOf(client, null, 'section');
  const field = richField(client, sections[0]!, 'body');
  const paragraph = field.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  let caret = text.length;
  for (let i = 0; i < 2000; i++) {
    if (i % 10 === 9) client.transact(() => text.delete(--caret, 1));
    else client.transact(() => text.insert(caret++, 'abcdefghijklmnopqrstuvwxyzåäö '[i % 30]!));
  }
  const bigUpdate = Y.mergeUpdates(keystrokes);
  console.log(
    `${keystrokes.length} keystroke updates, mean ${(keystrokes.reduce((n, u) => n + u.length, 0) / keystrokes.length).toFixed(0)} B; merged: ${bigUpdate.length} B`,
  );

  function runKeystrokes(withShadow: boolean): number {
    const real = new Y.Doc();
    Y.applyUpdate(real, state);
    const shadow = withShadow ? new ShadowDoc(real) : null;
    // Hocuspocus listens for updates on the real document anyway (broadcast, storage).
    real.on('update', () => undefined);
    const start = performance.now();
    for (const u of keystrokes) {
      if (shadow && shadow.trial(u) !== 'change') throw new Error('refused');
      Y.applyUpdate(real, u);
    }
    const elapsed = performance.now() - start;
    shadow?.dispose();
    return (elapsed / keystrokes.length) * 1000;
  }

  function runBig(withShadow: boolean): number {
    const real = new Y.Doc();
    Y.applyUpdate(real, state);
    const shadow = withShadow ? new ShadowDoc(real) : null;
    real.on('update', () => undefined);
    const start = performance.now();
    if (shadow && shadow.trial(bigUpdate) !== 'change') throw new Error('refused');
    Y.applyUpdate(real, bigUpdate);
    const elapsed = performance.now() - start;
    shadow?.dispose();
    return elapsed;
  }

  const key = { anchor: [] as number[], ours: [] as number[] };
  const big = { anchor: [] as number[], ours: [] as number[] };
  for (let i = 0; i < 8; i++) {
    const a = runKeystrokes(false);
    const o = runKeystrokes(true);
    const ba = runBig(false);
    const bo = runBig(true);
    if (i > 0) {
      key.anchor.push(a);
      key.ours.push(o);
      big.anchor.push(ba);
      big.ours.push(bo);
    }
  }
  const ka = median(key.anchor),
    ko = median(key.ours),
    ba = median(big.anchor),
    bo = median(big.ours);
  console.log(
    `keystroke update: real apply ${ka.toFixed(1)} µs (anchor); with shadow trial + follow ${ko.toFixed(1)} µs: +${(ko - ka).toFixed(1)} µs, ${(ko / ka).toFixed(2)}×`,
  );
  console.log(
    `offline session (2,000 keystrokes merged): real apply ${ba.toFixed(2)} ms (anchor); with shadow ${bo.toFixed(2)} ms: ${(bo / ba).toFixed(2)}×`,
  );

  const build: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const real = new Y.Doc();
    Y.applyUpdate(real, state);
    const t1 = performance.now();
    const shadow = new ShadowDoc(real);
    const t2 = performance.now();
    load.push(t1 - t0);
    build.push(t2 - t1);
    shadow.dispose();
  }
  console.log(
    `building a shadow (load, or rebuild after a refusal): ${median(build).toFixed(1)} ms; loading the real document from its state (anchor): ${median(load).toFixed(1)} ms`,
  );

  const K = 6;
  gc();
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const reals: Y.Doc[] = [];
  for (let i = 0; i < K; i++) {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    reals.push(d);
  }
  gc();
  gc();
  const h1 = process.memoryUsage().heapUsed;
  const shadows = reals.map((d) => new ShadowDoc(d));
  gc();
  gc();
  const h2 = process.memoryUsage().heapUsed;
  const perDoc = (h1 - h0) / K / 2 ** 20,
    perShadow = (h2 - h1) / K / 2 ** 20;
  console.log(
    `heap per loaded document: ${perDoc.toFixed(2)} MiB (anchor); its shadow adds ${perShadow.toFixed(2)} MiB: ${(perShadow / perDoc).toFixed(2)}×`,
  );
  shadows.forEach((s) => s.dispose());

  // Refusals: a gap (foreseen: the shadow is not touched) against the keystroke anchor.
  {
    const real = new Y.Doc();
    Y.applyUpdate(real, state);
    const shadow = new ShadowDoc(real);
    const gap = Y.mergeUpdates(keystrokes.slice(1, 200));
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      if (shadow.trial(gap) !== 'pending') throw new Error('not refused');
      times.push(performance.now() - t0);
    }
    console.log(
      `refusing an update with a gap (199 keystrokes without the first): ${(median(times) * 1000).toFixed(0)} µs, the shadow untouched`,
    );
    shadow.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSyncIntegrity();
