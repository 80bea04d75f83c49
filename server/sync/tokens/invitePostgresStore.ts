/**
 * Invites in PostgreSQL, shared by every instance of a scale-out deployment: a code created
 * through one instance is redeemed through any other. Same contract as {@link FileInviteStore}.
 */
import type pg from 'pg';
import { SCHEMA_LOCK } from './schemaLock';
import type { InviteRecord, InviteStore } from './invites';
import type { Role } from './token';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS linjaus_invites (
  hash text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  document_name text NOT NULL,
  role text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint,
  created_by text NOT NULL
);
CREATE INDEX IF NOT EXISTS linjaus_invites_document ON linjaus_invites (document_name)`;

interface Row {
  hash: string;
  id: string;
  document_name: string;
  role: Role;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  created_by: string;
}

const toRecord = (row: Row): InviteRecord => ({
  id: row.id,
  hash: row.hash,
  documentName: row.document_name,
  role: row.role,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  createdBy: row.created_by,
});

export class PostgresInviteStore implements InviteStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Create (or migrate) the table; safe when several instances start at once. */
  async prepare(): Promise<void> {
    await this.pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
  }

  async add(r: InviteRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO linjaus_invites (hash, id, document_name, role, created_at, expires_at, revoked_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.hash, r.id, r.documentName, r.role, r.createdAt, r.expiresAt, r.revokedAt, r.createdBy],
    );
  }

  async findByHash(hash: string): Promise<InviteRecord | undefined> {
    const result = await this.pool.query<Row>('SELECT * FROM linjaus_invites WHERE hash = $1', [
      hash,
    ]);
    return result.rows[0] && toRecord(result.rows[0]);
  }

  async revoke(filter: { documentName: string }): Promise<number> {
    const now = Date.now();
    const result = await this.pool.query(
      `UPDATE linjaus_invites SET revoked_at = $2
       WHERE document_name = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [filter.documentName, now],
    );
    return result.rowCount ?? 0;
  }

  async list(documentName?: string): Promise<InviteRecord[]> {
    const result =
      documentName === undefined
        ? await this.pool.query<Row>('SELECT * FROM linjaus_invites ORDER BY created_at')
        : await this.pool.query<Row>(
            'SELECT * FROM linjaus_invites WHERE document_name = $1 ORDER BY created_at',
            [documentName],
          );
    return result.rows.map(toRecord);
  }

  async close(): Promise<void> {}
}
