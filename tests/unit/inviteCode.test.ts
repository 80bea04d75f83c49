/**
 * Invite codes as people type them: forgiving about case, spaces, dashes and look-alike letters,
 * strict about everything else; and codes spelled from random bytes use the whole alphabet.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatInviteCode,
  INVITE_ALPHABET,
  inviteCodeFromBytes,
  normalizeInviteCode,
} from '../../renderer/collab/inviteCode';

/** An independent spelling: the 40 bits as a binary string, cut into 5-bit symbols. */
function spell(bytes: Uint8Array): string {
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  return (bits.match(/.{5}/g) ?? []).map((group) => INVITE_ALPHABET[parseInt(group, 2)]).join('');
}

describe('normalizeInviteCode', () => {
  it('reads a code regardless of case, spaces and dashes', () => {
    for (const typed of ['K7M4QX2P', 'k7m4-qx2p', ' k7m4 qx2p ', 'K7-M4-QX-2P', 'k7m4\tqx2p'])
      expect(normalizeInviteCode(typed)).toBe('K7M4QX2P');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normalizeInviteCode('KOM1-QX2P')).toBe('K0M1QX2P');
    expect(normalizeInviteCode('k0mi-qx2p')).toBe('K0M1QX2P');
    expect(normalizeInviteCode('komL qx2p')).toBe('K0M1QX2P');
  });

  it('refuses anything that is not exactly 8 symbols of the alphabet', () => {
    for (const bad of [
      '',
      'K7M4QX2',
      'K7M4QX2PA',
      'K7M4QX2U',
      'K7M4_QX2P',
      'K7M4.QX2P',
      'K7M4QX2Ä',
      '１２３４５６７８',
      `${'-'.repeat(60)}K7M4QX2P`,
      'K7M4QX2P'.repeat(10),
    ])
      expect(normalizeInviteCode(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('formatInviteCode', () => {
  it('shows a code as two groups of four', () => {
    expect(formatInviteCode('k7m4qx2p')).toBe('K7M4-QX2P');
    expect(formatInviteCode('K7M4-QX2P')).toBe('K7M4-QX2P');
  });

  it('leaves text that is not a code as typed', () => {
    expect(formatInviteCode('k7m')).toBe('k7m');
  });
});

describe('inviteCodeFromBytes', () => {
  it('spells 40 bits as 8 symbols, most significant first', () => {
    expect(inviteCodeFromBytes(new Uint8Array(5))).toBe('00000000');
    expect(inviteCodeFromBytes(new Uint8Array(5).fill(255))).toBe('ZZZZZZZZ');
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(randomBytes(5));
      const code = inviteCodeFromBytes(bytes);
      expect(code).toBe(spell(bytes));
      expect(normalizeInviteCode(code)).toBe(code);
    }
  });

  it('uses every symbol of the alphabet in every position', () => {
    const seen = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++)
      [...inviteCodeFromBytes(new Uint8Array(randomBytes(5)))].forEach((s, p) => seen[p]!.add(s));
    for (const position of seen) expect(position.size).toBe(32);
  });

  it('refuses a wrong number of bytes', () => {
    expect(() => inviteCodeFromBytes(new Uint8Array(4))).toThrow('5 random bytes');
  });
});
