import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
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

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Everything that reaches fans goes out here, and only after the database committed it, so a
 * fan never sees a score the database does not have. Each message is encoded once for the
 * whole room; with REDIS_URL the socket.io adapter carries it to the rooms' members on every
 * instance, so it does not matter which instance recorded the event.
 *
 * `eventRecorded` and `statusChanged` are called from after-commit hooks; `tournamentChanged`
 * may be called anywhere inside a transaction and waits for its commit itself.
 */
@Injectable()
export class LiveDelivery {
  private server: LiveServer | null = null;

  constructor(private readonly txHost: TransactionHost) {}

  /** Called by the gateway once socket.io is up. */
  attach(server: LiveServer): void {
    this.server = server;
  }

  /** A committed play event: the delta to the game's room, the score line to the tournament's. */
  eventRecorded(tournamentId: string, ack: RecordedEventDto, clockAt: Date | null): void {
    if (!this.server) return;
    const delta = toGameEventDelta(ack, clockAt, new Date().toISOString());
    this.server.to(gameRoom(ack.gameId)).emit('game:event', delta);
    this.server.to(tournamentRoom(tournamentId)).emit('tournament:score', toTournamentScore(tournamentId, delta));
  }

  /** A committed lifecycle step, to both rooms. */
  statusChanged(tournamentId: string, change: Omit<GameStatusChange, 'tournamentId' | 'serverTime'>): void {
    if (!this.server) return;
    const message: GameStatusChange = { ...change, tournamentId, serverTime: new Date().toISOString() };
    this.server.to(gameRoom(change.gameId)).emit('game:status', message);
    this.server.to(tournamentRoom(tournamentId)).emit('tournament:game-status', message);
  }

  /**
   * Tells the tournament's room that parts of its pages changed (standings, bracket, awards…),
   * once the current transaction commits (at once outside one). For any module: inject
   * LiveDelivery and call this where the change is written.
   */
  tournamentChanged(tournamentId: string, topics: TournamentTopic[], options: { gameId?: string } = {}): void {
    this.txHost.afterCommit(() => {
      this.server?.to(tournamentRoom(tournamentId)).emit('tournament:changed', {
        tournamentId,
        topics,
        gameId: options.gameId ?? null,
        serverTime: new Date().toISOString(),
      });
    });
  }
}
