/**
 * Seeded random convergence (core/SPEC.md C1, C2): five replicas make random model operations,
 * messages arrive in random order, some duplicated, some dropped, replicas go offline and come
 * back. After settling, all replicas must be identical. A failure prints its seed; replay it with
 * LINJAUS_SEED=<seed>. LINJAUS_SYNC_LONG=1 runs many more seeds and operations.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../core/model/items';
import { snapshot } from '../../core/model/snapshot';
import { replica, skeleton, stableJson } from '../helpers/programme';
import { rng, seeds } from '../helpers/random';
import { Network } from './network';
import { randomOperation } from './operations';

const LONG = process.env.LINJAUS_SYNC_LONG === '1';
const CLIENTS = 5;
const SEEDS = seeds(LONG ? 300 : 12);
const STEPS = LONG ? 400 : 120;

/**
 * The document's encoded state as it is saved and reopened. A live Y.Doc can keep adjacent
 * garbage-collected ranges as separate structs depending on delivery order (same content, a few
 * bytes more); reloading from its own encoding normalises that, so replicas must then be
 * byte-identical (core/SPEC.md C1).
 */
function canonicalBytes(doc: Y.Doc): Uint8Array {
  const reloaded = new Y.Doc();
  Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
  return Y.encodeStateAsUpdate(reloaded);
}

function runScenario(seed: number): void {
  const r = rng(seed);
  const base = skeleton();
  addItem(base.doc, 'theme', base.themes, { title: 'Energia' });
  const docs = [base.doc, ...Array.from({ length: CLIENTS - 1 }, () => replica(base.doc))];
  const net = new Network(docs, r);
  for (let step = 0; step < STEPS; step += 1) {
    const who = r.int(CLIENTS);
    if (r.chance(0.03)) net.setOnline(who, !net.online[who]);
    randomOperation(docs[who] as Y.Doc, r);
    net.deliver(r.int(6));
  }
  net.settle();
  const [first, ...rest] = docs as [Y.Doc, ...Y.Doc[]];
  const vector = Y.encodeStateVector(first);
  const bytes = canonicalBytes(first);
  const json = stableJson(snapshot(first));
  rest.forEach((doc, i) => {
    const where = `seed ${seed} (replay: LINJAUS_SEED=${seed}), replica ${i + 1}`;
    expect(Y.encodeStateVector(doc), `state vector, ${where}`).toEqual(vector);
    expect(canonicalBytes(doc), `update bytes, ${where}`).toEqual(bytes);
    expect(stableJson(snapshot(doc)), `snapshot, ${where}`).toBe(json);
  });
}

describe('random concurrent editing', () => {
  it.each(SEEDS)('converges to identical replicas (seed %i)', (seed) => {
    try {
      runScenario(seed);
    } catch (error) {
      console.error(`Convergence failed for seed ${seed}; replay with LINJAUS_SEED=${seed}`);
      throw error;
    }
  });
});
