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

  it('names the top-level field under too deep a nesting, in time proportional to the size', () => {
    const started = performance.now();
    const refused = checkSocketPayload({ gameId: 'g', lastSeq: nested(100_000) });
    expect(performance.now() - started).toBeLessThan(500);
    expect(refused).toMatchObject({ code: 'PAYLOAD_TOO_DEEP', kind: 'invalid', details: [{ field: 'lastSeq' }] });
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
