import { invalid } from '../shared/domain-error.js';

/**
 * Checks a receiver address as given: http or https only, no user name or password in it, a host,
 * at most 2000 characters. Private and local addresses are refused later, at each delivery, on the
 * address the name resolves to (isPublicAddress), unless the server allows them.
 */
export function parseTargetUrl(value: string, field = 'url'): URL {
  const refuse = (reason: string) =>
    invalid('WEBHOOK_URL_INVALID', `The webhook address ${reason}`, [{ field, reason }]);
  if (typeof value !== 'string' || value.length > 2000) throw refuse('must be at most 2000 characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('is not an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('must start with http:// or https://');
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  if (!url.hostname) throw refuse('must name a host');
  return url;
}

/**
 * Whether an IP address is on the public internet: loopback, private (RFC 1918, fc00::/7),
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, unspecified and the
 * IPv4-mapped forms of those are not.
 */
export function isPublicAddress(address: string): boolean {
  if (IPV4.test(address)) return isPublicV4(address);
  if (!address.includes(':') || !/^[0-9a-f:.]+$/i.test(address)) return false;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPublicV4(mapped[1]!);
  if (lower === '::' || lower === '::1') return false;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** An address written as an IP (v4, or v6 with or without brackets), not a name. */
export const isIpLiteral = (host: string) => IPV4.test(host) || /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/i.test(host);

function isPublicV4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number, number, number];
  if (a === 0 || a === 10 || a === 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a >= 224) return false;
  return true;
}
