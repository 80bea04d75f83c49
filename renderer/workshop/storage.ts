/**
 * What the browser remembers about workshops. The connection details (with the token) live in
 * sessionStorage, per tab: they survive a reload (the desktop window reloads to allow a server in
 * its CSP) but not the tab. The display name and a random seed for the participant's colour are
 * kept in localStorage, so a participant keeps both on every visit.
 */
import { participantColour } from '../collab';

/** How one open document is connected to a workshop. */
export interface WorkshopConfig {
  /** `http(s)://host:port` of the server (also serves the web app): the base of join links. */
  readonly serverUrl: string;
  /** WebSocket URL to connect to; derived from `serverUrl` when absent. */
  readonly wsUrl?: string;
  /** This client's token. */
  readonly token: string;
  /** The token put in join links; the host's own when absent. */
  readonly guestToken?: string;
  readonly role: 'host' | 'guest';
  /** Hosted by the desktop app's embedded server (ending it goes through the shell). */
  readonly desktop?: boolean;
}

const configKey = (documentId: string) => `linjaus.workshop.${documentId}`;
const NAME_KEY = 'linjaus.workshop.name';
const SEED_KEY = 'linjaus.workshop.seed';

const isConfig = (v: unknown): v is WorkshopConfig =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as WorkshopConfig).serverUrl === 'string' &&
  typeof (v as WorkshopConfig).token === 'string' &&
  ((v as WorkshopConfig).role === 'host' || (v as WorkshopConfig).role === 'guest');

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
