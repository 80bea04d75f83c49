/**
 * Join codes: the pasteable form of a join link for someone who already has the server's page
 * open — `<document id>.<token>`. The server address is then the page's own origin. A truly short
 * (typeable) code needs a server endpoint that trades it for a token; see docs/workshop.md.
 */
import { parseJoinLink, type JoinInfo } from '../collab';

const DOC_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const TOKEN = /^lj1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/;

export const makeJoinCode = (documentId: string, token: string): string => `${documentId}.${token}`;

/** A join link or a join code (resolved against `origin`); null when it is neither. */
export function parseJoinInput(input: string, origin: string): JoinInfo | null {
  const text = input.trim();
  const link = parseJoinLink(text);
  if (link) return link;
  const dot = text.indexOf('.');
  if (dot <= 0) return null;
  const documentId = text.slice(0, dot);
  const token = text.slice(dot + 1);
  if (!DOC_ID.test(documentId) || !TOKEN.test(token)) return null;
  if (!/^https?:\/\//.test(origin)) return null;
  return { serverUrl: origin, documentId, token };
}

/** The join info in the page's own address (`#join=…&t=…`), or null. */
export function joinFromLocation(): JoinInfo | null {
  if (!window.location.hash.startsWith('#join=')) return null;
  const origin = /^https?:/.test(window.location.protocol) ? window.location.origin : '';
  if (!origin) return null;
  return parseJoinLink(`${origin}/${window.location.hash}`);
}
