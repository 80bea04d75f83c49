/** A real Linjaus sync server on port 0 in a temp dir, for integration tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startSyncServer,
  type SyncServer,
  type SyncServerOptions,
} from '../../../server/sync/server';

export interface TestServer {
  server: SyncServer;
  dataDir: string;
  /** Log lines the server wrote (never contain token secrets — asserted in the access tests). */
  logs: string[];
  /** Stop and start again on the same data dir (and port, when still free). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Start a server; `options` override the test defaults. */
export async function startTestServer(
  options: Partial<SyncServerOptions> = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'linjaus-sync-')));
  const logs: string[] = [];
  const opts: SyncServerOptions = {
    port: 0,
    tokenSweepMs: 100,
    ...options,
    dataDir,
    log: (line) => logs.push(line),
  };
  const test: TestServer = {
    server: await startSyncServer(opts),
    dataDir,
    logs,
    async restart() {
      const port = test.server.port;
      await test.server.close();
      test.server = await startSyncServer({ ...opts, port });
    },
    async close() {
      await test.server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}
