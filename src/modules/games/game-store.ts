import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import type {
  GameContext,
  GameResult,
  GameState,
  GameStatus,
  PlayEvent,
  PlayEventBody,
} from '../../domain/game/index.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { GameLiveDto } from './game.dto.js';
import type { PlayEventEntity } from './play-event.entity.js';

/** The columns live scoring works with, read under the game row's lock. */
export interface LockedGame {
  id: string;
  tournamentId: string;
  homeTeamId: string | null;
  awayTeamId: string | null;
  court: string | null;
  /** Local date of kick-off (YYYY-MM-DD), for court-and-day assignments. */
  day: string | null;
  status: GameStatus;
  lastSeq: number;
  context: GameContext | null;
  state: GameState | null;
  result: GameResult | null;
  version: number;
  /** When the event that last set the game clock (`state.clock.asOfSeq`) was recorded. */
  clockAt: Date | null;
}

export type StoredEvent = Pick<PlayEventEntity, 'gameId' | 'seq' | 'clientEventId' | 'body' | 'recordedAt' | 'after'>;

/** Games whose state this process keeps in memory (a few hundred play at once at most). */
const CACHED_GAMES = 1000;

/**
 * SQL for the hot path of live scoring, written by hand because it runs hundreds of times a
 * second. The locked path is BEGIN, SELECT … FOR UPDATE, one statement that appends the event
 * and writes the game's new state, COMMIT; the usual event takes one statement that does all of
 * it (appendIfCurrent). Every query goes through `txHost.tx`, so it belongs to the command's
 * transaction when there is one.
 *
 * The reducer state (~12 KB of JSON) and the game's context are kept in memory per game,
 * tagged with the row's `version`: the lock returns them only when this process's copy is not
 * the current one (another instance wrote, or a lifecycle step changed them), so the usual
 * event neither reads nor parses them. Copies are stored only after the commit.
 */
/** A play about to be appended, with what its acknowledgement says (kept for retries). */
interface EventToAppend {
  seq: number;
  clientEventId: string;
  body: PlayEventBody;
  recordedBy: string | null;
  sessionId: string;
  after: GameLiveDto;
}

@Injectable()
export class GameStore {
  private readonly cache = new Map<string, LockedGame>();

  constructor(private readonly txHost: TransactionHost) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  /**
   * SELECT … FOR UPDATE: writers of one game queue here, so seq is assigned one at a time.
   * `useCache` false always reads state and context from the row (lifecycle steps).
   */
  async lock(gameId: string, useCache = true): Promise<LockedGame> {
    const cached = useCache ? this.cache.get(gameId) : undefined;
    const rows = await this.query<LockedGame>(
      `SELECT id, tournament_id AS "tournamentId", home_team_id AS "homeTeamId", away_team_id AS "awayTeamId", court,
              to_char(scheduled_at, 'YYYY-MM-DD') AS day, status, last_seq AS "lastSeq", result, version,
              CASE WHEN version = $2 THEN NULL ELSE context END AS context,
              CASE WHEN version = $2 THEN NULL ELSE state END AS state,
              CASE WHEN version = $2 THEN NULL ELSE (
                SELECT recorded_at FROM play_event p
                 WHERE p.game_id = game.id AND p.seq = (game.state->'clock'->>'asOfSeq')::int) END AS "clockAt"
         FROM game WHERE id = $1 FOR UPDATE`,
      [gameId, cached?.version ?? -1],
    );
    if (rows.length === 0) throw notFound('GAME_NOT_FOUND', `Game ${gameId} does not exist`);
    const game = rows[0]!;
    if (cached && cached.version === game.version)
      return { ...game, context: cached.context, state: cached.state, clockAt: cached.clockAt };
    return game;
  }

  /** This process's copy of the game as it last committed it, if any (it may be out of date). */
  remembered(gameId: string): LockedGame | undefined {
    return this.cache.get(gameId);
  }

  /** After the commit only: this process's copy of the game as of `game.version`. */
  remember(game: LockedGame): void {
    this.cache.delete(game.id);
    if (this.cache.size >= CACHED_GAMES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(game.id, game);
  }

  async findEvent(gameId: string, clientEventId: string): Promise<StoredEvent | null> {
    const rows = await this.query<StoredEvent>(
      `SELECT game_id AS "gameId", seq, client_event_id AS "clientEventId", body, recorded_at AS "recordedAt", after
         FROM play_event WHERE game_id = $1 AND client_event_id = $2`,
      [gameId, clientEventId],
    );
    return rows[0] ?? null;
  }

  /** The log as the reducer reads it (corrections need all of it). */
  async log(gameId: string): Promise<PlayEvent[]> {
    const rows = await this.query<{ seq: number; clientEventId: string; body: PlayEventBody }>(
      `SELECT seq, client_event_id AS "clientEventId", body FROM play_event WHERE game_id = $1 ORDER BY seq`,
      [gameId],
    );
    return rows.map((r) => ({ ...r.body, seq: r.seq, clientEventId: r.clientEventId }) as PlayEvent);
  }

  /** When event `seq` was recorded (null when there is no such event). */
  async recordedAt(gameId: string, seq: number): Promise<Date | null> {
    const rows = await this.query<{ recordedAt: Date }>(
      `SELECT recorded_at AS "recordedAt" FROM play_event WHERE game_id = $1 AND seq = $2`,
      [gameId, seq],
    );
    return rows[0]?.recordedAt ?? null;
  }

  /**
   * The events after `afterSeq` with, for each, when the event that last set the game clock
   * was recorded (what a fan's page counts down from).
   */
  async eventsWithClockAfter(
    gameId: string,
    afterSeq: number,
    limit: number,
  ): Promise<Array<StoredEvent & { clockAt: Date | null }>> {
    return this.query(
      `SELECT e.game_id AS "gameId", e.seq, e.client_event_id AS "clientEventId", e.body, e.recorded_at AS "recordedAt",
              e.after, c.recorded_at AS "clockAt"
         FROM play_event e
         LEFT JOIN play_event c ON c.game_id = e.game_id AND c.seq = (e.after->'clock'->>'asOfSeq')::int
        WHERE e.game_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
      [gameId, afterSeq, limit],
    );
  }

  async eventsAfter(gameId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.query<StoredEvent>(
      `SELECT game_id AS "gameId", seq, client_event_id AS "clientEventId", body, recorded_at AS "recordedAt", after
         FROM play_event WHERE game_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [gameId, afterSeq, limit],
    );
  }

  /**
   * The whole event in one statement (one round trip, its own transaction): lock the row only if
   * it is still at `game.version` (the copy the state was computed from) and the recording session
   * is still open (held FOR SHARE until the commit, as SessionsService.assertOpen does on the
   * locked path), append the event and write the new state. Returns null, having written
   * nothing, when the row moved on, the session ended or the id is already in the log; the
   * caller then takes the locked path.
   */
  async appendIfCurrent(
    game: LockedGame,
    e: EventToAppend,
    state: GameState,
    status: GameStatus,
  ): Promise<{ recordedAt: Date; version: number } | null> {
    const [rows] = await this.txHost.tx.query<[Array<{ recordedAt: Date; version: number }>, number]>(
      `WITH open_session AS (
         SELECT 1 FROM session WHERE id = $6 AND revoked_at IS NULL AND expires_at > now() FOR SHARE
       ), locked AS (
         SELECT id FROM game WHERE id = $1 AND version = $13 AND EXISTS (SELECT 1 FROM open_session) FOR UPDATE
       ), event AS (
         INSERT INTO play_event (game_id, seq, client_event_id, body, recorded_by, session_id, after)
         SELECT id, $2::int, $3::uuid, $4::jsonb, $5::uuid, $6::uuid, $7::jsonb FROM locked
         ON CONFLICT (game_id, client_event_id) DO NOTHING
         RETURNING recorded_at)
       UPDATE game SET state = $8, last_seq = $2, status = $9, home_score = $10, away_score = $11, period = $12,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND EXISTS (SELECT 1 FROM event)
       RETURNING (SELECT recorded_at FROM event) AS "recordedAt", version`,
      [...this.appendParams(game, e, state, status), game.version],
    );
    return rows[0] ?? null;
  }

  private appendParams(game: LockedGame, e: EventToAppend, state: GameState, status: GameStatus): unknown[] {
    return [
      game.id,
      e.seq,
      e.clientEventId,
      JSON.stringify(e.body),
      e.recordedBy,
      e.sessionId,
      JSON.stringify(e.after),
      JSON.stringify(state),
      status,
      e.after.score.home,
      e.after.score.away,
      state.period.current,
    ];
  }

  /**
   * Appends the event and writes the game's state after it, in one statement, under the lock
   * already held. Returns null (and writes nothing) when the client event id is already in the log.
   */
  async append(
    game: LockedGame,
    e: EventToAppend,
    state: GameState,
    status: GameStatus,
  ): Promise<{ recordedAt: Date; version: number } | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await this.txHost.tx.query<[Array<{ recordedAt: Date; version: number }>, number]>(
      `WITH event AS (
         INSERT INTO play_event (game_id, seq, client_event_id, body, recorded_by, session_id, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (game_id, client_event_id) DO NOTHING
         RETURNING recorded_at)
       UPDATE game SET state = $8, last_seq = $2, status = $9, home_score = $10, away_score = $11, period = $12,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND EXISTS (SELECT 1 FROM event)
       RETURNING (SELECT recorded_at FROM event) AS "recordedAt", version`,
      this.appendParams(game, e, state, status),
    );
    return rows[0] ?? null;
  }
}
