import { clientAddress, ConnectionsPerAddress } from './connection-limit.js';

describe('the per-address connection limit', () => {
  it('admits up to the limit per address, and again once one closes', () => {
    const limit = new ConnectionsPerAddress(2);
    limit.opened('10.0.0.7');
    expect(limit.admits('10.0.0.7')).toBe(true);
    limit.opened('10.0.0.7');
    expect(limit.admits('10.0.0.7')).toBe(false);
    expect(limit.admits('10.0.0.8')).toBe(true);
    limit.closed('10.0.0.7');
    expect(limit.admits('10.0.0.7')).toBe(true);
    limit.closed('10.0.0.7');
    expect(limit.count('10.0.0.7')).toBe(0);
  });

  it('uses X-Forwarded-For only behind a trusted proxy', () => {
    const request = { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }, socket: { remoteAddress: '10.0.0.1' } };
    expect(clientAddress(request, false)).toBe('10.0.0.1');
    expect(clientAddress(request, true)).toBe('203.0.113.9');
    expect(clientAddress({ headers: {}, socket: { remoteAddress: '::1' } }, true)).toBe('::1');
  });
});
