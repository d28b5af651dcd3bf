import type { IncomingHttpHeaders } from 'node:http';

/**
 * The client's address for the per-address limit: the connection's peer, or with TRUST_PROXY
 * the first X-Forwarded-For entry (the client as the proxy saw it; Fastify reads it the same way).
 */
export function clientAddress(
  request: { headers: IncomingHttpHeaders; socket?: { remoteAddress?: string } | null },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket?.remoteAddress ?? 'unknown';
}

/** Open sockets per client address on this instance, against a limit. */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(readonly limit: number) {}

  admits(address: string): boolean {
    return (this.open.get(address) ?? 0) < this.limit;
  }

  opened(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
  }

  closed(address: string): void {
    const n = (this.open.get(address) ?? 0) - 1;
    if (n > 0) this.open.set(address, n);
    else this.open.delete(address);
  }

  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
