/**
 * Token records in `<data>/tokens.json` (mode 0600): hashes only, written atomically (temporary
 * file, fsync, rename, directory fsync) under a lock directory, so the server and the
 * `linjaus token` command can both write it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TokenStore } from './store';
import { ROLES, type TokenRecord } from './token';

const recordSchema = z.object({
  id: z.string(),
  documentName: z.string(),
  role: z.enum(ROLES as [TokenRecord['role'], ...TokenRecord['role'][]]),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
  label: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), tokens: z.array(recordSchema) });

const LOCK_STALE_MS = 10_000;

export class FileTokenStore implements TokenStore {
  private cache: { stamp: string; records: TokenRecord[] } | null = null;
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, 'tokens.json');
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    return (await this.read()).find((record) => record.id === id);
  }

  async add(record: TokenRecord): Promise<void> {
    await this.update((records) => [...records, record]);
  }

  async revoke(filter: { id: string } | { documentName: string }): Promise<number> {
    let count = 0;
    const now = Date.now();
    await this.update((records) =>
      records.map((record) => {
        const hit =
          'id' in filter ? record.id === filter.id : record.documentName === filter.documentName;
        if (!hit || record.revokedAt !== null) return record;
        count++;
        return { ...record, revokedAt: now };
      }),
    );
    return count;
  }

  async list(documentName?: string): Promise<TokenRecord[]> {
    const records = await this.read();
    return documentName === undefined
      ? records
      : records.filter((r) => r.documentName === documentName);
  }

  async version(): Promise<string> {
    return this.stamp();
  }

  async close(): Promise<void> {}

  private async stamp(): Promise<string> {
    try {
      const stat = await fs.stat(this.file);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return 'none';
    }
  }

  private async read(): Promise<TokenRecord[]> {
    const stamp = await this.stamp();
    if (this.cache?.stamp === stamp) return this.cache.records;
    let records: TokenRecord[] = [];
    if (stamp !== 'none') {
      const text = await fs.readFile(this.file, 'utf8');
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (!parsed.success)
        throw new Error(`${this.file} is not a valid token file; refusing to use it.`);
      records = parsed.data.tokens;
    }
    this.cache = { stamp, records };
    return records;
  }

  private async update(change: (records: TokenRecord[]) => TokenRecord[]): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true });
    const release = await this.lock();
    try {
      this.cache = null;
      const records = change(await this.read());
      const tmp = `${this.file}.${process.pid}.tmp`;
      const handle = await fs.open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ version: 1, tokens: records }, null, 1));
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
