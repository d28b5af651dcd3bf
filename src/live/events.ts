/**
 * The socket.io event map, shared by the server (src/live) and its clients (tests, benchmarks,
 * the fan pages). Commands answer through the acknowledgement callback with `Ack<T>`: the same
 * result as the REST answer, or the same ErrorBody (statusCode, code, details…).
 *
 *   const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'] });
 *   const ack = await socket.emitWithAck('game:event', { gameId, clientEventId, expectedSeq, event });
 *   if (!ack.ok) console.log(ack.error.code);
 *
 * ## Following a game (fans, no login)
 *
 *   const start = await socket.emitWithAck('game:subscribe', { gameId, lastSeq }); // lastSeq: omit on first join
 *
 * `start.data` is either `{ mode: 'snapshot', snapshot }` (everything a scoreboard shows, as of
 * `snapshot.seq`) or `{ mode: 'deltas', deltas }` (exactly the events after the `lastSeq` the
 * client sent, read from the database, so this works after a restart and on any instance). After
 * that, every committed event arrives as `game:event` with the next `seq`. The rules for a client
 * (src/domain/live/game-feed.ts, `deltaAction`): apply `seq === last + 1`; ignore `seq <= last`
 * (deltas sent while the subscribe was answered can repeat what it returned); on a gap, send
 * `game:subscribe` again with the last seq applied. On reconnect, the same. Too far behind
 * (LIVE_RESUME_MAX_EVENTS) answers with a fresh snapshot.
 *
 * The game clock never ticks over the wire: `clock` says running or not, `remaining` (tenths of a
 * second) and the server time `asOf` it was true at; `serverTime` on each message lets a page
 * estimate the server's clock and count down smoothly (`clockRemaining`).
 *
 * ## Following a tournament
 *
 * `tournament:subscribe` answers with every game's scoreboard line; then `tournament:score` for
 * each committed event of any of its games, `tournament:game-status` when a game starts, ends or
 * is confirmed, and `tournament:changed` when standings, bracket, schedule, ranking, leaders or
 * awards change (refetch that part over REST).
 *
 * For other modules (standings, leaders, awards): inject `LiveDelivery` (global) and call
 * `delivery.tournamentChanged(tournamentId, ['awards'])` anywhere inside the command's
 * transaction; it goes out only after the commit (at once when there is no transaction).
 */
import type { ErrorBody } from '../common/errors/error-body.js';
import type { Integer } from '../domain/shared/integer.js';
import type { BoxScore, GameResult, GameStatus, PlayBody } from '../domain/game/index.js';
import type { ClockReading } from '../domain/live/index.js';
import type {
  GameDto,
  GameLiveDto,
  GameResultDto,
  GameTransitionDto,
  HomeAwayDto,
  PeriodDto,
  PeriodScoreDto,
  TeamRefDto,
} from '../modules/games/game.dto.js';
import type { RecordedEventDto, RecordEventDto, UndoDto } from '../modules/games/play-event.dto.js';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
type Reply<T> = (ack: Ack<T>) => void;

/** Largest message a client may send (bytes); a bigger one closes its connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export const gameRoom = (gameId: string) => `game:${gameId}`;
export const tournamentRoom = (tournamentId: string) => `tournament:${tournamentId}`;

export interface GameRef {
  gameId: string;
}
export interface TournamentRef {
  tournamentId: string;
}
/** `lastSeq`: the last event this client applied (omit on the first join). */
export interface GameSubscribe extends GameRef {
  lastSeq?: Integer;
}
export type GameEventCommand = GameRef & RecordEventDto;
export type GameUndoCommand = GameRef & UndoDto;
export type GameTransitionCommand = GameRef & GameTransitionDto;

/** The game clock: `remaining` (tenths of a second) was true at server time `asOf`, set by event `asOfSeq`. */
export interface LiveClock extends ClockReading {
  asOfSeq: Integer | null;
}

/**
 * A committed event, as broadcast to the game's room: the scorekeeper's acknowledgement
 * (without `duplicate`), the clock reading, and the server time it was sent.
 */
export type GameEventDelta = Omit<RecordedEventDto, 'duplicate'> & { clock: LiveClock; serverTime: string };

/** One of the last plays in force (corrections applied), with the score right after it. */
export interface RecentPlayView {
  seq: Integer;
  period: Integer;
  gameClock: Integer | null;
  play: PlayBody;
  score: HomeAwayDto;
}

/** Everything a scoreboard page shows, as of event `seq`. */
export interface GameSnapshot {
  gameId: string;
  tournamentId: string;
  seq: Integer;
  status: GameStatus;
  homeTeam: TeamRefDto | null;
  awayTeam: TeamRefDto | null;
  court: string | null;
  scheduledAt: string | null;
  result: GameResultDto | null;
  /** Score, period, clock, team fouls, time-outs left; null until the game is marked ready. */
  live: GameLiveDto | null;
  clock: LiveClock | null;
  scoreByPeriod: PeriodScoreDto[];
  boxScore: BoxScore | null;
  recentPlays: RecentPlayView[];
  serverTime: string;
}

/** The answer to `game:subscribe`. */
export type GameFeedStart =
  | { mode: 'snapshot'; gameId: string; snapshot: GameSnapshot }
  | {
      mode: 'deltas';
      gameId: string;
      status: GameStatus;
      /** The last seq in the log when it was read (the last delta's, or the client's own when none). */
      seq: Integer;
      deltas: GameEventDelta[];
      serverTime: string;
    };

export interface GameStatusChange {
  gameId: string;
  tournamentId: string;
  from: GameStatus;
  status: GameStatus;
  lastSeq: Integer;
  result: GameResult | null;
  serverTime: string;
}

/** A game's line on the tournament's scoreboard, after event `seq`. */
export interface TournamentScore {
  tournamentId: string;
  gameId: string;
  seq: Integer;
  status: GameStatus;
  score: HomeAwayDto;
  period: PeriodDto | null;
  clock: LiveClock | null;
  serverTime: string;
}

/** Every game of a tournament, for `tournament:subscribe`. */
export interface TournamentBoard {
  tournamentId: string;
  games: Array<
    Omit<TournamentScore, 'tournamentId' | 'serverTime'> & {
      homeTeam: TeamRefDto | null;
      awayTeam: TeamRefDto | null;
      competitionKey: string | null;
      court: string | null;
      scheduledAt: string | null;
      result: GameResultDto | null;
    }
  >;
  serverTime: string;
}

/** Parts of a tournament's public pages that can change (each has its REST read). */
export const TOURNAMENT_TOPICS = ['games', 'schedule', 'standings', 'bracket', 'ranking', 'leaders', 'awards'] as const;
export type TournamentTopic = (typeof TOURNAMENT_TOPICS)[number];

/**
 * Something on the tournament's pages changed: refetch those parts. Only the news travels (a few
 * dozen bytes to thousands of fans); the data stays behind the REST reads and their caching.
 */
export interface TournamentChange {
  tournamentId: string;
  topics: TournamentTopic[];
  /** The game whose result caused it, if one did. */
  gameId: string | null;
  serverTime: string;
}

export interface ClientToServerEvents {
  /** Anyone: join the game's room; answers with a snapshot or the missed deltas. */
  'game:subscribe': (payload: GameSubscribe, reply: Reply<GameFeedStart>) => void;
  'game:unsubscribe': (payload: GameRef, reply: Reply<GameRef>) => void;
  /** Anyone: join the tournament's room; answers with every game's scoreboard line. */
  'tournament:subscribe': (payload: TournamentRef, reply: Reply<TournamentBoard>) => void;
  'tournament:unsubscribe': (payload: TournamentRef, reply: Reply<TournamentRef>) => void;
  /** Scorekeepers of the game and its organisers: same rules as POST /games/{id}/events. */
  'game:event': (payload: GameEventCommand, reply: Reply<RecordedEventDto>) => void;
  /** Same as POST /games/{id}/undo. */
  'game:undo': (payload: GameUndoCommand, reply: Reply<RecordedEventDto>) => void;
  /** Same as POST /games/{id}/transitions. */
  'game:transition': (payload: GameTransitionCommand, reply: Reply<GameDto>) => void;
}

export interface ServerToClientEvents {
  /** Game room: a committed event with the next seq. */
  'game:event': (delta: GameEventDelta) => void;
  /** Game room: a lifecycle step (ready, live, final, official…). */
  'game:status': (change: GameStatusChange) => void;
  /** Tournament room: a game's score line after a committed event. */
  'tournament:score': (score: TournamentScore) => void;
  /** Tournament room: a game started, ended, was confirmed… */
  'tournament:game-status': (change: GameStatusChange) => void;
  /** Tournament room: standings, bracket, schedule… changed. */
  'tournament:changed': (change: TournamentChange) => void;
}
