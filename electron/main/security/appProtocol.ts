/**
 * Serving the renderer's built files over the privileged `app://linjaus/` scheme (instead of
 * `file://`, which would give the page the whole file system as its origin). This resolves a
 * request URL to a file inside the renderer folder and refuses anything that would leave it.
 */
import path from 'node:path';
import type { AppOrigins } from './urls';

/** The app's scheme and host. */
export const APP_ORIGINS: AppOrigins = { scheme: 'app', host: 'linjaus' };
/** The URL of the app's main page. */
export const APP_INDEX_URL = `${APP_ORIGINS.scheme}://${APP_ORIGINS.host}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** The MIME type of a served file (unknown types are sent as opaque bytes). */
export const mimeTypeOf = (file: string): string =>
  MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` that `requestUrl` names, or null when the URL is not ours or tries to
 * escape `root` (`..`, encoded `%2e%2e`, backslashes, null bytes, absolute paths).
 */
export function resolveAppFile(
  root: string,
  requestUrl: string,
  origins: AppOrigins = APP_ORIGINS,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${origins.scheme}:` || url.host.toLowerCase() !== origins.host) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..')) return null;
  const resolved = path.resolve(root, relative);
  const base = path.resolve(root);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}
