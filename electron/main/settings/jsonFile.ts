/**
 * Small JSON files in the app's data folder (recent documents, window states, language). Read
 * through a zod schema — a damaged or hand-edited file falls back to the default instead of
 * crashing the app — and written atomically.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { fsyncDir, writeFileSynced } from '../storage/durable';

/** Read `file` as `schema`; the fallback when it is missing, not JSON or not valid. */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  try {
    const result = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return result.success ? result.data : fallback;
  } catch {
    return fallback;
  }
}

/** Writes in progress, by file: one at a time, so two never share (and race on) the temp file. */
const writing = new Map<string, Promise<void>>();

/** Write `value` (as it is now) as JSON: temp file, fsync, rename; after earlier writes of `file`. */
export function writeJsonFile(file: string, value: unknown): Promise<void> {
  const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const run = (writing.get(file) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => writeNow(file, bytes));
  writing.set(file, run);
  void run
    .finally(() => {
      if (writing.get(file) === run) writing.delete(file);
    })
    .catch(() => undefined);
  return run;
}

async function writeNow(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFileSynced(temp, bytes);
  await fs.rename(temp, file);
  await fsyncDir(path.dirname(file));
}
