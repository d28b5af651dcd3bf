import { Inject, Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionHost } from '../database/transaction.js';
import type { RecordedEventDto } from '../modules/games/play-event.dto.js';
import {
  gameRoom,
  tournamentRoom,
  type ClientToServerEvents,
  type GameStatusChange,
  type ServerToClientEvents,
  type TournamentTopic,
} from './events.js';
import { toGameEventDelta, toTournamentScore } from './live-feed.mapper.js';
import { ShardIndex } from './rooms.js';

/**
 * Time the fan-out may hold the event loop in one turn (a shard of a 2,000-fan room, about 16
 * sockets, takes about 0.3 ms): a request arriving meanwhile waits about this long for it.
 */
const WRITE_BUDGET_MS = 0.5;

/** What one instance hands to the others to deliver to their own sockets of a room. */
export interface Publication<E extends keyof ServerToClientEvents = keyof ServerToClientEvents> {
  room: string;
  event: E;
  message: Parameters<ServerToClientEvents[E]>[0];
}

/**
 * Messages between instances (through the Redis adapter's `serverSideEmit`). A play's two
 * publications (its game's room and its tournament's) travel as one message, `live:publish-all`:
 * each message costs the sending instance a Redis write and every instance a read, which is
 * most of what sharing rooms costs per play (bench/README.md, eighth session). `live:publish`,
 * one publication, is what instances of earlier versions send; it is still delivered.
 */
export interface InterServerEvents {
  'live:publish-all': (publications: Publication[]) => void;
  'live:publish': (publication: Publication) => void;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

/**
 * Everything that reaches fans goes out here, and only after the database committed it, so a
 * fan never sees a score the database does not have.
 *
 * A message for a game's or tournament's room is stamped (`serverTime`) right after the commit
 * and handed over in commit order. This instance writes it to its own sockets of the room a few
 * shards at a time (see rooms.ts), at most WRITE_BUDGET_MS a turn of the event loop, starting
 * on the next turn: the scorekeeper's acknowledgement is written first, and a final's 10,000
 * fans do not hold up other requests meanwhile. With REDIS_URL the message also goes, once, to every other instance
 * (`serverSideEmit` through the adapter), which writes it to its own sockets the same way; so
 * it does not matter which instance recorded the event.
 *
 * `eventRecorded` and `statusChanged` are called from after-commit hooks; `tournamentChanged`
 * may be called anywhere inside a transaction and waits for its commit itself.
 */
@Injectable()
export class LiveDelivery {
  private server: LiveServer | null = null;
  /** Shard writes waiting, first in first out: messages keep their order for every socket. */
  private readonly writes: Array<{ room: string; send: () => void }> = [];
  private writing = false;
  /** The shard rooms with sockets on this instance. */
  private readonly shards = new ShardIndex();
  /** With REDIS_URL, LiveIoAdapter shares rooms through Redis and other instances may hold fans. */
  private readonly otherInstances: boolean;

  constructor(
    private readonly txHost: TransactionHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.otherInstances = Boolean(config.env.REDIS_URL);
  }

  /**
   * Other outlets of the same notice (webhooks): called at once, inside the transaction when
   * there is one, so an observer can register its own after-commit work.
   */
  private readonly changeObservers: Array<
    (tournamentId: string, topics: TournamentTopic[], gameId: string | null) => void
  > = [];

  observeTournamentChanges(
    observer: (tournamentId: string, topics: TournamentTopic[], gameId: string | null) => void,
  ): void {
    this.changeObservers.push(observer);
  }

  /** Called by the gateway once socket.io is up. */
  attach(server: LiveServer): void {
    this.server = server;
    const adapter = server.sockets.adapter;
    for (const name of adapter.rooms.keys()) this.shards.created(name);
    adapter.on('create-room', (name: string) => this.shards.created(name));
    adapter.on('delete-room', (name: string) => this.shards.deleted(name));
    server.on('live:publish-all', (all: Publication[]) => {
      if (Array.isArray(all)) for (const p of all) this.deliverHere(p);
    });
    server.on('live:publish', (p: Publication) => this.deliverHere(p));
  }

  /** A committed play event: the delta to the game's room, the score line to the tournament's. */
  eventRecorded(tournamentId: string, ack: RecordedEventDto, clockAt: Date | null): void {
    const delta = toGameEventDelta(ack, clockAt, new Date().toISOString());
    this.publish(
      publication(gameRoom(ack.gameId), 'game:event', delta),
      publication(tournamentRoom(tournamentId), 'tournament:score', toTournamentScore(tournamentId, delta)),
    );
  }

  /** A committed lifecycle step, to both rooms. */
  statusChanged(tournamentId: string, change: Omit<GameStatusChange, 'tournamentId' | 'serverTime'>): void {
    const message: GameStatusChange = { ...change, tournamentId, serverTime: new Date().toISOString() };
    this.publish(
      publication(gameRoom(change.gameId), 'game:status', message),
      publication(tournamentRoom(tournamentId), 'tournament:game-status', message),
    );
  }

  /**
   * Tells the tournament's room that parts of its pages changed (standings, bracket, awards…),
   * once the current transaction commits (at once outside one). For any module: inject
   * LiveDelivery and call this where the change is written.
   */
  tournamentChanged(tournamentId: string, topics: TournamentTopic[], options: { gameId?: string } = {}): void {
    for (const observer of this.changeObservers) observer(tournamentId, topics, options.gameId ?? null);
    this.txHost.afterCommit(() => {
      this.publish(
        publication(tournamentRoom(tournamentId), 'tournament:changed', {
          tournamentId,
          topics,
          gameId: options.gameId ?? null,
          serverTime: new Date().toISOString(),
        }),
      );
    });
  }

  /** To this instance's sockets, and with REDIS_URL in one message to the other instances'. */
  private publish(...publications: Publication[]): void {
    const server = this.server;
    if (!server) return;
    if (this.otherInstances) server.serverSideEmit('live:publish-all', publications);
    for (const p of publications) this.deliverHere(p);
  }

  /** Queues the writes to this instance's sockets of the room, shard by shard. */
  private deliverHere({ room, event, message }: Publication): void {
    const server = this.server;
    if (!server) return;
    // A socket that joins after this point reads a snapshot that already holds the message.
    for (const name of this.shards.shardsOf(room))
      this.writes.push({ room: name, send: () => server.local.to(name).emit(event, message as never) });
    if (!this.writing && this.writes.length > 0) {
      this.writing = true;
      setImmediate(this.writeNext);
    }
  }

  /**
   * Writes shards that still have sockets here until the turn's budget is spent (at least one),
   * then yields: many small shards go in one turn, a large room's are spread over several.
   */
  private readonly writeNext = (): void => {
    const rooms = this.server?.sockets.adapter.rooms;
    const until = performance.now() + WRITE_BUDGET_MS;
    for (let write = this.writes.shift(); write; write = this.writes.shift()) {
      if (!rooms?.has(write.room)) continue;
      write.send();
      if (performance.now() >= until) break;
    }
    if (this.writes.length > 0) setImmediate(this.writeNext);
    else this.writing = false;
  };
}

/** A message for a room, typed by its event. */
function publication<E extends keyof ServerToClientEvents>(
  room: string,
  event: E,
  message: Parameters<ServerToClientEvents[E]>[0],
): Publication {
  return { room, event, message } as Publication;
}
