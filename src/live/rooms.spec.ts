import { randomBytes } from 'node:crypto';
import { memberRoom, ROOM_SHARDS, ShardIndex, shardOf, shardRoom } from './rooms.js';

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

describe('shard index', () => {
  it('lists the shard rooms of a room that have sockets, as the adapter creates and deletes them', () => {
    const index = new ShardIndex();
    index.created('Yx3kQ2b1_Zc9AAAB'); // a socket's own room
    index.created('session:7');
    index.created(shardRoom('game:1', 5));
    index.created(shardRoom('game:1', 90));
    index.created(shardRoom('game:10', 5));
    index.created(shardRoom('tournament:1', 0));
    expect(index.shardsOf('game:1').sort()).toEqual(['game:1#5', 'game:1#90']);
    expect(index.shardsOf('game:10')).toEqual(['game:10#5']);
    expect(index.shardsOf('tournament:1')).toEqual(['tournament:1#0']);
    expect(index.shardsOf('session:7')).toEqual([]);

    index.deleted(shardRoom('game:1', 5));
    index.deleted('Yx3kQ2b1_Zc9AAAB');
    expect(index.shardsOf('game:1')).toEqual(['game:1#90']);
    index.deleted(shardRoom('game:1', 90));
    expect(index.shardsOf('game:1')).toEqual([]);
    // Deleting what was never there changes nothing.
    index.deleted(shardRoom('game:2', 3));
    expect(index.shardsOf('game:10')).toEqual(['game:10#5']);
  });

  it('answers a copy, so a room deleted while its message is being written does not change the list', () => {
    const index = new ShardIndex();
    index.created(shardRoom('game:1', 1));
    const listed = index.shardsOf('game:1');
    index.deleted(shardRoom('game:1', 1));
    expect(listed).toEqual(['game:1#1']);
  });
});
