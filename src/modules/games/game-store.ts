import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import {
  catchUp,
  InForceTracker,
  replay,
  type GameContext,
  type GameResult,
  type GameState,
  type GameStatus,
  type PlayEvent,
  type PlayEventBody,
} from '../../domain/game/index.js';
import { notFound } from '../../domain/shared/domain-error.js';
import { DEADLOCK_DETECTED, pgErrorCode, UNIQUE_VIOLATION } from '../../database/pg-errors.js';
import { WriteBatcher } from '../../database/write-batcher.js';
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
  /** The reducer's state after event `lastSeq` (the stored snapshot caught up with the plays after it). */
  state: GameState | null;
  result: GameResult | null;
  version: number;
  /** When the event that last set the game clock (`state.clock.asOfSeq`) was recorded. */
  clockAt: Date | null;
  /** The whole log as of `lastSeq`, when this process holds it (its copy of this very version). */
  log?: TimedLog;
  /** The state before event `lastSeq`, when this process holds it: an undo of that play is this state. */
  before?: GameState;
}

/** A game's log with when each event was recorded: `recordedAt[i]` is event `events[i]`'s (seq i + 1). */
export interface TimedLog {
  events: readonly PlayEvent[];
  recordedAt: readonly Date[];
  /** Which events are in force, once an undo asked (see `inForceOf`); grows with the log. */
  inForce?: InForceTracker;
}

/**
 * Which of the log's events are in force: the tracker kept beside the log, made on first use
 * (the game's first undo resolves the log once; later ones only look at the end of it).
 */
export function inForceOf(log: TimedLog): InForceTracker {
  if (log.inForce?.length !== log.events.length) log.inForce = InForceTracker.of(log.events);
  return log.inForce;
}

/**
 * The log with event `event.seq` added, recorded at `at`. A log only grows by a commit on the
 * version before it, so the usual case is the newest log, whose arrays are extended in place:
 * one element a play, where a copy of the whole log per play made every play of a long game
 * cost more than the one before. A log already extended past `event.seq - 1` (an older view) is
 * copied up to there first. An older view that sees the added events belongs to an older
 * version of the game: whatever it computes from them, its write is refused by the version check
 * (and times are looked up by seq). A log missing events is not kept (undefined: the next undo
 * reads the log again). The in-force tracker grows with the newest log; a copy starts without
 * one.
 */
export function extendLog(log: TimedLog, event: PlayEvent, at: Date): TimedLog | undefined {
  const kept = event.seq - 1;
  if (log.events.length < kept || log.recordedAt.length !== log.events.length) return undefined;
  if (log.events.length !== kept)
    return { events: [...log.events.slice(0, kept), event], recordedAt: [...log.recordedAt.slice(0, kept), at] };
  (log.events as PlayEvent[]).push(event);
  (log.recordedAt as Date[]).push(at);
  return { events: log.events, recordedAt: log.recordedAt, inForce: grownTracker(log.inForce, event) };
}

/** The tracker with the committed event added, or none when it cannot follow (it is made again on use). */
function grownTracker(tracker: InForceTracker | undefined, event: PlayEvent): InForceTracker | undefined {
  if (tracker?.length !== event.seq - 1) return undefined;
  try {
    tracker.add(event);
    return tracker;
  } catch {
    return undefined;
  }
}

export type StoredEvent = Pick<PlayEventEntity, 'gameId' | 'seq' | 'clientEventId' | 'body' | 'recordedAt' | 'after'>;

/** Pooled connections play batches never take: reads and locked commands use them. */
const CONNECTIONS_KEPT_FREE = 2;

/** Most plays in one statement (a snapshot is due in about one play of 32, at 12–23 KB). */
const PLAYS_PER_BATCH = 64;

/**
 * Games whose state and log this process keeps in memory (a few hundred play at once at most):
 * two states of about 20 KB (now and before the last event) and 110 KB of log objects (360 bytes
 * an event) for a game of 300 events.
 */
const CACHED_GAMES = 1000;

/** A game row as far as its state goes: the stored snapshot (`state`, as of `state.lastSeq`) and what it needs. */
export interface SnapshotRow {
  id: string;
  lastSeq: number;
  version?: number;
  context: GameContext | null;
  state: GameState | null;
}

/**
 * SQL for the hot path of live scoring, written by hand because it runs hundreds of times a
 * second. The locked path is BEGIN, SELECT … FOR UPDATE, one statement that appends the event
 * and updates the game row, COMMIT; the usual event takes one statement that does all of it
 * (appendIfCurrent), and plays of different games arriving together share that statement and
 * its commit (group commit, WriteBatcher). Every other query goes through `txHost.tx`, so it
 * belongs to the command's transaction when there is one.
 *
 * A play writes the play row and the game row's small summary (score, period, status, `live`:
 * the scoreboard the acknowledgement carries, clock and team fouls included); the full reducer
 * state (12–18 KB of JSON) is stored only when src/domain/game/snapshots.ts says so (every 32
 * plays, period and game ends, corrections). Whoever reads the state gets it caught up with the
 * plays logged since (`catchUp` below): never more than 31 plays through the reducer.
 *
 * The current state and the game's context are kept in memory per game, tagged with the row's
 * `version`: the lock returns them only when this process's copy is not the current one
 * (another instance wrote, or a lifecycle step changed them), so the usual event neither reads
 * nor parses them. The log is kept beside them once the locked path has read it, so an undo or
 * a correction (which needs the whole log) is computed in memory and written like any play.
 * Copies are stored only after the commit.
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
  /** Plays on the fast path, written in batches (group commit); see WriteBatcher. */
  private readonly appends: WriteBatcher<PlayRow, Written | null>;
  /** Games with a play in `appends`. */
  private readonly appending = new Set<string>();

  constructor(private readonly txHost: TransactionHost) {
    this.appends = new WriteBatcher((plays) => this.writePlays(plays), {
      // All but two connections, so reads and locked commands always find one. Half the pool
      // left PostgreSQL waiting: 100 games scoring flat out reached 2,400 plays/s with 5 of 10
      // connections carrying batches and 3,100/s with 8 (bench/README.md, eighth session).
      maxInFlight: Math.max(1, txHost.poolSize - CONNECTIONS_KEPT_FREE),
      maxBatch: PLAYS_PER_BATCH,
    });
  }

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
                 WHERE p.game_id = game.id AND p.seq = (game.live->'clock'->>'asOfSeq')::int) END AS "clockAt"
         FROM game WHERE id = $1 FOR UPDATE`,
      [gameId, cached?.version ?? -1],
    );
    if (rows.length === 0) throw notFound('GAME_NOT_FOUND', `Game ${gameId} does not exist`);
    const game = rows[0]!;
    if (cached && cached.version === game.version) {
      const { context, state, clockAt, log, before } = cached;
      return { ...game, context, state, clockAt, log, before };
    }
    await this.catchUp([game]);
    return game;
  }

  /**
   * Replaces each row's stored snapshot by the state after its `lastSeq`: this process's copy
   * when it is that very version, else the snapshot with the plays logged after it applied (one
   * query for all the rows), or the whole log replayed when those include a correction.
   */
  async catchUp<R extends SnapshotRow>(rows: R[]): Promise<R[]> {
    const behind: R[] = [];
    for (const row of rows) {
      if (!row.state || !row.context || row.state.lastSeq >= row.lastSeq) continue;
      const cached = this.cache.get(row.id);
      if (cached?.state && cached.version === row.version && cached.state.lastSeq === row.lastSeq)
        row.state = cached.state;
      else behind.push(row);
    }
    if (behind.length === 0) return rows;
    const events = await this.query<{ gameId: string; seq: number; clientEventId: string; body: PlayEventBody }>(
      `SELECT e.game_id AS "gameId", e.seq, e.client_event_id AS "clientEventId", e.body
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS t(id, after_seq, last_seq)
         JOIN play_event e ON e.game_id = t.id AND e.seq > t.after_seq AND e.seq <= t.last_seq
        ORDER BY e.game_id, e.seq`,
      [behind.map((r) => r.id), behind.map((r) => r.state!.lastSeq), behind.map((r) => r.lastSeq)],
    );
    const tails = new Map<string, PlayEvent[]>();
    for (const e of events) {
      const tail = tails.get(e.gameId) ?? tails.set(e.gameId, []).get(e.gameId)!;
      tail.push({ ...e.body, seq: e.seq, clientEventId: e.clientEventId } as PlayEvent);
    }
    for (const row of behind) {
      const tail = tails.get(row.id) ?? [];
      const complete = tail.length === row.lastSeq - row.state!.lastSeq;
      row.state =
        (complete ? catchUp(row.state!, tail, row.context!) : null) ??
        replay((await this.log(row.id)).slice(0, row.lastSeq), row.context!);
    }
    return rows;
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

  /** The log with when each event was recorded (what the game's copy in memory keeps). */
  async timedLog(gameId: string): Promise<TimedLog> {
    const rows = await this.query<{ seq: number; clientEventId: string; body: PlayEventBody; recordedAt: Date }>(
      `SELECT seq, client_event_id AS "clientEventId", body, recorded_at AS "recordedAt"
         FROM play_event WHERE game_id = $1 ORDER BY seq`,
      [gameId],
    );
    return {
      events: rows.map((r) => ({ ...r.body, seq: r.seq, clientEventId: r.clientEventId }) as PlayEvent),
      recordedAt: rows.map((r) => r.recordedAt),
    };
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
   * The whole event in one prepared statement (one round trip, its own transaction), without
   * taking the game row's lock first: the game row is updated only if it is still at
   * `game.version` (the copy the state was computed from), the recording session is still open
   * (held FOR KEY SHARE until the commit: a revocation locks the row FOR UPDATE, so it waits for
   * this play or this play sees it, as SessionsService.assertOpen does on the locked path) and
   * the id is not in the log yet; the play is inserted only if that update happened. A writer
   * that got there first holds the row: this update waits for its commit, finds another version
   * and writes nothing. Returns null, having written nothing, when the row moved on, the session
   * ended or the id is already in the log; the caller then takes the locked path.
   */
  async appendIfCurrent(
    game: LockedGame,
    e: EventToAppend,
    period: number,
    status: GameStatus,
    snapshot: GameState | null,
  ): Promise<Written | null> {
    // One play per game in the batches at once: a second is another writer, for the locked path.
    if (this.appending.has(game.id)) return null;
    this.appending.add(game.id);
    try {
      return await this.appends.submit({
        game_id: game.id,
        seq: e.seq,
        client_event_id: e.clientEventId,
        body: e.body,
        recorded_by: e.recordedBy,
        session_id: e.sessionId,
        live: e.after,
        status,
        home_score: e.after.score.home,
        away_score: e.after.score.away,
        period,
        expected_version: game.version,
        ...(snapshot ? { snapshot } : {}),
      });
    } catch (error) {
      // The same id or seq written by another request in the same instant, or two instances'
      // batches crossing: nothing was written, and the locked path answers it.
      const code = pgErrorCode(error);
      if (code === UNIQUE_VIOLATION || code === DEADLOCK_DETECTED) return null;
      throw error;
    } finally {
      this.appending.delete(game.id);
    }
  }

  /** Writes a batch of plays in one statement; each answer is null where the game had moved on. */
  private async writePlays(plays: PlayRow[]): Promise<Array<Written | null>> {
    const rows = await this.txHost.autocommit<Written & { gameId: string }>('play-append-batch', APPEND_IF_CURRENT, [
      JSON.stringify(plays),
    ]);
    const byGame = new Map(rows.map((r) => [r.gameId, r]));
    return plays.map((p) => {
      const row = byGame.get(p.game_id);
      return row ? { recordedAt: row.recordedAt, version: row.version } : null;
    });
  }

  /**
   * Appends the event and updates the game row (the state too when `snapshot` is given), in one
   * statement, under the lock already held. Returns null (and writes nothing) when the client
   * event id is already in the log.
   */
  async append(
    game: LockedGame,
    e: EventToAppend,
    period: number,
    status: GameStatus,
    snapshot: GameState | null,
  ): Promise<{ recordedAt: Date; version: number } | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await this.txHost.tx.query<[Array<{ recordedAt: Date; version: number }>, number]>(
      `WITH event AS (
         INSERT INTO play_event (game_id, seq, client_event_id, body, recorded_by, session_id, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (game_id, client_event_id) DO NOTHING
         RETURNING recorded_at)
       ${updateGame(snapshot !== null, 12)}`,
      [...appendParams(game, e, period, status), ...(snapshot ? [JSON.stringify(snapshot)] : [])],
    );
    return rows[0] ?? null;
  }
}

interface Written {
  recordedAt: Date;
  version: number;
}

/** A play for APPEND_IF_CURRENT: a row of its JSON parameter (names as the columns). */
interface PlayRow {
  game_id: string;
  seq: number;
  client_event_id: string;
  body: PlayEventBody;
  recorded_by: string | null;
  session_id: string;
  /** The game row's `live` summary after the play, stored as the play's `after` too. */
  live: GameLiveDto;
  status: GameStatus;
  home_score: number;
  away_score: number;
  period: number;
  /** The game row's version the play applies to. */
  expected_version: number;
  /** The full state, when a snapshot is due. */
  snapshot?: GameState;
}

/**
 * Appends a batch of plays (PlayRow[] as $1), each to a different game, in one statement: a game
 * row is updated only if still at the expected version, with the play's session open (held
 * FOR KEY SHARE, so a revocation waits for the plays or is seen by them) and its client id not
 * yet logged; a play is inserted only if its game row was updated. Answers the written plays.
 */
const APPEND_IF_CURRENT = `
  WITH play AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
      game_id uuid, seq int, client_event_id uuid, body jsonb, recorded_by uuid, session_id uuid, live jsonb,
      status varchar, home_score int, away_score int, period smallint, expected_version int, snapshot jsonb)
  ), open_session AS (
    SELECT id FROM session
     WHERE id = ANY (ARRAY(SELECT session_id FROM play)) AND revoked_at IS NULL AND expires_at > now() FOR KEY SHARE
  ), game_row AS (
    UPDATE game g SET live = p.live, last_seq = p.seq, status = p.status, home_score = p.home_score,
           away_score = p.away_score, period = p.period, state = COALESCE(p.snapshot, g.state),
           version = g.version + 1, updated_at = now()
      FROM play p
     WHERE g.id = p.game_id AND g.id = ANY (ARRAY(SELECT game_id FROM play)) AND g.version = p.expected_version
       AND p.session_id IN (SELECT id FROM open_session)
       AND NOT EXISTS (SELECT 1 FROM play_event e WHERE e.game_id = p.game_id AND e.client_event_id = p.client_event_id)
    RETURNING g.id, g.version
  ), event AS (
    INSERT INTO play_event (game_id, seq, client_event_id, body, recorded_by, session_id, after)
    SELECT p.game_id, p.seq, p.client_event_id, p.body, p.recorded_by, p.session_id, p.live
      FROM play p JOIN game_row r ON r.id = p.game_id
    RETURNING game_id, recorded_at
  )
  SELECT e.game_id AS "gameId", e.recorded_at AS "recordedAt", r.version
    FROM event e JOIN game_row r ON r.id = e.game_id`;

/**
 * The game row's part of an append. No indexed column changes (the update stays HOT, see the
 * migration SummaryAndSnapshots); `live` is the acknowledgement's scoreboard ($7, sent once).
 */
const updateGame = (withSnapshot: boolean, snapshotParam: number) =>
  `UPDATE game SET live = $7::jsonb, last_seq = $2, status = $8, home_score = $9, away_score = $10, period = $11,
          ${withSnapshot ? `state = $${snapshotParam}::jsonb, ` : ''}version = version + 1, updated_at = now()
    WHERE id = $1 AND EXISTS (SELECT 1 FROM event)
   RETURNING (SELECT recorded_at FROM event) AS "recordedAt", version`;

const appendParams = (game: LockedGame, e: EventToAppend, period: number, status: GameStatus): unknown[] => [
  game.id,
  e.seq,
  e.clientEventId,
  JSON.stringify(e.body),
  e.recordedBy,
  e.sessionId,
  JSON.stringify(e.after),
  status,
  e.after.score.home,
  e.after.score.away,
  period,
];
