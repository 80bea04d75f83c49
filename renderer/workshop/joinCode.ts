/**
 * What a participant may type or open to join: an invite code (`K7M4-QX2P`, any case, with or
 * without the dash — the server is then the page's own origin), a code link
 * (`http://host:port/#code=K7M4QX2P`), an old token link (`…/#join=<doc>&t=<token>`) or an old
 * pasteable token code (`<document id>.<token>`).
 */
import { normalizeInviteCode, parseCodeLink, parseJoinLink } from '../collab';
import { desktopShell } from '../platform/electronPlatform';

/** Where and how to join. */
export type JoinTarget =
  | { readonly kind: 'code'; readonly serverUrl: string; readonly code: string }
  | {
      readonly kind: 'token';
      readonly serverUrl: string;
      readonly documentId: string;
      readonly token: string;
    };

const DOC_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const TOKEN = /^lj1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/;

/** True when `text` has the shape of a token (`lj1.<id>.<secret>`); the server judges the rest. */
export const isTokenShaped = (text: string): boolean => TOKEN.test(text);

/**
 * The page's origin when it is a server (`linjaus serve`); '' in the desktop app, whose pages
 * come from the app itself (or the dev server), never from a workshop server.
 */
export const pageServerOrigin = (): string =>
  !desktopShell() && /^https?:$/.test(window.location.protocol) ? window.location.origin : '';

/** True when `input` is a bare code, which needs a server origin to mean anything. */
export const isBareCode = (input: string): boolean => normalizeInviteCode(input.trim()) !== null;

/** A link or code (a bare code resolved against `origin`); null when it is neither. */
export function parseJoinInput(input: string, origin: string): JoinTarget | null {
  const text = input.trim();
  const codeLink = parseCodeLink(text);
  if (codeLink) return { kind: 'code', ...codeLink };
  const tokenLink = parseJoinLink(text);
  if (tokenLink) return { kind: 'token', ...tokenLink };
  if (!/^https?:\/\//.test(origin)) return null;
  const code = normalizeInviteCode(text);
  if (code) return { kind: 'code', serverUrl: origin, code };
  const dot = text.indexOf('.');
  if (dot <= 0) return null;
  const documentId = text.slice(0, dot);
  const token = text.slice(dot + 1);
  if (!DOC_ID.test(documentId) || !TOKEN.test(token)) return null;
  return { kind: 'token', serverUrl: origin, documentId, token };
}

/** The join target in the page's own address (`#code=…` or `#join=…&t=…`), or null. */
export function joinFromLocation(): JoinTarget | null {
  const { hash } = window.location;
  if (!hash.startsWith('#join=') && !hash.startsWith('#code=')) return null;
  const origin = pageServerOrigin();
  return origin ? parseJoinInput(`${origin}/${hash}`, origin) : null;
}

/**
 * True when a desktop window loaded from `pageUrl` may already reach `serverUrl`: main reloads a
 * window with `?workshop=<address>` once it has put that server in the window's CSP.
 */
export function isServerAllowed(serverUrl: string, pageUrl: string): boolean {
  try {
    const granted = new URL(pageUrl).searchParams.get('workshop');
    return granted !== null && new URL(granted).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}
