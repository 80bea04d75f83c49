/**
 * Token records in PostgreSQL, shared by every instance of a scale-out deployment. Same
 * contract as {@link FileTokenStore}: hashes only. `prepare` creates the table, and adds the
 * `host` column to a table made before host tokens existed (existing rows read as non-host).
 */
import type pg from 'pg';
import { SCHEMA_LOCK } from './schemaLock';
import type { TokenStore } from './store';
import type { Role, TokenRecord } from './token';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS linjaus_tokens (
  id text PRIMARY KEY,
  document_name text NOT NULL,
  role text NOT NULL,
  hash text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint,
  label text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS linjaus_tokens_document ON linjaus_tokens (document_name);
ALTER TABLE linjaus_tokens ADD COLUMN IF NOT EXISTS host boolean NOT NULL DEFAULT false`;

interface Row {
  id: string;
  document_name: string;
  role: Role;
  hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  label: string;
  host: boolean;
}

const toRecord = (row: Row): TokenRecord => ({
  id: row.id,
  documentName: row.document_name,
  role: row.role,
  hash: row.hash,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  label: row.label,
  host: row.host,
});

export class PostgresTokenStore implements TokenStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Create (or migrate) the table; safe when several instances start at once. */
  async prepare(): Promise<void> {
    await this.pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const result = await this.pool.query<Row>('SELECT * FROM linjaus_tokens WHERE id = $1', [id]);
    return result.rows[0] && toRecord(result.rows[0]);
  }

  async add(r: TokenRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO linjaus_tokens (id, document_name, role, hash, created_at, expires_at, revoked_at, label, host)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        r.id,
        r.documentName,
        r.role,
        r.hash,
        r.createdAt,
        r.expiresAt,
        r.revokedAt,
        r.label,
        r.host,
      ],
    );
  }

  async revoke(filter: { id: string } | { documentName: string }): Promise<number> {
    const [column, value] =
      'id' in filter ? ['id', filter.id] : ['document_name', filter.documentName];
    const result = await this.pool.query(
      `UPDATE linjaus_tokens SET revoked_at = $2 WHERE ${column} = $1 AND revoked_at IS NULL`,
      [value, Date.now()],
    );
    return result.rowCount ?? 0;
  }

  async list(documentName?: string): Promise<TokenRecord[]> {
    const result =
      documentName === undefined
        ? await this.pool.query<Row>('SELECT * FROM linjaus_tokens ORDER BY created_at')
        : await this.pool.query<Row>(
            'SELECT * FROM linjaus_tokens WHERE document_name = $1 ORDER BY created_at',
            [documentName],
          );
    return result.rows.map(toRecord);
  }

  async version(): Promise<string> {
    const result = await this.pool.query<{ v: string }>(
      `SELECT count(*) || ':' || coalesce(max(greatest(created_at, coalesce(revoked_at, 0))), 0) AS v FROM linjaus_tokens`,
    );
    return result.rows[0]?.v ?? '';
  }

  async close(): Promise<void> {}
}
