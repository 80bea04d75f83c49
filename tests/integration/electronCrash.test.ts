/**
 * Crash test of the desktop storage (electron/main/storage/SPEC.md L1–L4): a child process writes
 * updates through the storage module and is killed with SIGKILL at random moments — during
 * appends, fsyncs and compactions. After every kill the `.linjaus` file must be readable and
 * reopening must recover every update the child reported saved.
 *
 * Seeded: the seed is printed; replay with LINJAUS_CRASH_SEED=<seed>. LINJAUS_CRASH_KILLS sets
 * the number of kills (default 100).
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLinjausFile } from '../../core/format';
import { DocumentStore } from '../../electron/main/storage/documentStore';
import { linjausCodec } from '../../electron/main/storage/linjausCodec';
import { newProgramme, themeTitles } from '../fixtures/electron/programmes';
import { mulberry32 } from '../fixtures/electron/random';

const WRITER = fileURLToPath(new URL('../fixtures/electron/crashWriter.ts', import.meta.url));
const SEED = Number(process.env.LINJAUS_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = Number(process.env.LINJAUS_CRASH_KILLS ?? 100);

let dir: string;
let command: string[];

/**
 * The writer is a TypeScript (tsx) script. Starting tsx costs ~1 s per process; a hundred kills
 * would spend most of the test starting it, so the script is bundled once with tsx's own esbuild
 * and the bundle is run with plain node (~0.2 s).
 */
async function writerCommand(outDir: string): Promise<string[]> {
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild') as {
    build(options: Record<string, unknown>): Promise<unknown>;
  };
  const outfile = path.join(outDir, 'crashWriter.mjs');
  await esbuild.build({
    entryPoints: [WRITER],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return [process.execPath, outfile];
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-crash-'));
  command = await writerCommand(dir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface RunResult {
  saved: string[];
  killedDuringCompaction: boolean;
}

/** Start the writer, SIGKILL it after `killAfter` saved lines (+ a random extra delay). */
function runAndKill(
  file: string,
  seed: number,
  runId: string,
  killAfter: number,
  extraDelayMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const [node, script] = command as [string, string];
    const child = spawn(node, [script, file, String(seed), runId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saved: string[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    let compacting = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      const stop = () => child.kill('SIGKILL');
      if (extraDelayMs === 0) stop();
      else setTimeout(stop, extraDelayMs);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      // A line without its newline may be cut by the kill: only whole lines count as reported.
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('saved ')) saved.push(line.slice(6));
        else if (line === 'compacting') compacting = true;
        else if (line === 'compacted') compacting = false;
        if (line === 'ready' && killAfter === 0) kill();
        if (line.startsWith('saved ') && saved.length >= killAfter) kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve({ saved, killedDuringCompaction: compacting });
    });
  });
}

/** One lane: its own file, `kills` runs of the writer, each checked after the kill. */
async function lane(name: string, kills: number, random: () => number) {
  const file = path.join(dir, `${name}.linjaus`);
  await fs.writeFile(file, writeLinjausFile(newProgramme()));
  const reported = new Set<string>();
  let duringCompaction = 0;
  for (let run = 0; run < kills; run++) {
    const killAfter = random() < 0.1 ? 0 : 1 + Math.floor(random() * 20);
    const extraDelayMs = random() < 0.4 ? 0 : Math.floor(random() * 4);
    const result = await runAndKill(
      file,
      Math.floor(random() * 2 ** 31),
      `${name}r${run}`,
      killAfter,
      extraDelayMs,
    );
    for (const title of result.saved) reported.add(title);
    if (result.killedDuringCompaction) duringCompaction++;

    // Never corrupt: the file itself opens (no fallback to the backup), and nothing reported saved is lost.
    const { store, recovery } = await DocumentStore.open(file, linjausCodec);
    const recovered = new Set(themeTitles(store.doc));
    await store.detach();
    expect(recovery.usedBackup, `${name} run ${run} (seed ${SEED}): the file was damaged`).toBe(
      false,
    );
    const lost = [...reported].filter((t) => !recovered.has(t));
    expect(lost, `${name} run ${run} (seed ${SEED}) lost updates`).toEqual([]);
  }
  return { reported: reported.size, duringCompaction };
}

describe('desktop storage under SIGKILL', () => {
  it(
    `recovers every update reported saved after ${KILLS} kills at random moments, and the file is never corrupt`,
    { timeout: 300_000 },
    async () => {
      console.log(`electron crash test seed ${SEED} (replay: LINJAUS_CRASH_SEED=${SEED})`);
      const random = mulberry32(SEED);
      // Two lanes on two files keep both cores busy; each lane's randomness comes from the one seed.
      const seeds = [Math.floor(random() * 2 ** 31), Math.floor(random() * 2 ** 31)];
      const half = Math.ceil(KILLS / 2);
      const results = await Promise.all([
        lane('a', half, mulberry32(seeds[0]!)),
        lane('b', KILLS - half, mulberry32(seeds[1]!)),
      ]);
      const reported = results.reduce((n, r) => n + r.reported, 0);
      const duringCompaction = results.reduce((n, r) => n + r.duringCompaction, 0);
      console.log(
        `electron crash test: ${KILLS} kills, ${reported} updates reported saved, ${duringCompaction} kills during compaction`,
      );
      expect(reported).toBeGreaterThan(KILLS);
      expect(duringCompaction).toBeGreaterThan(0);
    },
  );
});
