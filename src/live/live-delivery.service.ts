import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { RecordedEventDto } from '../modules/games/play-event.dto.js';
import { gameRoom, type ClientToServerEvents, type GameStatusChange, type ServerToClientEvents } from './events.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Everything that reaches fans goes out here, and only from `txHost.afterCommit` hooks, so a
 * fan never sees a score the database does not have. One place to grow into snapshots, resume
 * and a Redis adapter (issue 6). `tournamentId` is passed for the tournament room to come.
 */
@Injectable()
export class LiveDelivery {
  private server: LiveServer | null = null;

  /** Called by the gateway once socket.io is up. */
  attach(server: LiveServer): void {
    this.server = server;
  }

  eventRecorded(_tournamentId: string, ack: RecordedEventDto): void {
    const { duplicate: _duplicate, ...delta } = ack;
    this.server?.to(gameRoom(ack.gameId)).emit('game:event', delta);
  }

  statusChanged(_tournamentId: string, change: GameStatusChange): void {
    this.server?.to(gameRoom(change.gameId)).emit('game:status', change);
  }
}
