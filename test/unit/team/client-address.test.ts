import { describe, expect, it } from 'vitest';
import { ClientAddresses, trustedProxyAddress } from '../../../src/team-server/client-address';

describe('the client address login limits count', () => {
  it('is the socket\'s address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const clients = new ClientAddresses();
    expect(clients.of('127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
    expect(clients.of('::ffff:198.51.100.2', '203.0.113.7')).toBe('198.51.100.2');
  });

  it('is the socket\'s address when the request does not come from a trusted proxy', () => {
    const clients = new ClientAddresses(['10.0.0.5']);
    expect(clients.of('198.51.100.2', '203.0.113.7, 10.0.0.5')).toBe('198.51.100.2');
  });

  it('is the right-most entry that is not a trusted proxy, from a trusted one', () => {
    const clients = new ClientAddresses(['127.0.0.1', '10.0.0.5']);
    expect(clients.of('127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    // What the client wrote in front of its own address is passed over.
    expect(clients.of('127.0.0.1', '192.0.2.99, 203.0.113.7')).toBe('203.0.113.7');
    // A chain of trusted proxies is walked through; a header sent twice reads as one list.
    expect(clients.of('127.0.0.1', '192.0.2.99, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7');
    expect(clients.of('127.0.0.1', ['192.0.2.99', '203.0.113.7'])).toBe('203.0.113.7');
    // Only trusted proxies: the request began at the left-most; no header: at the proxy itself.
    expect(clients.of('127.0.0.1', '10.0.0.5')).toBe('10.0.0.5');
    expect(clients.of('127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('reads addresses in every spelling proxies write, and stops at an entry that is none', () => {
    const clients = new ClientAddresses(['::1', '127.0.0.1']);
    expect(clients.of('0:0:0:0:0:0:0:1', '[2001:DB8::0:7]:4711')).toBe('2001:db8::7');
    expect(clients.of('::ffff:127.0.0.1', '203.0.113.7:51234')).toBe('203.0.113.7');
    expect(clients.of('127.0.0.1', '203.0.113.7, unknown')).toBe('127.0.0.1');
  });

  it('takes only IP addresses as trusted proxies', () => {
    expect(trustedProxyAddress(' 127.0.0.1 ')).toBe('127.0.0.1');
    expect(trustedProxyAddress('::1')).toBe('::1');
    expect(trustedProxyAddress('proxy.example.org')).toBeNull();
    expect(trustedProxyAddress('10.0.0.0/8')).toBeNull();
    expect(() => new ClientAddresses(['localhost'])).toThrow(/not an IP address/);
  });
});
