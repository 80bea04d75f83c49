/**
 * PostgreSQL storage for scale-out (several instances sharing documents through Redis). A
 * Database-style extension over `pg`: loads a document's state on first open, stores it on
 * Hocuspocus's (short) debounced `onStoreDocument`.
 *
 * Stores *merge* with what is in the row (`SELECT … FOR UPDATE`, `Y.mergeUpdates`) instead of
 * overwriting it: with two instances, one may store before it has received the other's latest
 * updates through Redis, and an overwrite would then drop edits that were already reported saved.
 */
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import type pg from 'pg';
import * as Y from 'yjs';
import { SCHEMA_LOCK } from '../tokens/schemaLock';
import type { StoredNotices } from './storedNotices';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS linjaus_documents (
  name text PRIMARY KEY,
  state bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

export class PostgresStorage implements Extension {
  readonly extensionName = 'LinjausPostgresStorage';
  /** Above the Redis extension (1000), whose lock may stop the hook chain for this instance. */
  readonly priority = 2000;

  constructor(
    private readonly pool: pg.Pool,
    private readonly notices: StoredNotices,
  ) {}

  /** Create the table if needed; call once before serving. */
  async prepare(): Promise<void> {
    // Instances starting together would race in CREATE TABLE IF NOT EXISTS (see schemaLock).
    await this.pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const result = await this.pool.query<{ state: Buffer }>(
      'SELECT state FROM linjaus_documents WHERE name = $1',
      [documentName],
    );
    const row = result.rows[0];
    if (row) Y.applyUpdate(document, new Uint8Array(row.state), 'storage');
    this.notices.remember(documentName, Y.encodeSnapshot(Y.snapshot(document)));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // Captured before the write: the notice never claims more than the row will hold.
    const snapshot = Y.encodeSnapshot(Y.snapshot(document));
    const state = Y.encodeStateAsUpdate(document);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const current = await client.query<{ state: Buffer }>(
        'SELECT state FROM linjaus_documents WHERE name = $1 FOR UPDATE',
        [documentName],
      );
      const previous = current.rows[0]?.state;
      const merged = previous ? Y.mergeUpdates([new Uint8Array(previous), state]) : state;
      await client.query(
        `INSERT INTO linjaus_documents (name, state, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [documentName, Buffer.from(merged)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.notices.stored(document, snapshot);
  }
}
