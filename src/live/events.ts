/**
 * The socket.io event map, shared by the server (src/live) and its clients (tests, benchmarks,
 * and later the pages). Commands answer through the acknowledgement callback with `Ack<T>`:
 * the same result as the REST answer, or the same ErrorBody (statusCode, code, details…).
 *
 *   const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'] });
 *   const ack = await socket.emitWithAck('game:event', { gameId, clientEventId, expectedSeq, event });
 *   if (!ack.ok) console.log(ack.error.code);
 */
import type { ErrorBody } from '../common/errors/error-body.js';
import type { GameResult, GameStatus } from '../domain/game/index.js';
import type { GameDto, GameTransitionDto } from '../modules/games/game.dto.js';
import type { RecordedEventDto, RecordEventDto, UndoDto } from '../modules/games/play-event.dto.js';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
type Reply<T> = (ack: Ack<T>) => void;

/** Largest message a client may send (bytes); a bigger one closes its connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export const gameRoom = (gameId: string) => `game:${gameId}`;

export interface GameRef {
  gameId: string;
}
export type GameEventCommand = GameRef & RecordEventDto;
export type GameUndoCommand = GameRef & UndoDto;
export type GameTransitionCommand = GameRef & GameTransitionDto;

export interface Subscribed {
  gameId: string;
  status: GameStatus;
  lastSeq: number;
}

/** A committed event, as broadcast to the game's room (the acknowledgement without `duplicate`). */
export type GameEventDelta = Omit<RecordedEventDto, 'duplicate'>;

export interface GameStatusChange {
  gameId: string;
  from: GameStatus;
  status: GameStatus;
  lastSeq: number;
  result: GameResult | null;
}

export interface ClientToServerEvents {
  /** Anyone: join the game's room to receive `game:event` and `game:status`. */
  'game:subscribe': (payload: GameRef, reply: Reply<Subscribed>) => void;
  'game:unsubscribe': (payload: GameRef, reply: Reply<GameRef>) => void;
  /** Scorekeepers of the game and its organisers: same rules as POST /games/{id}/events. */
  'game:event': (payload: GameEventCommand, reply: Reply<RecordedEventDto>) => void;
  /** Same as POST /games/{id}/undo. */
  'game:undo': (payload: GameUndoCommand, reply: Reply<RecordedEventDto>) => void;
  /** Same as POST /games/{id}/transitions. */
  'game:transition': (payload: GameTransitionCommand, reply: Reply<GameDto>) => void;
}

export interface ServerToClientEvents {
  'game:event': (delta: GameEventDelta) => void;
  'game:status': (change: GameStatusChange) => void;
}
