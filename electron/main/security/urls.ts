/**
 * URL guards: which URLs may be opened in the user's browser, which are our own app, and which
 * workshop servers the renderer may connect to. Pure functions, tested with hostile inputs
 * (tests/unit/electronSecurity.test.ts).
 */

/** Longest URL we accept from the renderer or a document. */
export const MAX_URL_LENGTH = 2048;

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// C0/C1 controls (incl. null bytes, tabs and newlines the URL parser would silently strip),
// bidi overrides and zero-width characters: a link that hides what it is, is refused.
/* eslint-disable no-control-regex -- matching control characters is the point */
const HIDDEN_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/* eslint-enable no-control-regex */

/** The outcome of a URL check: the normalised URL to use, or why it was refused. */
export type UrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): UrlCheck => ({ ok: false, reason });

function parse(raw: unknown): URL | string {
  if (typeof raw !== 'string') return 'not a string';
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return 'empty or too long';
  if (HIDDEN_CHARACTERS.test(raw)) return 'contains control or invisible characters';
  if (raw.trim() !== raw) return 'has leading or trailing spaces';
  try {
    return new URL(raw);
  } catch {
    return 'not a valid absolute URL';
  }
}

/**
 * Check a URL before `shell.openExternal`: only http(s) and mailto, no embedded credentials, a
 * real host for http(s). The returned `url` is the parser's normalised form (international host
 * names in punycode, `xn--…`), so what is opened is exactly what was checked.
 *
 * @example
 * const check = checkExternalUrl(href);
 * if (check.ok) await shell.openExternal(check.url);
 */
export function checkExternalUrl(raw: unknown): UrlCheck {
  const url = parse(raw);
  if (typeof url === 'string') return refuse(url);
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return refuse(`scheme ${url.protocol} is not allowed`);
  if (url.protocol === 'mailto:') {
    return /^[^@\s/\\]+@[^@\s/\\]+$/.test(decodeURIComponent(url.pathname))
      ? { ok: true, url: url.href }
      : refuse('not an e-mail address');
  }
  if (url.username || url.password) return refuse('contains a user name or password');
  if (!url.hostname) return refuse('has no host');
  return { ok: true, url: url.href };
}

/** Where the app's own pages are served from. */
export interface AppOrigins {
  /** Production: the privileged custom scheme, e.g. `app://linjaus`. */
  readonly scheme: string;
  readonly host: string;
  /** Development only: the Vite dev server origin, e.g. `http://localhost:5173`. */
  readonly devServer?: string | null;
}

/**
 * True when `raw` is a page of our own app (the sender check of every IPC call and the only
 * navigation allowed). Compares scheme and host exactly: a custom scheme has no WHATWG origin.
 */
export function isAppUrl(raw: unknown, origins: AppOrigins): boolean {
  const url = parse(raw);
  if (typeof url === 'string') return false;
  if (url.username || url.password) return false;
  if (url.protocol === `${origins.scheme}:` && url.host.toLowerCase() === origins.host) return true;
  if (!origins.devServer) return false;
  const dev = new URL(origins.devServer);
  return url.protocol === dev.protocol && url.host === dev.host;
}

/**
 * The origins a workshop server address allows in the CSP's `connect-src`: the websocket and
 * the HTTP origin of the same host and port. Refuses anything but ws/wss/http/https with a host.
 *
 * @example
 * workshopConnectSources('wss://tyopaja.example.fi:8443/sync') // ['wss://tyopaja.example.fi:8443', 'https://tyopaja.example.fi:8443']
 */
export function workshopConnectSources(raw: unknown): string[] | null {
  const url = parse(raw);
  if (typeof url === 'string') return null;
  if (url.username || url.password || !url.hostname) return null;
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  if (!secure && url.protocol !== 'ws:' && url.protocol !== 'http:') return null;
  // CSP source expressions cannot carry arbitrary characters: the parser already normalised host.
  const hostPort = url.host;
  return secure
    ? [`wss://${hostPort}`, `https://${hostPort}`]
    : [`ws://${hostPort}`, `http://${hostPort}`];
}
