/**
 * Where token records live. One interface, two implementations: a JSON file under `--data`
 * (single server, desktop host) and a PostgreSQL table (scale-out, shared by all instances).
 * The running server re-reads the store periodically so tokens minted or revoked by the
 * `linjaus token` command (another process) take effect without a restart.
 */
import type { TokenRecord } from './token';

export interface TokenStore {
  /** The record with this id, or undefined. */
  get(id: string): Promise<TokenRecord | undefined>;
  add(record: TokenRecord): Promise<void>;
  /** Mark tokens revoked: one by id, or all of a document (ends its session). Returns how many. */
  revoke(filter: { id: string } | { documentName: string }): Promise<number>;
  list(documentName?: string): Promise<TokenRecord[]>;
  /** A value that changes whenever the store changes (used to notice revocations). */
  version(): Promise<string>;
  close(): Promise<void>;
}
