/**
 * A small JSON file of records shared by the server and the `linjaus token` command (another
 * process): read through a cache keyed by the file's stat, written atomically (temporary file,
 * fsync, rename, directory fsync, mode 0600) under a lock directory. Used for `tokens.json` and
 * `invites.json`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const LOCK_STALE_MS = 10_000;

export class LockedJsonFile<T> {
  private cache: { stamp: string; records: T[] } | null = null;
  readonly file: string;

  /**
   * @param parse turns the file's parsed JSON into records; throws when it is not valid.
   * @param wrap turns records into the JSON value to write.
   */
  constructor(
    readonly dataDir: string,
    name: string,
    private readonly parse: (json: unknown) => T[],
    private readonly wrap: (records: T[]) => unknown,
  ) {
    this.file = path.join(dataDir, name);
  }

  /** A value that changes whenever the file is replaced. */
  async stamp(): Promise<string> {
    try {
      const stat = await fs.stat(this.file);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return 'none';
    }
  }

  async read(): Promise<T[]> {
    const stamp = await this.stamp();
    if (this.cache?.stamp === stamp) return this.cache.records;
    let records: T[] = [];
    if (stamp !== 'none') {
      const text = await fs.readFile(this.file, 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${this.file} is not valid JSON; refusing to use it.`);
      }
      records = this.parse(json);
    }
    this.cache = { stamp, records };
    return records;
  }

  /** Replace the records with `change(records)`, atomically and under the lock. */
  async update(change: (records: T[]) => T[]): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true });
    const release = await this.lock();
    try {
      this.cache = null;
      const records = change(await this.read());
      const tmp = `${this.file}.${process.pid}.tmp`;
      const handle = await fs.open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(this.wrap(records), null, 1));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, this.file);
      const dir = await fs.open(this.dataDir, 'r');
      await dir.sync().finally(() => dir.close());
      this.cache = null;
    } finally {
      await release();
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    const lockDir = `${this.file}.lock`;
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.mkdir(lockDir);
        return () => fs.rm(lockDir, { recursive: true, force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const stat = await fs.stat(lockDir).catch(() => null);
        // A crashed writer leaves the lock behind; it only guards a few milliseconds of work.
        if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS)
          await fs.rm(lockDir, { recursive: true, force: true });
        if (attempt > 500) throw new Error(`Could not lock ${this.file}.`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }
}
