/** Timing helpers for benchmarks: warm-up, repeated runs, median, and a ratio table. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  min: number;
  runs: number;
}

/** Run `fn` `warmup` times unmeasured, then `runs` times, and return the median in ms. */
export async function time(
  fn: () => unknown | Promise<unknown>,
  runs = 7,
  warmup = 2,
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, min: samples[0] ?? 0, runs };
}

/**
 * Time two functions alternately (a, b, a, b …) so that a noisy, shared machine disturbs both
 * alike; returns both medians.
 */
export async function timePair(
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  runs = 7,
  warmup = 1,
): Promise<[Timing, Timing]> {
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs + warmup; i += 1) {
    for (const [fn, samples] of [
      [a, sa],
      [b, sb],
    ] as const) {
      const start = performance.now();
      await fn();
      if (i >= warmup) samples.push(performance.now() - start);
    }
  }
  const summary = (samples: number[]): Timing => {
    samples.sort((x, y) => x - y);
    return { median: samples[Math.floor(samples.length / 2)] ?? 0, min: samples[0] ?? 0, runs };
  };
  return [summary(sa), summary(sb)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const ratio = (ours: number, anchor: number) => `${(ours / anchor).toFixed(2)}×`;

/** Print a small aligned table. */
export function table(title: string, rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  console.log(`\n${title}`);
  for (const row of rows)
    console.log(`  ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`);
}
