/**
 * The client of the sync server's workshop HTTP API (/work/api-contract.md, docs/workshop.md):
 * invites (short codes), joining by code, the participant list, revoking one participant and
 * ending the workshop. Host calls carry the host token as a bearer token; joining needs none.
 *
 * Every failure becomes a {@link WorkshopApiError} with a machine-readable `code`, so the UI can
 * say in the user's language what went wrong; answers are checked before they are trusted.
 * DOM-free (uses the global `fetch`, or one passed in), so it runs in Node tests too.
 *
 * @example
 * const api = workshopApi('http://192.168.1.10:4321');
 * const invite = await api.createInvite(documentId, hostToken, 'editor');
 * console.log(invite.display); // "K7M4-QX2P"
 */

/** A participant role on the server. */
export type WorkshopRole = 'editor' | 'commenter' | 'viewer';

/** An invite the host created: one code for the whole room. */
export interface Invite {
  /** 8 symbols, no dash: what links carry (`#code=…`). */
  readonly code: string;
  /** `XXXX-XXXX`: what people read and type. */
  readonly display: string;
  readonly role: WorkshopRole;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** The server's answer to joining by code: a personal token bound to the given name. */
export interface JoinAnswer {
  readonly documentId: string;
  readonly token: string;
  readonly tokenId: string;
  readonly role: WorkshopRole;
  /** The name the server bound to the token; the awareness `name` must be exactly this. */
  readonly name: string;
  readonly expiresAt: number;
}

/** One token of the document, as the host's participant list shows it. */
export interface ServerParticipant {
  readonly tokenId: string;
  /** The token's label ('' when it has none). */
  readonly name: string;
  readonly role: WorkshopRole;
  readonly host: boolean;
  readonly connected: boolean;
  readonly revoked: boolean;
  readonly expiresAt: number;
}

/**
 * Why a call failed. `unreachable`: no answer (network, refused, blocked by CORS/CSP);
 * `bad-answer`: an answer that is not what the contract says; the rest are the server's codes
 * (`unauthorized`, `forbidden`, `rate-limit`, `unknown-code`, `name`, `self`, `origin`, …).
 */
export class WorkshopApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Seconds to wait, from `Retry-After` (rate limits); null when not given. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'WorkshopApiError';
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const ROLES: readonly string[] = ['editor', 'commenter', 'viewer'];
const isRole = (v: unknown): v is WorkshopRole => typeof v === 'string' && ROLES.includes(v);
const isString = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

const badAnswer = (what: string) =>
  new WorkshopApiError('bad-answer', 200, `The server's answer is not a valid ${what}.`);

function toInvite(raw: unknown): Invite {
  const r = record(raw);
  if (
    !r ||
    !isString(r['code'], 32) ||
    !isString(r['display'], 32) ||
    !isRole(r['role']) ||
    !isTime(r['expiresAt'])
  )
    throw badAnswer('invite');
  return { code: r['code'], display: r['display'], role: r['role'], expiresAt: r['expiresAt'] };
}

function toJoinAnswer(raw: unknown): JoinAnswer {
  const r = record(raw);
  if (
    !r ||
    !isString(r['documentId'], 128) ||
    !isString(r['token'], 256) ||
    !isString(r['tokenId'], 64) ||
    !isRole(r['role']) ||
    !isString(r['name'], 120) ||
    !isTime(r['expiresAt'])
  )
    throw badAnswer('join answer');
  return {
    documentId: r['documentId'],
    token: r['token'],
    tokenId: r['tokenId'],
    role: r['role'],
    name: r['name'],
    expiresAt: r['expiresAt'],
  };
}

function toParticipant(raw: unknown): ServerParticipant | null {
  const r = record(raw);
  if (
    !r ||
    !isString(r['tokenId'], 64) ||
    !isString(r['name'], 120) ||
    !isRole(r['role']) ||
    typeof r['host'] !== 'boolean' ||
    typeof r['connected'] !== 'boolean' ||
    typeof r['revoked'] !== 'boolean' ||
    !isTime(r['expiresAt'])
  )
    return null;
  return {
    tokenId: r['tokenId'],
    name: r['name'],
    role: r['role'],
    host: r['host'],
    connected: r['connected'],
    revoked: r['revoked'],
    expiresAt: r['expiresAt'],
  };
}

const retryAfter = (response: Response): number | null => {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value >= 0 ? value : null;
};

/** The API of one server (`http(s)://host:port`). */
export function workshopApi(serverUrl: string, options: { fetch?: Fetch } = {}) {
  const base = serverUrl.replace(/\/+$/, '');
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(
    method: 'GET' | 'POST',
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        cache: 'no-store',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new WorkshopApiError(
        'unreachable',
        0,
        error instanceof Error ? error.message : String(error),
      );
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (!response.ok) {
      const r = record(json);
      const code = isString(r?.['error'], 64) ? r['error'] : `http-${response.status}`;
      const message = isString(r?.['message'], 500) ? r['message'] : response.statusText;
      throw new WorkshopApiError(code, response.status, message, retryAfter(response));
    }
    return json;
  }

  const docPath = (documentId: string) => `/api/v1/documents/${encodeURIComponent(documentId)}`;

  return {
    /** A new invite code for the document (host). Expires with the host token unless sooner. */
    async createInvite(
      documentId: string,
      hostToken: string,
      role: WorkshopRole,
      expiresInMs?: number,
    ): Promise<Invite> {
      const body = expiresInMs === undefined ? { role } : { role, expiresInMs };
      return toInvite(await call('POST', `${docPath(documentId)}/invites`, hostToken, body));
    },
    /** Trade a code and a display name for a personal token (no auth). */
    async join(code: string, name: string): Promise<JoinAnswer> {
      return toJoinAnswer(await call('POST', '/api/v1/join', null, { code, name }));
    },
    /** Every token of the document with its live state (host). Malformed rows are skipped. */
    async participants(documentId: string, hostToken: string): Promise<ServerParticipant[]> {
      const r = record(await call('GET', `${docPath(documentId)}/participants`, hostToken));
      const list = r?.['participants'];
      if (!Array.isArray(list)) throw badAnswer('participant list');
      return list.map(toParticipant).filter((p): p is ServerParticipant => p !== null);
    },
    /** Revoke one participant's token; their connections close at once (host). */
    async revoke(documentId: string, hostToken: string, tokenId: string): Promise<void> {
      await call(
        'POST',
        `${docPath(documentId)}/participants/${encodeURIComponent(tokenId)}/revoke`,
        hostToken,
      );
    },
    /** End the workshop: every token and invite revoked, every connection closed (host). */
    async end(documentId: string, hostToken: string): Promise<number> {
      const r = record(await call('POST', `${docPath(documentId)}/end`, hostToken));
      return typeof r?.['revoked'] === 'number' ? r['revoked'] : 0;
    },
  };
}

/** The workshop API of one server. */
export type WorkshopApi = ReturnType<typeof workshopApi>;
