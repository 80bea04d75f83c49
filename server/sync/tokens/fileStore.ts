/**
 * Token records in `<data>/tokens.json` (mode 0600): hashes only, written atomically under a
 * lock ({@link LockedJsonFile}), so the server and the `linjaus token` command can both write it.
 * Records written before host tokens existed have no `host` field and read as `host: false`.
 */
import { z } from 'zod';
import { LockedJsonFile } from './jsonFile';
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
  host: z.boolean().default(false),
});
const fileSchema = z.object({ version: z.literal(1), tokens: z.array(recordSchema) });

export class FileTokenStore implements TokenStore {
  private readonly json: LockedJsonFile<TokenRecord>;

  constructor(readonly dataDir: string) {
    this.json = new LockedJsonFile<TokenRecord>(
      dataDir,
      'tokens.json',
      (value) => {
        const parsed = fileSchema.safeParse(value);
        if (!parsed.success)
          throw new Error(`${this.file} is not a valid token file; refusing to use it.`);
        return parsed.data.tokens;
      },
      (tokens) => ({ version: 1, tokens }),
    );
  }

  get file(): string {
    return this.json.file;
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    return (await this.json.read()).find((record) => record.id === id);
  }

  async add(record: TokenRecord): Promise<void> {
    await this.json.update((records) => [...records, record]);
  }

  async revoke(filter: { id: string } | { documentName: string }): Promise<number> {
    let count = 0;
    const now = Date.now();
    await this.json.update((records) =>
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
    const records = await this.json.read();
    return documentName === undefined
      ? records
      : records.filter((r) => r.documentName === documentName);
  }

  async version(): Promise<string> {
    return this.json.stamp();
  }

  async close(): Promise<void> {}
}
