/**
 * Invites in `<data>/invites.json` (mode 0600), written like `tokens.json`. Invites that ended
 * more than a week ago are dropped on each write, so the file stays small.
 */
import { z } from 'zod';
import { INVITE_RETENTION_MS, isInviteLive, type InviteRecord, type InviteStore } from './invites';
import { LockedJsonFile } from './jsonFile';
import { ROLES, type Role } from './token';

const recordSchema = z.object({
  id: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  documentName: z.string(),
  role: z.enum(ROLES as [Role, ...Role[]]),
  createdAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
  createdBy: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), invites: z.array(recordSchema) });

/** Live, or ended (revoked or expired) less than the retention time ago. */
const recent = (record: InviteRecord, now: number): boolean =>
  isInviteLive(record, now) ||
  Math.min(record.revokedAt ?? Infinity, record.expiresAt) > now - INVITE_RETENTION_MS;

export class FileInviteStore implements InviteStore {
  private readonly json: LockedJsonFile<InviteRecord>;

  constructor(readonly dataDir: string) {
    this.json = new LockedJsonFile<InviteRecord>(
      dataDir,
      'invites.json',
      (value) => {
        const parsed = fileSchema.safeParse(value);
        if (!parsed.success)
          throw new Error(`${this.json.file} is not a valid invite file; refusing to use it.`);
        return parsed.data.invites;
      },
      (invites) => ({ version: 1, invites }),
    );
  }

  async add(record: InviteRecord): Promise<void> {
    const now = Date.now();
    await this.json.update((records) => [...records.filter((r) => recent(r, now)), record]);
  }

  async findByHash(hash: string): Promise<InviteRecord | undefined> {
    return (await this.json.read()).find((record) => record.hash === hash);
  }

  async revoke(filter: { documentName: string }): Promise<number> {
    let count = 0;
    const now = Date.now();
    await this.json.update((records) =>
      records
        .filter((r) => recent(r, now))
        .map((record) => {
          if (record.documentName !== filter.documentName || !isInviteLive(record, now))
            return record;
          count++;
          return { ...record, revokedAt: now };
        }),
    );
    return count;
  }

  async list(documentName?: string): Promise<InviteRecord[]> {
    const records = await this.json.read();
    return documentName === undefined
      ? records
      : records.filter((r) => r.documentName === documentName);
  }

  async close(): Promise<void> {}
}
