import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import { replay, type GameContext, type GameResult, type GameState, type GameStatus } from '../../domain/game/index.js';
import { GameStore } from './game-store.js';

/** A game's reducer state (after its last event) as the statistics read it. */
export interface GameStateRow {
  id: string;
  tournamentId: string;
  competitionKey: string | null;
  status: GameStatus;
  result: GameResult | null;
  /** Null before the game was marked ready (a forfeit before tip-off has none). */
  state: GameState | null;
}

/**
 * What the statistics (leaders, awards) ask of the games: the stored state of one game inside
 * the caller's transaction, the games in progress, and every decided game's state recomputed
 * from its play-by-play log (to check the stored player lines against). Read-only.
 */
@Injectable()
export class GameStates {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: GameStore,
  ) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.tx.query(sql, params);
  }

  /**
   * The rows with their stored snapshots caught up (GameStore.catchUp), without the columns that
   * took; the context (rosters, a few KB) is read only for a snapshot that is behind.
   */
  private async current<R extends GameStateRow>(
    rows: Array<R & { lastSeq: number; version: number; context: GameContext | null }>,
  ): Promise<R[]> {
    await this.store.catchUp(rows);
    return rows.map(({ lastSeq: _seq, version: _version, context: _context, ...row }) => row as unknown as R);
  }

  async ofGame(gameId: string): Promise<GameStateRow | null> {
    const rows = await this.query<GameStateRow & { lastSeq: number; version: number; context: GameContext | null }>(
      `SELECT id, tournament_id AS "tournamentId", competition_key AS "competitionKey", status, result, state,
              last_seq AS "lastSeq", version,
              CASE WHEN (state->>'lastSeq')::int < last_seq THEN context END AS context
         FROM game WHERE id = $1`,
      [gameId],
    );
    return (await this.current(rows))[0] ?? null;
  }

  /** Games being played now (a game reopened for a correction included). */
  async inProgress(tournamentId: string): Promise<GameStateRow[]> {
    return this.current(
      await this.query<GameStateRow & { lastSeq: number; version: number; context: GameContext | null }>(
        `SELECT id, tournament_id AS "tournamentId", competition_key AS "competitionKey", status, result, state,
                last_seq AS "lastSeq", version,
                CASE WHEN (state->>'lastSeq')::int < last_seq THEN context END AS context
           FROM game WHERE tournament_id = $1 AND status = 'live' AND state IS NOT NULL`,
        [tournamentId],
      ),
    );
  }

  /** Every game with a result, with its teams and state (for the conduct of teams). */
  async decided(tournamentId: string): Promise<Array<GameStateRow & { homeTeamId: string; awayTeamId: string }>> {
    return this.current(
      await this.query<
        GameStateRow & {
          homeTeamId: string;
          awayTeamId: string;
          lastSeq: number;
          version: number;
          context: GameContext | null;
        }
      >(
        `SELECT id, tournament_id AS "tournamentId", competition_key AS "competitionKey", status, result, state,
                home_team_id AS "homeTeamId", away_team_id AS "awayTeamId", last_seq AS "lastSeq", version,
                CASE WHEN (state->>'lastSeq')::int < last_seq THEN context END AS context
           FROM game
          WHERE tournament_id = $1 AND status IN ('final', 'official', 'forfeit', 'lost_by_default')
            AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL
          ORDER BY id`,
        [tournamentId],
      ),
    );
  }

  /** Every game with a result, its state replayed from the log on the rosters it was played with. */
  async replayedDecided(tournamentId: string): Promise<GameStateRow[]> {
    const rows = await this.query<GameStateRow & { context: GameContext | null }>(
      `SELECT id, tournament_id AS "tournamentId", competition_key AS "competitionKey", status, result, context, state
         FROM game
        WHERE tournament_id = $1 AND status IN ('final', 'official', 'forfeit', 'lost_by_default')
        ORDER BY id`,
      [tournamentId],
    );
    const out: GameStateRow[] = [];
    for (const { context, ...row } of rows) {
      out.push({ ...row, state: context ? replay(await this.store.log(row.id), context) : null });
    }
    return out;
  }
}
