import { randomBytes } from 'node:crypto';
import { memberRoom, ROOM_SHARDS, shardOf, shardRoom } from './rooms.js';

describe('room shards', () => {
  it('puts a socket always in the same shard room of a room', () => {
    const id = 'Yx3kQ2b1_Zc9AAAB';
    expect(memberRoom('game:1', id)).toBe(memberRoom('game:1', id));
    expect(memberRoom('game:1', id)).toBe(shardRoom('game:1', shardOf(id)));
    expect(shardOf(id)).toBeGreaterThanOrEqual(0);
    expect(shardOf(id)).toBeLessThan(ROOM_SHARDS);
  });

  it('spreads socket.io ids evenly, so no shard holds the process much longer than another', () => {
    const counts = new Array<number>(ROOM_SHARDS).fill(0);
    // Enough that chance alone stays well inside ±10 % for every shard (5 standard deviations).
    const sockets = 2_500 * ROOM_SHARDS;
    // socket.io ids: 20 base64url characters.
    for (let i = 0; i < sockets; i++) counts[shardOf(randomBytes(15).toString('base64url'))]!++;
    const even = sockets / ROOM_SHARDS;
    for (const count of counts) {
      expect(count).toBeGreaterThan(even * 0.9);
      expect(count).toBeLessThan(even * 1.1);
    }
  });
});
