import { checkSocketPayload, MAX_SOCKET_PAYLOAD_DEPTH } from './socket-payload.js';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + '0' + ']'.repeat(levels));

describe('checkSocketPayload', () => {
  it('lets ordinary commands through', () => {
    expect(checkSocketPayload({ gameId: 'g', lastSeq: 3 })).toBeNull();
    expect(
      checkSocketPayload({
        gameId: 'g',
        event: { type: 'replace', targetSeq: 4, replacement: { type: 'substitution', in: ['a'], out: ['b'] } },
      }),
    ).toBeNull();
  });

  it('names the top-level field under too deep a nesting, and stops at the limit however deep it goes', () => {
    // Each level counts the reads of its element: a scan that stops at the depth limit reads
    // about MAX_SOCKET_PAYLOAD_DEPTH of them whatever the payload's depth.
    let reads = 0;
    let chain: unknown = 0;
    for (let level = 0; level < 100_000; level++)
      chain = new Proxy([chain], {
        get: (target, key, receiver) => {
          if (key === '0') reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    expect(checkSocketPayload({ gameId: 'g', lastSeq: chain })).toMatchObject({
      code: 'PAYLOAD_TOO_DEEP',
      kind: 'invalid',
      details: [{ field: 'lastSeq' }],
    });
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(MAX_SOCKET_PAYLOAD_DEPTH);

    expect(checkSocketPayload({ gameId: 'g', lastSeq: nested(100_000) })).toMatchObject({
      code: 'PAYLOAD_TOO_DEEP',
      details: [{ field: 'lastSeq' }],
    });
    expect(checkSocketPayload({ lastSeq: nested(MAX_SOCKET_PAYLOAD_DEPTH - 2) })).toBeNull();
  });

  it('names the path of a NUL character or a prototype key', () => {
    expect(checkSocketPayload({ event: { players: ['ok', 'a\u0000b'] } })?.details).toEqual([
      { field: 'event.players[1]', reason: 'must not contain the NUL character (\\u0000)' },
    ]);
    expect(checkSocketPayload(JSON.parse('{"event":{"__proto__":{"x":1}}}'))?.details).toEqual([
      { field: 'event.__proto__', reason: 'is a prototype key and is not accepted' },
    ]);
    expect(checkSocketPayload({ constructor: { prototype: {} } })?.details[0]?.field).toBe('constructor');
    expect(checkSocketPayload({ a: [[1], { 'k\u0000': 1 }] })?.details[0]?.field).toBe('a[1].k\u0000');
    expect(checkSocketPayload({ 'top\u0000': 1 })?.details[0]?.field).toBe('top\u0000');
  });

  it('wants an object', () => {
    for (const payload of [undefined, null, 3, 'x', [{}]])
      expect(checkSocketPayload(payload)?.details).toEqual([{ field: 'payload', reason: expect.any(String) }]);
  });
});
