import net from 'node:net';

/**
 * The reverse proxies whose X-Forwarded-For header is believed (HUB_TRUSTED_PROXIES): single
 * addresses or CIDR ranges, IPv4 or IPv6. None by default: the socket's address is the client.
 */
export interface TrustedProxies {
  /** The ranges as configured, e.g. ['127.0.0.1', '10.0.0.0/8']. */
  readonly ranges: readonly string[];
  has(address: string): boolean;
}

/** '::ffff:10.0.0.1' (an IPv4 client on a dual-stack socket) -> '10.0.0.1'; trims and drops an IPv6 zone. */
export function normalizeAddress(address: string): string {
  const a = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a.toLowerCase();
}

const family = (address: string): 'ipv4' | 'ipv6' | null => {
  const v = net.isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : null;
};

/** Parses a comma-separated list of addresses and CIDR ranges; throws Error('<entry>: reason') on a bad one. */
export function parseTrustedProxies(text: string): TrustedProxies {
  const ranges = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const list = new net.BlockList();
  for (const entry of ranges) {
    const [addr = '', prefix, extra] = entry.split('/');
    const ip = normalizeAddress(addr);
    const type = family(ip);
    if (!type || extra !== undefined) throw new Error(`'${entry}' is not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8 or fd00::/8)`);
    if (prefix === undefined) {
      list.addAddress(ip, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (type === 'ipv4' ? 32 : 128))) throw new Error(`'${entry}': the prefix length must be 0-${type === 'ipv4' ? 32 : 128}`);
    list.addSubnet(ip, bits, type);
  }
  return {
    ranges,
    has(address: string) {
      const ip = normalizeAddress(address);
      const type = family(ip);
      return type !== null && list.check(ip, type);
    },
  };
}

export const NO_TRUSTED_PROXIES: TrustedProxies = parseTrustedProxies('');

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * X-Forwarded-For entries are read from the right (each proxy appends the peer it saw), skipping
 * trusted proxies, and the first address not trusted is the client. A malformed entry stops the
 * walk at the hop that reported it, so a client cannot pick its own address.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  if (!remote) return 'unknown';
  let client = normalizeAddress(remote);
  if (!forwardedFor || !trusted.has(client)) return client;
  const hops = forwardedFor.split(',').map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(client)) break;
    const hop = hops[i]!;
    if (family(hop) === null) break;
    client = hop;
  }
  return client;
}
