/**
 * Which tokens have an open connection, across every instance of a scale-out deployment, for the
 * host's participant list. Each instance publishes its own (document, token) pairs to the
 * `linjaus_presence` table every interval and reads the others' rows that are fresh (three
 * intervals, by the database's clock, so the instances' clocks don't matter). Its own
 * connections it knows at once. A crashed instance's rows go stale and are ignored, then removed.
 */
import type pg from 'pg';
import { SCHEMA_LOCK } from './schemaLock';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS linjaus_presence (
  instance text NOT NULL,
  document_name text NOT NULL,
  token_id text NOT NULL,
  seen_at bigint NOT NULL,
  PRIMARY KEY (instance, document_name, token_id)
);
CREATE INDEX IF NOT EXISTS linjaus_presence_document ON linjaus_presence (document_name)`;

const DB_NOW = '(extract(epoch from clock_timestamp()) * 1000)::bigint';
/** Rows of instances gone this long are deleted by whoever publishes next. */
const FORGET_MS = 10 * 60_000;

export class PostgresPresence {
  private timer: ReturnType<typeof setInterval> | null = null;
  private publishing: Promise<void> | null = null;

  /**
   * @param local this instance's open connections as [document, token id] pairs.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly instance: string,
    private readonly local: () => [string, string][],
    private readonly intervalMs: number,
    private readonly log: (line: string) => void,
  ) {}

  async prepare(): Promise<void> {
    await this.pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${SCHEMA}; COMMIT`);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.publishing ??= this.publish()
        .catch((error: Error) => this.log(`[presence] publish failed: ${error.message}`))
        .finally(() => {
          this.publishing = null;
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Write this instance's pairs and drop its pairs that are gone. */
  async publish(): Promise<void> {
    const pairs = this.local();
    const stamp = await this.pool.query<{ now: string }>(`SELECT ${DB_NOW} AS now`);
    const now = Number(stamp.rows[0]!.now);
    if (pairs.length > 0) {
      await this.pool.query(
        `INSERT INTO linjaus_presence (instance, document_name, token_id, seen_at)
         SELECT $1, d, t, $4 FROM unnest($2::text[], $3::text[]) AS pair(d, t)
         ON CONFLICT (instance, document_name, token_id) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
        [this.instance, pairs.map((p) => p[0]), pairs.map((p) => p[1]), now],
      );
    }
    await this.pool.query(
      'DELETE FROM linjaus_presence WHERE (instance = $1 AND seen_at < $2) OR seen_at < $3',
      [this.instance, now, now - FORGET_MS],
    );
  }

  /** Token ids with an open connection to `documentName` on any instance. */
  async connected(documentName: string): Promise<string[]> {
    const ids = new Set(
      this.local()
        .filter(([document]) => document === documentName)
        .map(([, tokenId]) => tokenId),
    );
    const result = await this.pool.query<{ token_id: string }>(
      `SELECT DISTINCT token_id FROM linjaus_presence
       WHERE document_name = $1 AND instance <> $2 AND seen_at > ${DB_NOW} - $3`,
      [documentName, this.instance, 3 * this.intervalMs],
    );
    for (const row of result.rows) ids.add(row.token_id);
    return [...ids];
  }

  /** Stop publishing and remove this instance's rows (before the pool closes). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.publishing;
    await this.pool
      .query('DELETE FROM linjaus_presence WHERE instance = $1', [this.instance])
      .catch((error: Error) => this.log(`[presence] cleanup failed: ${error.message}`));
  }
}
