/** Guards shared by commands that write a file. */
import { access } from 'node:fs/promises';
import { UsageError } from './io';

/** Refuse to replace an existing file unless `--force` was given. */
export async function assertWritable(path: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  try {
    await access(path);
  } catch {
    return;
  }
  throw new UsageError(`${path} already exists; use --force to replace it`);
}
