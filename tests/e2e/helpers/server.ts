/**
 * Servers for the browser tests: a static server for the built web app (dist/web) on port 0,
 * and a real `linjaus serve` (sync server + web app) with the command line that mints tokens.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export const DIST = resolve(import.meta.dirname, '../../../dist/web');
const ROOT = resolve(import.meta.dirname, '../../..');
/** The `linjaus` command line. */
export const CLI = path.join(ROOT, 'bin/linjaus.js');
const run = promisify(execFile);

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `root` (default dist/web); throws if the app has not been built. */
export async function serveApp(root = DIST): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`No built app in ${root}: run \`npm run build:web\` first.`);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A running `linjaus serve`. */
export interface Serve {
  url: string;
  dataDir: string;
  child: ChildProcess;
}

/** Start `linjaus serve --port 0 --data <tmp> --web dist/web`; resolves when it listens. */
export async function startServe(): Promise<Serve> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'linjaus-ws-e2e-'));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data', dataDir, '--web', DIST],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1].replace(/\/?$/, '/'));
    });
    child.once('exit', (code) => reject(new Error(`linjaus serve exited ${code}: ${err}`)));
  });
  return { url, dataDir, child };
}

/** Mint a host token with the real command line, as a server administrator would. */
export async function mintHost(dataDir: string, doc: string, label: string): Promise<string> {
  const { stdout } = await run(process.execPath, [
    CLI,
    'token',
    '--data',
    dataDir,
    '--doc',
    doc,
    '--role',
    'editor',
    '--host',
    '--label',
    label,
  ]);
  return stdout.trim();
}
