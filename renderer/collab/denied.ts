/**
 * Why the server shut a connection out, from its two ways of saying so (docs/sync.md): the
 * `linjaus.revoked` stateless notice (`{t, reason}`) sent just before closing, and the close
 * itself (4403 with the reason; 1008 `awareness-spoofing`). `ended` (the host ended the workshop
 * for everyone) is told apart from `revoked` (this participant's access was removed).
 */

/** Why the server refused the token or closed the connection for good; see docs/sync.md. */
export type DeniedReason =
  | 'invalid-token'
  | 'invalid-document'
  | 'expired'
  | 'revoked'
  | 'ended'
  | 'awareness-spoofing'
  | string;

const CLOSE_REASONS: readonly string[] = ['expired', 'revoked', 'ended'];

/** The reason a close means for good, or null when it is an ordinary close (retry). */
export function deniedReasonOfClose(code: number | undefined, reason: string | undefined) {
  if (code === 4403) return CLOSE_REASONS.includes(reason ?? '') ? (reason as string) : 'revoked';
  if (code === 1008 && reason === 'awareness-spoofing') return 'awareness-spoofing';
  return null;
}

/** The reason in a `linjaus.revoked` notice; `revoked` when it names none. */
export function deniedReasonOfNotice(payload: string): DeniedReason {
  let reason: unknown = null;
  try {
    reason = (JSON.parse(payload) as { reason?: unknown }).reason;
  } catch {
    reason = null;
  }
  return typeof reason === 'string' && reason !== '' ? reason.slice(0, 64) : 'revoked';
}
