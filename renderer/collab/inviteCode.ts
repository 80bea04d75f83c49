/**
 * Workshop invite codes: the short code a host shows on the projector and participants type in.
 * 8 symbols of Crockford base32 (40 random bits), shown as `XXXX-XXXX`. Reading is forgiving —
 * case, spaces and dashes do not matter, and the letters people confuse with digits (`O`, `I`,
 * `L`) read as those digits — so a code typed from across the room still works.
 *
 * Pure and DOM-free (no Node imports): the sync server parses codes with the same functions.
 */

/** The Crockford base32 alphabet: digits and letters without I, L, O and U. */
export const INVITE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a code. */
export const INVITE_CODE_LENGTH = 8;
/** Random bytes behind one code (8 symbols × 5 bits = 40 bits). */
export const INVITE_CODE_BYTES = 5;

/** Letters people type for a digit, read as that digit. */
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/**
 * The canonical code (8 symbols, upper case, no dash) in `input`, or null when it is not one.
 * Ignores case, spaces and dashes; reads `O` as `0` and `I`/`L` as `1`.
 *
 * @example normalizeInviteCode('k7m4-qx2p') // 'K7M4QX2P'
 */
export function normalizeInviteCode(input: string): string | null {
  // Anything much longer than a code with separators is not one; don't scan it symbol by symbol.
  if (typeof input !== 'string' || input.length > 64) return null;
  let out = '';
  for (const raw of input.toUpperCase()) {
    if (raw === '-' || raw === ' ' || raw === '\t') continue;
    const symbol = LOOKALIKES[raw] ?? raw;
    if (!INVITE_ALPHABET.includes(symbol)) return null;
    out += symbol;
    if (out.length > INVITE_CODE_LENGTH) return null;
  }
  return out.length === INVITE_CODE_LENGTH ? out : null;
}

/**
 * A code as people read it, `XXXX-XXXX`. Accepts anything {@link normalizeInviteCode} accepts;
 * returns `raw` unchanged when it is not a code (so a half-typed code is shown as typed).
 */
export function formatInviteCode(raw: string): string {
  const code = normalizeInviteCode(raw);
  return code === null ? raw : `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code spelled by 5 random bytes (the caller supplies them: the server uses Node's CSPRNG).
 * Throws when `bytes` is not exactly {@link INVITE_CODE_BYTES} long.
 */
export function inviteCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== INVITE_CODE_BYTES)
    throw new Error(`An invite code needs ${INVITE_CODE_BYTES} random bytes.`);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = INVITE_CODE_LENGTH - 1; i >= 0; i--)
    out += INVITE_ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  return out;
}
