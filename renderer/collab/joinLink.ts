/**
 * Join links: `http://host:port/#join=<documentId>&t=<token>`. The token sits in the fragment,
 * which browsers never send to the server, put in Referer headers or write to access logs.
 */

export interface JoinInfo {
  /** `http(s)://host:port` of the sync server (also serves the web app). */
  readonly serverUrl: string;
  readonly documentId: string;
  readonly token: string;
}

/** The link a host shares (and encodes in the QR code). */
export function makeJoinLink(info: JoinInfo): string {
  const base = info.serverUrl.replace(/\/+$/, '');
  return `${base}/#join=${encodeURIComponent(info.documentId)}&t=${encodeURIComponent(info.token)}`;
}

/** Read a join link; null when it is not one. */
export function parseJoinLink(link: string): JoinInfo | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const documentId = params.get('join');
  const token = params.get('t');
  if (!documentId || !token) return null;
  return { serverUrl: url.origin, documentId, token };
}

/** The WebSocket URL of a sync server given its http(s) URL. */
export const webSocketUrlOf = (serverUrl: string): string =>
  serverUrl.replace(/^http/, 'ws').replace(/\/+$/, '');
