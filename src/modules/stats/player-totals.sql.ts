import type { CountedGames, PlayerTotals } from '../../domain/stats/index.js';
import { COUNTED_BY, COUNTED_GAMES, totalsWithEfficiency } from '../../domain/stats/index.js';

/** A row as the driver returns it (column alias -> value). */
type Row = Record<string, unknown>;

/** Runs SQL in the caller's transaction (TypeORM's `manager.query`, or a pg client in the bench). */
export type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

/** The per-category game counts: column, and when a stored line counts toward it (its `kept` mask). */
const COUNTED = COUNTED_GAMES.map((key) => {
  const { any, all } = COUNTED_BY[key];
  return { key, column: `${key}_games`, when: `played AND (kept & ${any}) <> 0 AND (kept & ${all}) = ${all}` };
});
const COUNTED_COLUMNS = COUNTED.map((c) => c.column).join(', ');

const SUMS = ['pts', 'fgm2', 'fga2', 'fgm3', 'fga3', 'ftm', 'fta', 'oreb', 'dreb', 'ast', 'stl', 'blk', 'tov', 'pf'];

/** The sums read back into PlayerTotals (EFF from the sums: it is linear). Explicit fields, no spreads: 12,000 rows. */
function totalsOf(rows: Row[]): PlayerTotals[] {
  const out: PlayerTotals[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    // The query's aliases: the player's id and team as text, every sum as an integer.
    const r = rows[i] as Record<string, number> & { playerId: string; teamId: string };
    const keptGames = {} as Record<CountedGames, number>;
    for (const c of COUNTED) keptGames[c.key] = r[c.column]!;
    out[i] = totalsWithEfficiency({
      playerId: r.playerId,
      teamId: r.teamId,
      games: r.games,
      pts: r.pts,
      fgm2: r.fgm2,
      fga2: r.fga2,
      fgm3: r.fgm3,
      fga3: r.fga3,
      ftm: r.ftm,
      fta: r.fta,
      oreb: r.oreb,
      dreb: r.dreb,
      ast: r.ast,
      stl: r.stl,
      blk: r.blk,
      tov: r.tov,
      pf: r.pf,
      secondsPlayed: r.timedGames > 0 ? r.secondsPlayed : null,
      keptGames,
    });
  }
  return out;
}

const SUM_LIST = SUMS.map((k) => `sum(${k})::int AS ${k}`).join(', ');
/** Over stored totals: the game counts summed. */
const COUNTED_SUMS = COUNTED.map((c) => `sum(${c.column})::int AS ${c.column}`).join(', ');
/** Over lines: the game counts counted. */
const COUNTED_COUNTS = COUNTED.map((c) => `count(*) FILTER (WHERE ${c.when})::int AS ${c.column}`).join(', ');

/**
 * Per-player totals of a tournament from `player_totals` (one row per player and stage, kept
 * incrementally): a few thousand rows however many games were played. `stageIds` null: all.
 */
export async function storedTotals(
  query: Query,
  tournamentId: string,
  stageIds: readonly string[] | null,
): Promise<PlayerTotals[]> {
  return totalsOf(
    await query(
      `SELECT player_id AS "playerId", min(team_id::text) AS "teamId", sum(games)::int AS games, ${SUM_LIST},
              sum(seconds_played)::int AS "secondsPlayed", sum(timed_games)::int AS "timedGames", ${COUNTED_SUMS}
         FROM player_totals
        WHERE tournament_id = $1 AND ($2::varchar[] IS NULL OR stage_id = ANY($2::varchar[]))
        GROUP BY player_id`,
      [tournamentId, stageIds],
    ),
  );
}

/** Per-player totals over the stored lines of some games (those being replayed live). */
export async function lineTotals(query: Query, gameIds: readonly string[]): Promise<PlayerTotals[]> {
  if (gameIds.length === 0) return [];
  return totalsOf(
    await query(
      `SELECT player_id AS "playerId", min(team_id::text) AS "teamId", count(*) FILTER (WHERE played)::int AS games,
              ${SUM_LIST}, coalesce(sum(seconds_played), 0)::int AS "secondsPlayed",
              count(seconds_played)::int AS "timedGames", ${COUNTED_COUNTS}
         FROM player_game_line WHERE game_id = ANY($1::uuid[])
        GROUP BY player_id`,
      [gameIds],
    ),
  );
}

/**
 * Adds (sign 1) or takes away (sign -1) a game's stored lines to/from its players' totals; rows
 * left with no game are removed. Call with -1 before the game's lines are replaced and with 1 after.
 */
export async function addGameToTotals(query: Query, gameId: string, sign: 1 | -1): Promise<void> {
  const signed = (expr: string) => (sign === 1 ? expr : `-(${expr})`);
  await query(
    `INSERT INTO player_totals (tournament_id, player_id, stage_id, team_id, games, ${SUMS.join(', ')},
                                seconds_played, timed_games, ${COUNTED_COLUMNS})
     SELECT tournament_id, player_id, stage_id, team_id, ${signed('CASE WHEN played THEN 1 ELSE 0 END')},
            ${SUMS.map((k) => signed(k)).join(', ')}, ${signed('coalesce(seconds_played, 0)')},
            ${signed('CASE WHEN seconds_played IS NULL THEN 0 ELSE 1 END')},
            ${COUNTED.map((c) => signed(`CASE WHEN ${c.when} THEN 1 ELSE 0 END`)).join(', ')}
       FROM player_game_line WHERE game_id = $1
     ON CONFLICT (tournament_id, player_id, stage_id) DO UPDATE SET
       games = player_totals.games + EXCLUDED.games,
       ${SUMS.map((k) => `${k} = player_totals.${k} + EXCLUDED.${k}`).join(', ')},
       seconds_played = player_totals.seconds_played + EXCLUDED.seconds_played,
       timed_games = player_totals.timed_games + EXCLUDED.timed_games,
       ${COUNTED.map((c) => `${c.column} = player_totals.${c.column} + EXCLUDED.${c.column}`).join(', ')}`,
    [gameId],
  );
  if (sign === -1) {
    await query(
      `DELETE FROM player_totals t USING player_game_line l
        WHERE l.game_id = $1 AND t.tournament_id = l.tournament_id AND t.player_id = l.player_id
          AND t.stage_id = l.stage_id AND t.games = 0 AND t.timed_games = 0`,
      [gameId],
    );
  }
}

const TOTALS_COLUMNS = `tournament_id, player_id, stage_id, team_id, games, ${SUMS.join(', ')}, seconds_played, timed_games, ${COUNTED_COLUMNS}`;

/** The totals recomputed from every stored line of the tournament, as rows of `player_totals`. */
const RECOMPUTED = `SELECT tournament_id, player_id, stage_id, min(team_id::text)::uuid AS team_id,
                           count(*) FILTER (WHERE played)::int AS games, ${SUM_LIST},
                           coalesce(sum(seconds_played), 0)::int AS seconds_played,
                           count(seconds_played)::int AS timed_games, ${COUNTED_COUNTS}
                      FROM player_game_line WHERE tournament_id = $1
                     GROUP BY tournament_id, player_id, stage_id`;

/** Players whose stored totals differ from a recompute over the lines (none, when kept up to date). */
export async function driftedTotals(query: Query, tournamentId: string): Promise<string[]> {
  const rows = await query(
    `WITH fresh AS (${RECOMPUTED}),
          kept AS (SELECT ${TOTALS_COLUMNS} FROM player_totals WHERE tournament_id = $1)
     SELECT DISTINCT player_id AS "playerId"
       FROM ((SELECT * FROM fresh EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM fresh)) d
      ORDER BY 1`,
    [tournamentId],
  );
  return rows.map((r) => r.playerId as string);
}

/** Rewrites the tournament's totals from its lines. */
export async function rewriteTotals(query: Query, tournamentId: string): Promise<void> {
  await query(`DELETE FROM player_totals WHERE tournament_id = $1`, [tournamentId]);
  await query(`INSERT INTO player_totals (${TOTALS_COLUMNS}) ${RECOMPUTED}`, [tournamentId]);
}
