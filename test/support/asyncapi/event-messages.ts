/**
 * The socket.io event map (src/live/events.ts) message by message, for the AsyncAPI document
 * (asyncapi-document.ts): what a client sends with the acknowledgement it gets back, and what the
 * server pushes. The schema generator cannot read function types, so the messages are written out
 * here, and the checks at the end make the compiler refuse any drift from the map (an event added,
 * removed, or a payload changed there fails `npm run check` until it is changed here too).
 */
import type { RecordedEventDto } from '../../../src/modules/games/play-event.dto.js';
import type { GameDto } from '../../../src/modules/games/game.dto.js';
import type {
  Ack,
  ClientToServerEvents,
  GameEventCommand,
  GameEventDelta,
  GameFeedStart,
  GameRef,
  GameStatusChange,
  GameSubscribe,
  GameTransitionCommand,
  GameUndoCommand,
  ServerToClientEvents,
  TournamentBoard,
  TournamentChange,
  TournamentRef,
  TournamentScore,
} from '../../../src/live/events.js';

export interface ClientCommands {
  'game:subscribe': { payload: GameSubscribe; ack: Ack<GameFeedStart> };
  'game:unsubscribe': { payload: GameRef; ack: Ack<GameRef> };
  'tournament:subscribe': { payload: TournamentRef; ack: Ack<TournamentBoard> };
  'tournament:unsubscribe': { payload: TournamentRef; ack: Ack<TournamentRef> };
  'game:event': { payload: GameEventCommand; ack: Ack<RecordedEventDto> };
  'game:undo': { payload: GameUndoCommand; ack: Ack<RecordedEventDto> };
  'game:transition': { payload: GameTransitionCommand; ack: Ack<GameDto> };
}

export interface ServerMessages {
  'game:event': { payload: GameEventDelta };
  'game:status': { payload: GameStatusChange };
  'tournament:score': { payload: TournamentScore };
  'tournament:game-status': { payload: GameStatusChange };
  'tournament:changed': { payload: TournamentChange };
}

export interface LiveMessages {
  client: ClientCommands;
  server: ServerMessages;
}

// ---- The compiler's check that the lists above are the event map ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AckOf<F> = F extends (payload: never, reply: (ack: infer A) => void) => void ? A : never;
type AllTrue<T extends Record<string, true>> = T;

export type ClientPayloadsMatchTheMap = AllTrue<{
  [K in keyof ClientToServerEvents]: Same<ClientCommands[K]['payload'], Parameters<ClientToServerEvents[K]>[0]>;
}>;
export type ClientAcksMatchTheMap = AllTrue<{
  [K in keyof ClientToServerEvents]: Same<ClientCommands[K]['ack'], AckOf<ClientToServerEvents[K]>>;
}>;
export type ServerPayloadsMatchTheMap = AllTrue<{
  [K in keyof ServerToClientEvents]: Same<ServerMessages[K]['payload'], Parameters<ServerToClientEvents[K]>[0]>;
}>;
export type EventNamesMatchTheMap = AllTrue<{
  client: Same<keyof ClientCommands, keyof ClientToServerEvents>;
  server: Same<keyof ServerMessages, keyof ServerToClientEvents>;
}>;
