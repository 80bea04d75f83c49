/**
 * Participants as the awareness protocol shares them: each client publishes
 * `{ user: { name, colour }, focus }` and reads everyone else's.
 */
import type { Awareness } from 'y-protocols/awareness';

/** What one participant shows others. */
export interface ParticipantUser {
  readonly name: string;
  /** CSS colour (#rrggbb) of the caret, selection and avatar. */
  readonly colour: string;
}

/** Where a participant is working (e.g. an item id and a field name); free-form, small. */
export interface ParticipantFocus {
  readonly itemId?: string;
  readonly field?: string;
}

export interface Participant extends ParticipantUser {
  readonly clientId: number;
  readonly isSelf: boolean;
  readonly focus: ParticipantFocus | null;
}

/**
 * Caret colours with at least 4.5:1 contrast against white text and readable against the
 * app's light background (WCAG 2.1 AA for the name label on the caret).
 */
export const PARTICIPANT_COLOURS: readonly string[] = [
  '#1f5fa8',
  '#a3324a',
  '#2e7d32',
  '#8a4f00',
  '#6a3fa0',
  '#00796b',
  '#b03a1e',
  '#3d5a80',
  '#8e2c7a',
  '#4e6b1f',
];

/** A stable colour for a seed (e.g. the client id), so a participant keeps theirs on reconnect. */
export function participantColour(seed: number | string): string {
  let h = 0;
  for (const ch of String(seed)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PARTICIPANT_COLOURS[h % PARTICIPANT_COLOURS.length]!;
}

const isUser = (value: unknown): value is ParticipantUser =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ParticipantUser).name === 'string' &&
  typeof (value as ParticipantUser).colour === 'string' &&
  /^#[0-9a-fA-F]{6}$/.test((value as ParticipantUser).colour);

/** Everyone who has published a user, this client first, then by name. Bad states are skipped. */
export function participantsOf(awareness: Awareness): Participant[] {
  const out: Participant[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user: unknown = state['user'];
    if (!isUser(user)) return;
    const focus: unknown = state['focus'];
    out.push({
      clientId,
      name: user.name.slice(0, 80),
      colour: user.colour,
      isSelf: clientId === awareness.clientID,
      focus: typeof focus === 'object' && focus !== null ? (focus as ParticipantFocus) : null,
    });
  });
  return out.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fi'),
  );
}
