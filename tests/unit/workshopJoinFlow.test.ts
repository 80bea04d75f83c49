/**
 * Joining (renderer/workshop/joinFlow.ts) against a real sync server on port 0 whose WebSocket
 * never gets through: the join by code succeeds over HTTP, but the one connection this address
 * may have is taken, so the upgrade is refused (429) on every retry. The join gives up after its
 * (here short) time limit with a reason the form explains, or when the participant cancels.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workshopApi } from '../../renderer/collab';
import { JoinError, joinWorkshop } from '../../renderer/workshop/joinFlow';
import { startSyncServer, type SyncServer } from '../../server/sync/server';

const HOUR = 3_600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-ws-joinflow-'));
let server: SyncServer;
let blocker: WebSocket;

beforeAll(async () => {
  server = await startSyncServer({ dataDir: dir, port: 0, maxConnectionsPerIp: 1 });
  // Takes the only connection this address may have.
  blocker = new WebSocket(server.wsUrl);
  await new Promise((resolve, reject) => {
    blocker.once('open', resolve);
    blocker.once('error', reject);
  });
});
afterAll(async () => {
  blocker?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function codeFor(documentId: string): Promise<string> {
  const { token } = await server.mintToken(documentId, 'editor', HOUR, 'Aino', { host: true });
  return (await workshopApi(server.url).createInvite(documentId, token, 'editor')).code;
}

/** The `JoinError` a join failed with (the test fails when it did not fail). */
async function failure(join: Promise<unknown>): Promise<JoinError> {
  const error = await join.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JoinError);
  return error as JoinError;
}

describe('joinWorkshop', () => {
  it('gives up with a reason when the connection does not come up in time after the server let the participant in', async () => {
    const code = await codeFor('join-no-socket');
    const error = await failure(
      joinWorkshop({ kind: 'code', serverUrl: server.url, code }, 'Bertil', {
        firstSyncTimeoutMs: 400,
        WebSocketPolyfill: WebSocket,
      }),
    );
    expect(error.failure).toEqual({ kind: 'no-connection' });
  });

  it('stops when the participant cancels while it waits for the connection', async () => {
    const { token } = await server.mintToken('join-cancelled', 'editor', HOUR, '');
    const abort = new AbortController();
    const listening = vi.spyOn(abort.signal, 'addEventListener');
    const join = joinWorkshop(
      { kind: 'token', serverUrl: server.url, documentId: 'join-cancelled', token },
      'Cecilia',
      { signal: abort.signal, WebSocketPolyfill: WebSocket },
    );
    // Cancel once the join waits for its first sync (it listens to the signal then).
    for (let i = 0; i < 500 && listening.mock.calls.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(listening).toHaveBeenCalledWith('abort', expect.any(Function));
    abort.abort();
    expect((await failure(join)).failure).toEqual({ kind: 'cancelled' });
  });
});
