/**
 * What the browser remembers about workshops. The connection details (with the token) live in
 * sessionStorage, per tab: they survive a reload (the desktop window reloads to allow a server in
 * its CSP) but not the tab. The display name and a random seed for the participant's colour are
 * kept in localStorage, so a participant keeps both on every visit.
 */
import { participantColour, type Invite, type WorkshopRole } from '../collab';

/** How one open document is connected to a workshop. */
export interface WorkshopConfig {
  /** `http(s)://host:port` of the server as participants reach it: the base of join links. */
  readonly serverUrl: string;
  /**
   * `http(s)://host:port` this client talks to (API and WebSocket), when it differs from
   * `serverUrl` — the desktop host reaches its embedded server on loopback.
   */
  readonly localUrl?: string;
  /** This client's token. */
  readonly token: string;
  /** What this client may do in the document (from the server; viewers and commenters read). */
  readonly role: WorkshopRole;
  /** Holds a host token: may create invites, list and revoke participants, end the workshop. */
  readonly isHost: boolean;
  /** The name the server bound to the token (its label); awareness must publish exactly it. */
  readonly boundName?: string;
  /** The invites the host created, by role (shown in the dialog, kept across reloads). */
  readonly invites?: Partial<Record<WorkshopRole, Invite>>;
  /** Hosted by the desktop app's embedded server (ending it also goes through the shell). */
  readonly desktop?: boolean;
}

const configKey = (documentId: string) => `linjaus.workshop.${documentId}`;
const PENDING_KEY = 'linjaus.workshop.pendingJoin';
const REOPEN_KEY = 'linjaus.workshop.reopen';
const NAME_KEY = 'linjaus.workshop.name';
const SEED_KEY = 'linjaus.workshop.seed';

const ROLES: readonly unknown[] = ['editor', 'commenter', 'viewer'];

const isConfig = (v: unknown): v is WorkshopConfig =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as WorkshopConfig).serverUrl === 'string' &&
  typeof (v as WorkshopConfig).token === 'string' &&
  typeof (v as WorkshopConfig).isHost === 'boolean' &&
  ROLES.includes((v as WorkshopConfig).role);

export function loadConfig(documentId: string): WorkshopConfig | null {
  try {
    const raw = sessionStorage.getItem(configKey(documentId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isConfig(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveConfig(documentId: string, config: WorkshopConfig | null): void {
  try {
    if (config) sessionStorage.setItem(configKey(documentId), JSON.stringify(config));
    else sessionStorage.removeItem(configKey(documentId));
  } catch {
    // Storage disabled: the workshop still runs until the page is closed.
  }
}

export function loadName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Not remembered; used for this session only.
  }
}

let memorySeed: string | null = null;

/** This browser's participant colour: stable across reloads and reconnects. */
export function ownColour(): string {
  let seed: string | null = null;
  try {
    seed = localStorage.getItem(SEED_KEY);
    if (!seed) {
      seed = crypto.randomUUID();
      localStorage.setItem(SEED_KEY, seed);
    }
  } catch {
    seed = memorySeed ??= crypto.randomUUID();
  }
  return participantColour(seed);
}

/** A join the desktop app resumes after its window reloaded to allow the server (its CSP). */
export interface PendingJoin {
  readonly input: string;
  readonly name: string;
}

export function savePendingJoin(pending: PendingJoin | null): void {
  try {
    if (pending) sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    else sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage disabled: the join is not resumed after the reload.
  }
}

/** The pending join, taken out of storage (it is resumed once). */
export function takePendingJoin(): PendingJoin | null {
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return typeof v === 'object' &&
      v !== null &&
      typeof (v as PendingJoin).input === 'string' &&
      typeof (v as PendingJoin).name === 'string'
      ? {
          input: (v as PendingJoin).input.slice(0, 2048),
          name: (v as PendingJoin).name.slice(0, 60),
        }
      : null;
  } catch {
    return null;
  }
}

/**
 * The desktop host's window reloads (to allow its server) right after starting: remember to
 * reopen the dialog with the code for this document, whatever state the invite is in by then.
 */
export function markReopenDialog(documentId: string): void {
  try {
    sessionStorage.setItem(REOPEN_KEY, documentId);
  } catch {
    // Storage disabled: the host opens the dialog by hand.
  }
}

/** Whether the dialog is to reopen for `documentId`; taken out of storage (once). */
export function takeReopenDialog(documentId: string): boolean {
  try {
    if (sessionStorage.getItem(REOPEN_KEY) !== documentId) return false;
    sessionStorage.removeItem(REOPEN_KEY);
    return true;
  } catch {
    return false;
  }
}

const resyncKey = (documentId: string) => `linjaus.workshop.resync.${documentId}`;

/**
 * Claim this tab's one fresh copy of a document (a viewer's copy that diverged, `resync.ts`):
 * true the first time in this page session, false after that — also after the reload the
 * refresh ends with, so a copy that diverges again never loops. False when sessionStorage does
 * not work, since nothing could then stop a loop.
 */
export function claimResync(documentId: string): boolean {
  try {
    if (sessionStorage.getItem(resyncKey(documentId)) !== null) return false;
    sessionStorage.setItem(resyncKey(documentId), 'claimed');
    return sessionStorage.getItem(resyncKey(documentId)) === 'claimed';
  } catch {
    return false;
  }
}

/** Remember to tell the user, once the page has reloaded, that the copy was refreshed. */
export function markResyncNotice(documentId: string): void {
  try {
    sessionStorage.setItem(resyncKey(documentId), 'notice');
  } catch {
    // Storage disabled: claimResync refused before, so this is never reached.
  }
}

/** Whether to say that the copy was refreshed; true once per refresh (the mark stays claimed). */
export function takeResyncNotice(documentId: string): boolean {
  try {
    if (sessionStorage.getItem(resyncKey(documentId)) !== 'notice') return false;
    sessionStorage.setItem(resyncKey(documentId), 'done');
    return true;
  } catch {
    return false;
  }
}
