/**
 * Join links. The current form carries an invite code: `http://host:port/#code=K7M4QX2P`; the
 * server trades the code (and a display name) for a personal token (`POST /api/v1/join`). The
 * older form carries a token: `http://host:port/#join=<documentId>&t=<token>`, and keeps working.
 * Both sit in the fragment, which browsers never send to the server, put in Referer headers or
 * write to access logs.
 */
import { normalizeInviteCode } from './inviteCode';

/** A token link's content: connect with this token directly. */
export interface JoinInfo {
  /** `http(s)://host:port` of the sync server (also serves the web app). */
  readonly serverUrl: string;
  readonly documentId: string;
  readonly token: string;
}

/** A code link's content: ask `serverUrl` for a token with this code. */
export interface CodeJoinInfo {
  readonly serverUrl: string;
  /** The normalized code: 8 symbols, upper case, no dash. */
  readonly code: string;
}

/** An old-style link with a token (still accepted, no longer shared by the app). */
export function makeJoinLink(info: JoinInfo): string {
  const base = info.serverUrl.replace(/\/+$/, '');
  return `${base}/#join=${encodeURIComponent(info.documentId)}&t=${encodeURIComponent(info.token)}`;
}

/** The link a host shares (and encodes in the QR code): `…/#code=XXXXXXXX`. */
export function makeCodeLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/#code=${encodeURIComponent(code)}`;
}

function httpUrl(link: string): URL | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Read a token link; null when it is not one. */
export function parseJoinLink(link: string): JoinInfo | null {
  const url = httpUrl(link);
  if (!url) return null;
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const documentId = params.get('join');
  const token = params.get('t');
  if (!documentId || !token) return null;
  return { serverUrl: url.origin, documentId, token };
}

/** Read a code link (the code is normalized); null when it is not one or the code is invalid. */
export function parseCodeLink(link: string): CodeJoinInfo | null {
  const url = httpUrl(link);
  if (!url) return null;
  const raw = new URLSearchParams(url.hash.replace(/^#/, '')).get('code');
  const code = raw === null ? null : normalizeInviteCode(raw);
  return code ? { serverUrl: url.origin, code } : null;
}

/** The WebSocket URL of a sync server given its http(s) URL. */
export const webSocketUrlOf = (serverUrl: string): string =>
  serverUrl.replace(/^http/, 'ws').replace(/\/+$/, '');
