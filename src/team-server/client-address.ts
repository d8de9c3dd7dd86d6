import net from 'node:net';

/**
 * The address a request comes from, as login rate limiting counts it (rate-limit.ts). Behind a
 * reverse proxy every request reaches the server from the proxy's address, so failures would be
 * counted for everyone at once; a proxy the administrator names (`tematik serve --trust-proxy`)
 * says who its client was in X-Forwarded-For, appending the address it was reached from.
 *
 * The header is read only on a request from a trusted proxy, and from the right: the right-most
 * entry that is not itself a trusted proxy is the client. Anyone may send X-Forwarded-For, and
 * the entries left of the one the nearest trusted proxy wrote are whatever the client put there;
 * believing them (or the header from anyone else) would let a guesser send a new made-up address
 * with every try and never be limited, or name another user's address to lock them out.
 */
export class ClientAddresses {
  private readonly trusted: ReadonlySet<string>;

  /** `trustedProxies`: IP addresses (trustedProxyAddress checks them); none trusts no header at all. */
  constructor(trustedProxies: readonly string[] = []) {
    this.trusted = new Set(trustedProxies.map((address) => {
      const normal = trustedProxyAddress(address);
      if (normal === null) throw new Error(`not an IP address: ${address}`);
      return normal;
    }));
  }

  /** The client of a request that reached the server from `socketAddress` with these X-Forwarded-For headers. */
  of(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    const peer = ipAddress(socketAddress ?? '') ?? socketAddress ?? '';
    if (!this.trusted.has(peer) || forwardedFor === undefined) return peer;
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    let client = peer;
    for (let i = entries.length - 1; i >= 0; i--) {
      const address = ipAddress(entries[i]!);
      // Not an address: the trusted proxy did not write it as the client's, so nothing further left is its word either.
      if (address === null) return client;
      client = address;
      if (!this.trusted.has(address)) return client;
    }
    // Every entry a trusted proxy: the request began at the left-most of them.
    return client;
  }
}

/** An address given to --trust-proxy in the form requests are compared in, or null when it is no IP address. */
export function trustedProxyAddress(text: string): string | null {
  return ipAddress(text.trim());
}

/**
 * An IP address in one spelling: an IPv4 client of a server listening on IPv6 is `::ffff:a.b.c.d`,
 * proxies may write `[v6]`, `[v6]:port` or `a.b.c.d:port`, and one IPv6 address has many spellings
 * (`::1`, `0:0:0:0:0:0:0:1`). Null for anything else.
 */
function ipAddress(text: string): string | null {
  let address = text;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const family = net.isIP(address);
  if (family === 4) return address;
  if (family === 0) return null;
  // The URL standard writes an IPv6 host in its shortest lower-case form; a zone (fe80::1%eth0) is kept as written.
  try {
    return new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
}
