/** A small seeded PRNG (mulberry32) so a failing random test can be replayed from its seed. */
export interface Rng {
  readonly seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T | undefined;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** Seeds for a run: LINJAUS_SEED replays one seed; otherwise `count` seeds from a random start. */
export function seeds(count: number): number[] {
  const fixed = process.env.LINJAUS_SEED;
  if (fixed) return [Number(fixed)];
  const start = Math.floor(Math.random() * 2 ** 31);
  return Array.from({ length: count }, (_, i) => (start + i) >>> 0);
}
