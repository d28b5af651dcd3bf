import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/access/principal.js';
import type { ScorableGame } from '../../domain/access/scorekeeping-policy.js';
import { TransactionHost } from '../../database/transaction.js';
import {
  applyEvent,
  isCorrection,
  resolveCorrections,
  sameEventContent,
  snapshotDue,
  statusAfterEvent,
  transitionGame,
  undoLast,
  type GameContext,
  type GameState,
  type GameStatus,
  type PlayEvent,
  type PlayEventBody,
} from '../../domain/game/index.js';
import { conflict, DomainError, forbidden } from '../../domain/shared/domain-error.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { ScorekeeperAccess } from '../scorekeeping/scorekeeper-access.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { toGameLiveDto, toPlayEventDto, toRecordedEventDto } from './game.mapper.js';
import { GameResultEvents } from './game-result-events.js';
import { extendLog, GameStore, inForceOf, type LockedGame, type StoredEvent, type TimedLog } from './game-store.js';
import type { RecordedEventDto, RecordEventDto, UndoDto } from './play-event.dto.js';

/** How many missed events a stale writer gets back with its 409, to catch up without another call. */
const MISSED_EVENTS_RETURNED = 50;

interface Append {
  clientEventId: string;
  expectedSeq: number;
  /** The event to record, or how to make it from the log (undo). */
  body: PlayEventBody | ((log: TimedLog) => PlayEventBody);
  /** Whether an event already recorded under this client id is this same command (a retry). */
  isRetryOf: (recorded: PlayEventBody) => boolean;
}

export const scorableGame = (
  g: Pick<LockedGame, 'id' | 'tournamentId' | 'status' | 'court' | 'day'>,
): ScorableGame => ({
  id: g.id,
  tournamentId: g.tournamentId,
  status: g.status,
  court: g.court,
  day: g.day,
});

/**
 * Records play-by-play events: one transaction per event under the game row's lock. The event
 * and the game row's summary (and, when one is due, the state snapshot: see GameStore) commit
 * together; the acknowledgement is returned, and the event broadcast, only after the commit.
 */
@Injectable()
export class ScoringService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: GameStore,
    private readonly access: ScorekeeperAccess,
    private readonly delivery: LiveDelivery,
    private readonly sessions: SessionsService,
    private readonly resultEvents: GameResultEvents,
  ) {}

  /**
   * One transaction per event: usually a single statement (the fast path below), otherwise the
   * locked path, which also answers retries, stale writes and refusals.
   */
  async record(principal: Principal, gameId: string, command: RecordEventDto): Promise<RecordedEventDto> {
    // The DTO is a class instance; the log keeps plain JSON.
    const body = JSON.parse(JSON.stringify(command.event)) as PlayEventBody;
    return this.recordEither(principal, gameId, {
      clientEventId: command.clientEventId,
      expectedSeq: command.expectedSeq,
      body,
      isRetryOf: (recorded) => sameEventContent(recorded, body),
    });
  }

  /** "Undo the last action": a void of the latest event in force that is not itself an undo. */
  async undo(principal: Principal, gameId: string, command: UndoDto): Promise<RecordedEventDto> {
    return this.recordEither(principal, gameId, {
      clientEventId: command.clientEventId,
      expectedSeq: command.expectedSeq,
      body: (log) => {
        const undo = undoLast(log.events, inForceOf(log));
        if (undo === null) throw conflict('GAME_NOTHING_TO_UNDO', 'There is nothing left to undo in this game');
        return undo;
      },
      isRetryOf: (recorded) => recorded.type === 'void' && recorded.undo === true,
    });
  }

  private async recordEither(principal: Principal, gameId: string, append: Append): Promise<RecordedEventDto> {
    return (
      (await this.recordAtOnce(principal, gameId, append)) ??
      this.txHost.run(() => this.append(principal, gameId, append))
    );
  }

  /**
   * The fast path: when this process committed the game's last change, it has the state the
   * event applies to, so the event is checked and applied first and then written in one
   * statement that locks the row only if it is still that version (and the session is still
   * open). Undos and corrections, which need the whole log, take it from memory beside the state.
   * Anything unusual (another writer, a retry, a stale seq, a refused event, a log not in memory,
   * an ended session) returns null for the locked path, which answers it.
   */
  private async recordAtOnce(principal: Principal, gameId: string, command: Append): Promise<RecordedEventDto | null> {
    const game = this.store.remembered(gameId);
    // Inside a caller's transaction the statement would not commit on its own: locked path.
    if (this.txHost.inTransaction) return null;
    if (!game?.state || !game.context || command.expectedSeq !== game.lastSeq) return null;
    const { log } = game;
    if (!(await this.access.decide(principal, scorableGame(game))).allowed) return null;
    const seq = game.lastSeq + 1;
    let body: PlayEventBody;
    let next: GameState;
    try {
      if (typeof command.body === 'function' && !log) return null;
      body = typeof command.body === 'function' ? command.body(log!) : command.body;
      if (isCorrection(body) && !log) return null;
      // A step of the lifecycle (ready to live) has listeners that write in its transaction: locked path.
      if (this.statusAfter(game, body) !== game.status) return null;
      const event = { ...body, seq, clientEventId: command.clientEventId } as PlayEvent;
      next = applyEvent(game.state, event, game.context, isCorrection(body) ? log!.events : undefined, game.before);
    } catch {
      return null;
    }
    const status = this.statusAfter(game, body);
    const after = toGameLiveDto(next, status, game, 'last');
    const written = await this.store.appendIfCurrent(
      game,
      {
        seq,
        clientEventId: command.clientEventId,
        body,
        recordedBy: principal.accountId,
        sessionId: principal.sessionId,
        after,
      },
      next.period.current,
      status,
      snapshotDue(game.state, next, body) ? next : null,
    );
    if (!written) return null;
    // Committed: the statement was its own transaction.
    return this.committed(game, {
      seq,
      body,
      clientEventId: command.clientEventId,
      recordedAt: written.recordedAt,
      version: written.version,
      after,
      next,
      status,
      clockAt: clockSetAt(game, next, seq, written.recordedAt, log),
      log,
    });
  }

  private statusAfter(game: LockedGame, body: PlayEventBody): GameStatus {
    const status = statusAfterEvent(game.status, body);
    return status === game.status ? status : transitionGame(gameRecord(game), { to: 'live' }).status;
  }

  /** Remembers the committed game and announces the event (and a status change) to the room. */
  private committed(
    game: LockedGame,
    e: {
      seq: number;
      body: PlayEventBody;
      clientEventId: string;
      recordedAt: Date;
      version: number;
      after: RecordedEventDto['game'];
      next: GameState;
      status: GameStatus;
      /** When the event that last set the game clock was recorded. */
      clockAt: Date | null;
      /** The log before this event, when in memory. */
      log: TimedLog | undefined;
    },
  ): RecordedEventDto {
    const ack = toRecordedEventDto(
      {
        gameId: game.id,
        seq: e.seq,
        clientEventId: e.clientEventId,
        body: e.body,
        recordedAt: e.recordedAt,
        after: e.after,
      },
      false,
    );
    this.store.remember({
      ...game,
      lastSeq: e.seq,
      version: e.version,
      state: e.next,
      before: game.state ?? undefined,
      status: e.status,
      clockAt: e.clockAt,
      log:
        e.log && extendLog(e.log, { ...e.body, seq: e.seq, clientEventId: e.clientEventId } as PlayEvent, e.recordedAt),
    });
    this.delivery.eventRecorded(game.tournamentId, ack, e.clockAt);
    if (e.status !== game.status) {
      this.delivery.statusChanged(game.tournamentId, {
        gameId: game.id,
        status: e.status,
        from: game.status,
        lastSeq: e.seq,
        result: game.result,
      });
    }
    return ack;
  }

  private async append(principal: Principal, gameId: string, command: Append): Promise<RecordedEventDto> {
    // The session is held open until the commit: a socket's handshake was minutes ago, and a
    // revocation racing this command either waits for it or is seen here (401, nothing written).
    await this.sessions.assertOpen(principal.sessionId);
    const game = await this.store.lock(gameId);
    const decision = await this.access.decide(principal, scorableGame(game));
    // Who may score is checked first; whether the game still takes events only after a retry
    // had its chance, so a retry of the last event still gets its answer once the game ended.
    if (!decision.allowed && decision.code !== 'GAME_NOT_SCORABLE') throw forbidden(decision.code, decision.reason);
    // A retry carries the expectedSeq of its first send, which was stale once that send was
    // recorded; so the log is searched only when the write cannot go ahead (the insert below
    // catches an id reused at the current seq).
    if (!decision.allowed || command.expectedSeq !== game.lastSeq) {
      const recorded = await this.store.findEvent(gameId, command.clientEventId);
      if (recorded) return this.retried(recorded, command);
      if (!decision.allowed) throw forbidden(decision.code, decision.reason);
      throw await this.stale(game, command.expectedSeq);
    }

    const { context, state } = liveData(game);
    // Kept in memory from now on, so the game's undos and corrections take the fast path too.
    const log = game.log ?? (await this.store.timedLog(gameId));
    const seq = game.lastSeq + 1;
    let body: PlayEventBody;
    let next: GameState;
    try {
      body = typeof command.body === 'function' ? command.body(log) : command.body;
      const event = { ...body, seq, clientEventId: command.clientEventId } as PlayEvent;
      next = applyEvent(state, event, context, isCorrection(body) ? log.events : undefined, game.before);
    } catch (e) {
      // An id already in the log is answered as such, even when its new content breaks a rule.
      const recorded = e instanceof DomainError ? await this.store.findEvent(gameId, command.clientEventId) : null;
      if (recorded) return this.retried(recorded, command);
      throw e;
    }

    const status = this.statusAfter(game, body);
    const after = toGameLiveDto(next, status, game, 'last');
    const written = await this.store.append(
      game,
      {
        seq,
        clientEventId: command.clientEventId,
        body,
        recordedBy: principal.accountId,
        sessionId: principal.sessionId,
        after,
      },
      next.period.current,
      status,
      snapshotDue(state, next, body) ? next : null,
    );
    if (!written) return this.retried((await this.store.findEvent(gameId, command.clientEventId))!, command);
    // The first period_start takes a ready game live: a lifecycle step like the others for listeners (webhooks).
    if (status !== game.status)
      await this.resultEvents.emit({
        actor: { ...principal, requestId: principal.sessionId },
        tournamentId: game.tournamentId,
        gameId,
        from: game.status,
        to: status,
        result: game.result,
      });
    const clockAt = clockSetAt(game, next, seq, written.recordedAt, log);

    const ack = toRecordedEventDto(
      { gameId, seq, clientEventId: command.clientEventId, body, recordedAt: written.recordedAt, after },
      false,
    );
    this.txHost.afterCommit(() => {
      this.committed(
        { ...game, context },
        {
          seq,
          body,
          clientEventId: command.clientEventId,
          recordedAt: written.recordedAt,
          version: written.version,
          after,
          next,
          status,
          clockAt,
          log,
        },
      );
    });
    return ack;
  }

  /** The original answer to a retry, or 409 when the id was used for another event. */
  private retried(recorded: StoredEvent, command: Append): RecordedEventDto {
    if (command.isRetryOf(recorded.body)) return toRecordedEventDto(recorded, true);
    throw conflict(
      'GAME_EVENT_ID_REUSED',
      `Event id ${command.clientEventId} was already used for event ${recorded.seq} with different content; a new event needs a new id`,
      [{ field: 'clientEventId', reason: 'already used for another event' }],
      { seq: recorded.seq },
    );
  }

  /** 409 for a write based on an old view of the game, with what the writer missed. */
  private async stale(game: LockedGame, expectedSeq: number): Promise<DomainError> {
    const missed =
      expectedSeq < game.lastSeq ? await this.store.eventsAfter(game.id, expectedSeq, MISSED_EVENTS_RETURNED) : [];
    const inForce =
      missed.length > 0 ? resolveCorrections(game.log?.events ?? (await this.store.log(game.id))).inForce : [];
    const current = game.state ? toGameLiveDto(game.state, game.status, game, 'last') : null;
    return conflict(
      'GAME_SEQ_STALE',
      `This device last saw event ${expectedSeq}, but the game is at event ${game.lastSeq}: catch up, then send again`,
      [{ field: 'expectedSeq', reason: `must be ${game.lastSeq}` }],
      { lastSeq: game.lastSeq, game: current, missed: missed.map((e) => toPlayEventDto(e, inForce[e.seq] ?? true)) },
    );
  }
}

/**
 * When the clock reading after event `seq` was taken: this event's time if it set the clock, the
 * earlier reading's if the clock is unchanged, else (a correction moved the clock back to an
 * older event's reading) that event's time in the log.
 */
function clockSetAt(
  game: LockedGame,
  next: GameState,
  seq: number,
  recordedAt: Date,
  log: TimedLog | undefined,
): Date | null {
  const asOf = next.clock.asOfSeq;
  if (asOf === seq) return recordedAt;
  if (asOf === null) return null;
  if (game.state && asOf === game.state.clock.asOfSeq) return game.clockAt;
  return log?.recordedAt[asOf - 1] ?? null;
}

function liveData(game: LockedGame): { context: GameContext; state: GameState } {
  // A game is ready or live here, and marking it ready stored both.
  if (!game.context || !game.state)
    throw conflict('GAME_NOT_READY', 'The game has no rosters yet: mark it ready first');
  return { context: game.context, state: game.state };
}

export const gameRecord = (g: Pick<LockedGame, 'id' | 'homeTeamId' | 'awayTeamId' | 'status' | 'result'>) => ({
  id: g.id,
  homeTeamId: g.homeTeamId ?? '',
  awayTeamId: g.awayTeamId ?? '',
  status: g.status,
  result: g.result,
});
