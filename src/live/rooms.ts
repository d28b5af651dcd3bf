/**
 * A game's or tournament's room is split into ROOM_SHARDS socket.io rooms (`game:<id>#0` …
 * `#31`), each socket in the one its id hashes to. A message to the room goes out one shard at
 * a time with a turn of the event loop between them, so a final's 10,000 fans never hold up the
 * process for the whole broadcast: the scorekeeper's next request, another court's event, a
 * fan's handshake are served in between. Shards are plain rooms, so the Redis adapter carries
 * them between instances like any other.
 *
 * Order per socket holds: every message to a room visits the shards in the same order, and
 * messages leave in the order they were handed over (see LiveDelivery).
 */
// 32: a shard of a 2,000-fan room is about 60 sockets, 1–2 ms of writing, so an HTTP read
// arriving meanwhile waits that long at most (issue 18; 8 shards let a read wait 5–8 ms).
// Each instance shards its own sockets: a rolling deploy may mix counts.
export const ROOM_SHARDS = 32;

/** FNV-1a over the socket id, folded to a shard. */
export function shardOf(socketId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < socketId.length; i++) {
    hash ^= socketId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ROOM_SHARDS;
}

export const shardRoom = (room: string, shard: number) => `${room}#${shard}`;

/** The shard room of `room` that the socket joins. */
export const memberRoom = (room: string, socketId: string) => shardRoom(room, shardOf(socketId));
