/**
 * The join endpoint's rate-limit bookkeeping: fixed windows per key with bounded memory, and
 * client addresses grouped as an attacker would spread them (IPv6 by /64).
 */
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../server/sync/clientAddress';
import { clientKey, WindowCounter } from '../../server/sync/http/rateLimit';

describe('WindowCounter', () => {
  it('blocks a key at the limit until its window ends, and only that key', () => {
    const counter = new WindowCounter(3, 1000);
    for (let i = 0; i < 2; i++) counter.hit('a', 100);
    expect(counter.retryAfterMs('a', 200)).toBe(0);
    counter.hit('a', 300);
    expect(counter.retryAfterMs('a', 400)).toBe(700);
    expect(counter.retryAfterMs('b', 400)).toBe(0);
    expect(counter.retryAfterMs('a', 1100)).toBe(0);
    counter.hit('a', 1100);
    expect(counter.retryAfterMs('a', 1200)).toBe(0);
  });

  it('tracks at most maxKeys keys, forgetting ended windows first', () => {
    const counter = new WindowCounter(1, 1000, 3);
    counter.hit('old', 0);
    counter.hit('x', 1500);
    counter.hit('y', 1500);
    counter.hit('z', 1600);
    expect(counter.retryAfterMs('x', 1700)).toBeGreaterThan(0);
    expect(counter.retryAfterMs('z', 1700)).toBeGreaterThan(0);
    counter.hit('w', 1700);
    // Full of live windows: the oldest (x) makes room.
    expect(counter.retryAfterMs('x', 1800)).toBe(0);
    expect(counter.retryAfterMs('w', 1800)).toBeGreaterThan(0);
  });
});

describe('clientKey', () => {
  it('keys IPv4 by address, also when IPv4-mapped', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey(undefined)).toBe('unknown');
  });

  it('keys IPv6 by its /64 network, however the address is written', () => {
    const key = clientKey('2001:db8:0:1::5');
    expect(key).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:0db8:0000:0001:abcd:1:2:3')).toBe(key);
    expect(clientKey('2001:db8:0:2::5')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1')).toBe('fe80:0:0:0::/64');
  });
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the request comes from a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '198.51.100.1', ['10.0.0.1'])).toBe('203.0.113.9');
  });

  it('takes the address the trusted proxies saw, not what the client wrote before it', () => {
    const proxies = ['10.0.0.1', '10.0.0.2'];
    expect(clientAddress('10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.0.0.1', 'forged, 198.51.100.1, 10.0.0.2', proxies)).toBe(
      '198.51.100.1',
    );
    expect(clientAddress('10.0.0.1', ['1.1.1.1', '198.51.100.7'], proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', ' , 10.0.0.2', proxies)).toBe('10.0.0.1');
  });
});
