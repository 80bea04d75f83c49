/** Calling the sync server's workshop HTTP API with real `fetch`, for integration tests. */
import { createProgramme, getDocumentId, getTemplate } from '../../../core';
import type { SyncServerOptions } from '../../../server/sync/server';
import type { TokenRecord } from '../../../server/sync/tokens/token';
import { join, online, waitFor, type TestClient } from './clients';
import { startTestServer, type TestServer } from './syncServer';

export interface ApiAnswer {
  status: number;
  /** The parsed JSON body (null when there is none). */
  // The tests read fields of many shapes; each asserts what it reads.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface CallOptions {
  method?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON (with Content-Type application/json unless `contentType` says otherwise). */
  json?: unknown;
  /** A raw body (sent as is). */
  raw?: string;
  contentType?: string;
  origin?: string;
  headers?: Record<string, string>;
}

/** `fetch(baseUrl + path)` with the options above; never throws for an HTTP error status. */
export async function callApi(
  baseUrl: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.origin !== undefined) headers['Origin'] = options.origin;
  const body =
    options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  if (body !== undefined || options.contentType !== undefined)
    headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text.length > 0) parsed = JSON.parse(text);
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Resolve when the async `condition()` holds, checking every 25 ms; the timeout bounds a hang. */
export async function eventually(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A server with one programme whose host is connected, and shortcuts for its workshop API. */
export interface ApiFixture {
  readonly test: TestServer;
  /** The programme's document id. */
  readonly id: string;
  readonly hostToken: string;
  readonly hostTokenId: string;
  readonly host: TestClient;
  /** Token secrets handed out (to check they never reach the log). */
  readonly secrets: string[];
  /** Call `/api/v1<path>`. */
  api(path: string, options?: CallOptions): Promise<ApiAnswer>;
  /** Mint a host token for a document (straight through the server, as the desktop does). */
  mintHost(
    documentName: string,
    lifetimeMs?: number,
  ): Promise<{ token: string; record: TokenRecord }>;
  /** Create an invite through the API; returns the code. */
  invite(role?: string, token?: string, documentId?: string): Promise<string>;
  /** Join by code through the API, then connect a real provider with the personal token. */
  joinByCode(
    code: string,
    name: string,
  ): Promise<{ client: TestClient; tokenId: string; token: string }>;
  /** The participant list through the API. */
  participants(token?: string, documentId?: string): Promise<ParticipantRow[]>;
  close(): Promise<void>;
}

export interface ParticipantRow {
  tokenId: string;
  name: string;
  role: string;
  host: boolean;
  connected: boolean;
  revoked: boolean;
  expiresAt: number;
}

/** Start a server (options as for startTestServer) with a programme and its connected host. */
export async function startApiFixture(
  options: Partial<SyncServerOptions> = {},
): Promise<ApiFixture> {
  const test = await startTestServer(options);
  const clients: TestClient[] = [];
  const secrets: string[] = [];
  const api = (path: string, callOptions: CallOptions = {}) =>
    callApi(test.server.url, `/api/v1${path}`, callOptions);
  const mintHost = async (documentName: string, lifetimeMs = 3_600_000) => {
    const minted = await test.server.mintToken(documentName, 'editor', lifetimeMs, 'Isäntä', {
      host: true,
    });
    secrets.push(minted.token.split('.')[2]!);
    return minted;
  };
  const doc = createProgramme(getTemplate('elinvoimaohjelma'), { title: 'Työpaja' });
  const id = getDocumentId(doc)!;
  const { token: hostToken, record } = await mintHost(id);
  const host = join(test.server.wsUrl, id, hostToken, 'Isäntä', doc);
  clients.push(host);
  await waitFor(() => online(host), 'host online');
  return {
    test,
    id,
    hostToken,
    hostTokenId: record.id,
    host,
    secrets,
    api,
    mintHost,
    async invite(role = 'editor', token = hostToken, documentId = id) {
      const answer = await api(`/documents/${documentId}/invites`, { token, json: { role } });
      if (answer.status !== 201) throw new Error(`invite failed: ${JSON.stringify(answer.body)}`);
      return answer.body.code as string;
    },
    async joinByCode(code, name) {
      const answer = await api('/join', { json: { code, name } });
      if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer.body)}`);
      secrets.push((answer.body.token as string).split('.')[2]!);
      const client = join(test.server.wsUrl, answer.body.documentId, answer.body.token, name);
      clients.push(client);
      await waitFor(() => online(client), `${name} online`);
      return { client, tokenId: answer.body.tokenId as string, token: answer.body.token as string };
    },
    async participants(token = hostToken, documentId = id) {
      const answer = await api(`/documents/${documentId}/participants`, { token });
      if (answer.status !== 200) throw new Error(`list failed: ${JSON.stringify(answer.body)}`);
      return answer.body.participants as ParticipantRow[];
    },
    async close() {
      for (const client of clients) client.workshop.destroy();
      await test.close();
    },
  };
}
