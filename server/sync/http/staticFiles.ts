/**
 * Serves the built web app from one directory, so a workshop guest needs only a browser and a
 * link. GET/HEAD only; the decoded path must stay inside the root (no `..`, no NUL, no symlink
 * escape); unknown paths without an extension get `index.html` (client-side routes).
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

/** Content type of a file name; unknown types are served as bytes, never sniffed. */
export const contentTypeOf = (file: string): string =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const NOT_BUILT = `<!doctype html><html lang="fi"><meta charset="utf-8"><title>Linjaus</title>
<p>Verkkosovellusta ei ole käännetty tälle palvelimelle. (<code>npm run build</code>)</p>
<p lang="sv">Webbappen har inte byggts för den här servern.</p>
<p lang="en">The web app has not been built for this server.</p></html>`;

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/** Resolve a URL path to a file under `root`, or null when it would leave the root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const file = path.resolve(root, ...segments);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** Handle one request for a static file from `root` (an absolute path). */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://x').pathname;
  let file = resolveInside(root, urlPath);
  if (!file) return send(response, 400, 'text/plain; charset=utf-8', 'Bad path');
  let stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => null);
  }
  if (!stat && path.extname(file) === '') {
    file = path.join(root, 'index.html');
    stat = await fs.stat(file).catch(() => null);
  }
  if (!stat || !stat.isFile()) {
    const hasIndex = await fs.stat(path.join(root, 'index.html')).catch(() => null);
    if (!hasIndex) return send(response, 404, 'text/html; charset=utf-8', NOT_BUILT);
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  // A symlink inside the root may point outside it.
  const real = await fs.realpath(file);
  const realRoot = await fs.realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
  response.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': stat.size,
    'Cache-Control': path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=3600',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(real)
    .on('error', () => response.destroy())
    .pipe(response);
}
