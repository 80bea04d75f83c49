/**
 * The Linjaus sync server: Hocuspocus for many documents behind Linjaus's own HTTP server, which
 * checks every WebSocket upgrade (UpgradeGuard) and every frame (SocketGate), serves the web app,
 * and answers `/healthz`. Storage is embedded (an fsynced update log per document) or PostgreSQL;
 * with a Redis URL several instances share documents.
 *
 * @example
 * const server = await startSyncServer({ dataDir: '/var/lib/linjaus', webDir: 'dist/web' });
 * const { token } = await server.mintToken(documentId, 'editor', 8 * 3_600_000);
 * console.log(server.url, token);
 */
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { Access, type AccessContext } from './access';
import { BatchedBroadcast } from './batchedBroadcast';
import { DEFAULTS, type SyncServerOptions } from './config';
import { SocketGate } from './guard/socketGate';
import { UpgradeGuard } from './guard/upgradeCheck';
import { Integrity } from './integrity/integrity';
import { API_PREFIX } from './http/api';
import { serveStatic } from './http/staticFiles';
import { startWorkshop } from './http/workshop';
import { EmbeddedStorage } from './storage/embeddedStorage';
import { PostgresStorage } from './storage/postgresStorage';
import { StoredNotices } from './storage/storedNotices';
import { FileTokenStore } from './tokens/fileStore';
import { FileInviteStore } from './tokens/inviteFileStore';
import { PostgresInviteStore } from './tokens/invitePostgresStore';
import type { InviteStore } from './tokens/invites';
import { PostgresTokenStore } from './tokens/postgresStore';
import type { TokenStore } from './tokens/store';
import type { MintOptions, Role, TokenRecord } from './tokens/token';

export type { SyncServerOptions } from './config';

/** A running sync server. */
export interface SyncServer {
  /** `http://host:port` — the web app and the join links. */
  readonly url: string;
  /** `ws://host:port` — what providers connect to. */
  readonly wsUrl: string;
  readonly port: number;
  readonly hocuspocus: Hocuspocus;
  readonly tokens: TokenStore;
  /** The workshop's invite codes (hashes only). */
  readonly invites: InviteStore;
  /**
   * Mint a token; the secret text is returned once and never stored. `{ host: true }` mints a
   * host token (editor only), which may also manage the workshop through the HTTP API.
   */
  mintToken(
    documentName: string,
    role: Role,
    lifetimeMs: number,
    label?: string,
    options?: MintOptions,
  ): Promise<{ token: string; record: TokenRecord }>;
  /** Revoke one token and close its connections now. */
  revokeToken(tokenId: string): Promise<number>;
  /**
   * Revoke every token and invite code of a document and close all its connections: the
   * workshop is over. Returns how many tokens were revoked.
   */
  endSession(documentName: string): Promise<number>;
  /** Authenticated connections (of one document when given). */
  connectionCount(documentName?: string): number;
  /**
   * The tokens in use in a document's session, for the host's participant list: mint one token
   * per participant (with their name as `label`) so that revoking it removes exactly them.
   */
  participants(documentName: string): Promise<TokenRecord[]>;
  /** Resolves when everything received so far is durable (embedded storage). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

function makeStorage(options: SyncServerOptions, notices: StoredNotices, pool: pg.Pool | null) {
  if (pool) {
    return {
      storage: new PostgresStorage(pool, notices),
      tokens: new PostgresTokenStore(pool),
      invites: new PostgresInviteStore(pool),
    };
  }
  if (!options.dataDir)
    throw new Error('The sync server needs a data directory (--data) or a PostgreSQL URL.');
  const dataDir = path.resolve(options.dataDir);
  return {
    storage: new EmbeddedStorage(dataDir, notices),
    tokens: new FileTokenStore(dataDir),
    invites: new FileInviteStore(dataDir),
  };
}

function redisExtension(url: string, name: string | undefined): Redis {
  const parsed = new URL(url);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'linjaus',
    ...(name
      ? { identifier: `${name}-${process.pid}-${Math.random().toString(36).slice(2)}` }
      : {}),
    options: {
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      maxRetriesPerRequest: 3,
    },
  });
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Start a sync server; resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const notices = new StoredNotices();
  const pool = options.postgresUrl
    ? new pg.Pool({ connectionString: options.postgresUrl, max: 10 })
    : null;
  pool?.on('error', (error) => log(`[postgres] ${error.message}`));
  const { storage, tokens, invites } = makeStorage(options, notices, pool);
  if (storage instanceof PostgresStorage && tokens instanceof PostgresTokenStore) {
    await storage.prepare();
    await tokens.prepare();
  }
  if (invites instanceof PostgresInviteStore) await invites.prepare();
  const access = new Access(tokens, notices, log);
  const integrity = new Integrity(log);
  const extensions: Extension[] = [new BatchedBroadcast(), access, integrity, storage];
  const redis = options.redisUrl ? redisExtension(options.redisUrl, options.name) : null;
  if (redis) extensions.push(redis);
  const debounce = Math.min(options.storeDebounceMs ?? DEFAULTS.storeDebounceMs, 1000);
  const hocuspocus = new Hocuspocus({
    name: options.name ?? 'linjaus',
    quiet: true,
    extensions,
    debounce,
    maxDebounce: Math.max(debounce, 1000),
  });

  const guard = new UpgradeGuard({
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins ?? [],
    maxConnectionsPerIp: options.maxConnectionsPerIp ?? DEFAULTS.maxConnectionsPerIp,
    maxConnections: options.maxConnections ?? DEFAULTS.maxConnections,
    trustedProxies: options.trustedProxies ?? [],
  });
  const limits = { ...DEFAULTS.limits, ...options.limits };
  const webRoot = options.webDir ? path.resolve(options.webDir) : null;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
  });

  const workshop = await startWorkshop({
    options,
    pool,
    hocuspocus,
    access,
    tokens,
    invites,
    log,
  });

  const http: HttpServer = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (!guard.isAllowedHost(request.headers.host)) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Unknown host');
      return;
    }
    if (request.url?.startsWith(API_PREFIX)) {
      workshop.api(request, response);
      return;
    }
    if (request.url === '/healthz') {
      const body = JSON.stringify({
        ok: true,
        documents: hocuspocus.getDocumentsCount(),
        connections: guard.connections,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      return;
    }
    if (!webRoot) {
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('No web app configured');
      return;
    }
    serveStatic(webRoot, request, response).catch((error: Error) => {
      log(`[http] ${error.message}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = guard.check(request);
    if (!verdict.ok) {
      log(`[upgrade] refused ${request.socket.remoteAddress ?? '?'}: ${verdict.reason}`);
      reject(socket, verdict.status, verdict.reason);
      return;
    }
    const release = guard.admit(request);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const gate = new SocketGate(limits, integrity.awareness);
      gate.install(ws);
      ws.on('error', (error) => log(`[ws] ${error.message}`));
      ws.once('close', () => {
        release();
        if (gate.closedFor)
          log(`[ws] closed ${request.socket.remoteAddress ?? '?'}: ${gate.closedFor}`);
      });
      hocuspocus.handleConnection(ws, request, { gate } satisfies AccessContext);
    });
  });
  http.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => resolve());
  });
  const address = http.address();
  if (address === null || typeof address === 'string')
    throw new Error('Server has no TCP address.');
  const host = options.host ?? DEFAULTS.host;
  guard.setListening(host, address.port);
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  const sweepTimer = setInterval(() => {
    access.sweep().catch((error: Error) => log(`[access] sweep failed: ${error.message}`));
  }, options.tokenSweepMs ?? DEFAULTS.tokenSweepMs);
  sweepTimer.unref();
  // Hocuspocus sends every update to every socket without looking at backpressure; a client
  // that cannot keep up would make the server buffer without bound.
  const maxBuffered = options.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes;
  const slowTimer = setInterval(() => {
    for (const client of wss.clients) {
      if (client.bufferedAmount > maxBuffered) {
        log(`[ws] dropped a client that could not keep up (${client.bufferedAmount} bytes unsent)`);
        client.terminate();
      }
    }
  }, 250);
  slowTimer.unref();

  let closed: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${address.port}`,
    wsUrl: `ws://${shownHost}:${address.port}`,
    port: address.port,
    hocuspocus,
    tokens,
    invites,
    mintToken: workshop.mint,
    revokeToken: workshop.revokeToken,
    endSession: workshop.endSession,
    connectionCount: (documentName) => access.count(documentName),
    async participants(documentName) {
      const records = await Promise.all(
        access.liveTokens(documentName).map((tokenId) => tokens.get(tokenId)),
      );
      return records.filter((record): record is TokenRecord => record !== undefined);
    },
    flush: async () => {
      if (storage instanceof EmbeddedStorage) await storage.flushAll();
    },
    close() {
      closed ??= (async () => {
        clearInterval(sweepTimer);
        clearInterval(slowTimer);
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        // Store what is pending and unload every document before the storage closes.
        await Promise.all(
          [...hocuspocus.documents.values()].map(async (document) => {
            if (hocuspocus.debouncer.isDebounced(`onStoreDocument-${document.name}`)) {
              await hocuspocus.debouncer.executeNow(`onStoreDocument-${document.name}`);
            }
          }),
        );
        if (storage instanceof EmbeddedStorage) await storage.flushAll();
        // Let documents unload (the Redis extension waits a moment and unsubscribes) before the
        // extensions close their connections.
        const deadline = Date.now() + 5000;
        while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
        await tokens.close();
        await invites.close();
        await workshop.stop();
        await pool?.end();
      })();
      return closed;
    },
  };
}
