/**
 * A game's or tournament's room is split into ROOM_SHARDS socket.io rooms (`game:<id>#0` …
 * `#127`), each socket in the one its id hashes to. A message to the room goes out a few shards
 * at a time, with a turn of the event loop between them (LiveDelivery), so a final's 10,000
 * fans never hold up the process for the whole broadcast: the scorekeeper's next request,
 * another court's event, a fan's handshake are served in between. Shards are plain rooms, so the Redis adapter carries
 * them between instances like any other.
 *
 * Order per socket holds: every message to a room visits the shards in the same order, and
 * messages leave in the order they were handed over (see LiveDelivery).
 */
// 128: a shard of a 2,000-fan room is about 16 sockets, a few tenths of a millisecond of
// writing, so an HTTP read arriving meanwhile hardly waits (issue 18: with 8 shards a read
// waited 5–8 ms, with 32 1–2 ms). Each instance shards its own sockets: a rolling deploy may mix counts.
export const ROOM_SHARDS = 128;

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

/**
 * Which shard rooms of each room have sockets on this instance, kept from the adapter's
 * `create-room` and `delete-room` events, so a message visits only those (a tournament's
 * room with a handful of fans is one or two shards, not 128 lookups per play).
 */
export class ShardIndex {
  private readonly byRoom = new Map<string, Set<string>>();

  /** A room the adapter created: noted if it is a shard room. */
  created(name: string): void {
    const room = roomOfShard(name);
    if (room === null) return;
    const shards = this.byRoom.get(room);
    if (shards) shards.add(name);
    else this.byRoom.set(room, new Set([name]));
  }

  /** A room the adapter deleted (its last socket left). */
  deleted(name: string): void {
    const room = roomOfShard(name);
    if (room === null) return;
    const shards = this.byRoom.get(room);
    if (!shards) return;
    shards.delete(name);
    if (shards.size === 0) this.byRoom.delete(room);
  }

  /** The shard rooms of `room` with sockets here (a copy: rooms may come and go meanwhile). */
  shardsOf(room: string): string[] {
    const shards = this.byRoom.get(room);
    return shards ? [...shards] : [];
  }
}

/** `game:<id>` for `game:<id>#5`; null for a room that is not a shard (a socket's own, a session's). */
function roomOfShard(name: string): string | null {
  const at = name.lastIndexOf('#');
  return at > 0 ? name.slice(0, at) : null;
}
