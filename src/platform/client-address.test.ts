import { describe, expect, it } from 'vitest';
import { clientAddress, NO_TRUSTED_PROXIES, parseTrustedProxies } from './client-address.js';
import { loadConfig } from './config.js';

describe('client address behind reverse proxies', () => {
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8,fd00::/8');

  it('ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', NO_TRUSTED_PROXIES)).toBe('127.0.0.1');
    expect(loadConfig({}).trustedProxies.ranges).toEqual([]);
  });

  it('takes the client from X-Forwarded-For when the peer is a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:10.1.2.3', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('fd00::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('reads from the right, skipping trusted hops, so a client cannot forge its address', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it really saw.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '203.0.113.9, 10.0.0.5', proxies)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', 'not-an-address', proxies)).toBe('127.0.0.1');
  });

  it('does not believe X-Forwarded-For from an untrusted peer', () => {
    expect(clientAddress('192.0.2.1', '203.0.113.9', proxies)).toBe('192.0.2.1');
    expect(clientAddress(undefined, '203.0.113.9', proxies)).toBe('unknown');
  });

  it('HUB_TRUSTED_PROXIES: a bad entry is a clear configuration error', () => {
    expect(loadConfig({ HUB_TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' }).trustedProxies.ranges).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadConfig({ HUB_TRUSTED_PROXIES: '10.0.0.300' })).toThrow(/HUB_TRUSTED_PROXIES: '10.0.0.300' is not an IP address or CIDR range/);
    expect(() => loadConfig({ HUB_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/HUB_TRUSTED_PROXIES: '10.0.0.0\/33': the prefix length must be 0-32/);
  });
});

describe('listening address', () => {
  it('HOST defaults to 127.0.0.1 (this computer only)', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
