/**
 * Leaders from the database: a season of about 500,000 stored player lines (player_game_line, as
 * the app writes them when games are decided) in one tournament on the machine's PostgreSQL.
 * Times what GET /tournaments/{id}/leaders does — read the kept per-player, per-stage totals
 * (player_totals, the app's own SQL in src/modules/stats/player-totals.sql.ts), rank the eight
 * default boards, read the listed players' names — and what keeps those totals current: a
 * decided game moving them by the difference, the drift check and the full recompute.
 *
 * Run: cd /work/main && npx tsx bench/stats/leaders-db.bench.ts
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/courtside_bench_leaders, dropped
 * and created, migrated with the app's migrations).
 */
import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { DEFAULT_LEADER_BOARDS, leaderboard, type LeaderCategory } from '../../src/domain/stats/index.js';
import {
  addGameToTotals,
  driftedTotals,
  rewriteTotals,
  storedTotals,
} from '../../src/modules/stats/player-totals.sql.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_leaders';
const TEAMS = 1000;
const PLAYERS_PER_TEAM = 12;
const ROUNDS = 21; // each team plays 42 games: 21 rounds × 1,000 games × 24 players = 504,000 lines
const WARMUP = 3;
const RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

async function seed(db: pg.Client): Promise<string> {
  // The season's rows are written directly; foreign keys are not checked while seeding.
  await db.query(`SET session_replication_role = replica`);
  const [{ id: tournamentId }] = (
    await db.query(`INSERT INTO tournament (name, season, starts_on, ends_on, rules, search_text, sort_key)
                    VALUES ('bench', '2026', '2026-01-01', '2026-12-31', '{}', 'bench', 'bench')
                    RETURNING id`)
  ).rows as Array<{ id: string }>;
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `CREATE TEMP TABLE bench_player AS
       SELECT gen_random_uuid() AS id, t AS team, p AS n FROM generate_series(0, $1 - 1) t, generate_series(0, $2 - 1) p`,
    [TEAMS, PLAYERS_PER_TEAM],
  );
  await db.query(
    `CREATE TEMP TABLE bench_team AS SELECT team, gen_random_uuid() AS id FROM generate_series(0, $1 - 1) team`,
    [TEAMS],
  );
  await db.query(
    `INSERT INTO player (id, tournament_id, team_id, name, jersey_number, search_text, sort_key)
       SELECT p.id, $1, t.id, '球员' || p.team || '-' || p.n, p.n, '', '' FROM bench_player p JOIN bench_team t USING (team)`,
    [tournamentId],
  );
  // Round r: team h hosts team (h + 1 + r) mod TEAMS; group stage rounds 0-13, knockout 14-18, finals 19-20.
  await db.query(
    `INSERT INTO player_game_line (game_id, player_id, tournament_id, team_id, competition_key, stage_id, played,
                                   pts, fgm2, fga2, fgm3, fga3, ftm, fta, oreb, dreb, ast, stl, blk, tov, pf, seconds_played)
     SELECT game_id, player_id, $1, team_id, key, split_part(key, '-', 1), played, 2 * fgm2 + 3 * fgm3 + ftm, fgm2, 12, fgm3, 6, ftm, 6,
            oreb, dreb, ast, stl, blk, tov, pf, NULL
       FROM (SELECT g.game_id, p.id AS player_id, t.id AS team_id, g.key, random() < 0.9 AS played,
                    floor(random() * 7)::int AS fgm2, floor(random() * 4)::int AS fgm3, floor(random() * 5)::int AS ftm,
                    floor(random() * 4)::int AS oreb, floor(random() * 7)::int AS dreb, floor(random() * 6)::int AS ast,
                    floor(random() * 3)::int AS stl, floor(random() * 2)::int AS blk, floor(random() * 4)::int AS tov,
                    floor(random() * 5)::int AS pf
               FROM (SELECT gen_random_uuid() AS game_id, r, h,
                            (CASE WHEN r < 14 THEN 'S1-' WHEN r < 19 THEN 'KO-' ELSE 'F-' END) || r || '-' || h AS key
                       FROM generate_series(0, $2 - 1) r, generate_series(0, $3 - 1) h) g
               JOIN bench_team t ON t.team IN (g.h, (g.h + 1 + g.r) % $3)
               JOIN bench_player p ON p.team = t.team) x`,
    [tournamentId, ROUNDS, TEAMS],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query(`ANALYZE player_game_line`);
  return tournamentId;
}

async function main() {
  const url = new URL(DATABASE_URL);
  const dbName = url.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions({ url: DATABASE_URL }));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const seeded = await time(() => seed(db));
  const tournamentId = seeded.result;
  const [{ lines, players }] = (
    await db.query(`SELECT count(*)::int AS lines, count(DISTINCT player_id)::int AS players FROM player_game_line`)
  ).rows as Array<{ lines: number; players: number }>;
  const query = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;
  const built = await time(() => rewriteTotals(query, tournamentId));
  await db.query(`ANALYZE player_totals`);
  const [{ rows: totalsRows }] = [await db.query(`SELECT count(*)::int AS rows FROM player_totals`)].map(
    (r) => r.rows[0],
  );
  const [{ game_id: someGame }] = (await db.query(`SELECT game_id FROM player_game_line LIMIT 1`)).rows;

  // As LeadersService.leaders: boards without names, then names of the listed players for tie order.
  const leadersPage = async (stageIds: string[] | null, basis: 'total' | 'per_game') => {
    const totals = await storedTotals(query, tournamentId, stageIds);
    const rank = (playerNames?: Record<string, string>) =>
      DEFAULT_LEADER_BOARDS.map((category: LeaderCategory) =>
        leaderboard(totals, category, { basis, minGames: 1, minAttempts: 10, ...(playerNames ? { playerNames } : {}) }),
      );
    const unnamed = rank();
    const ids = unnamed.flatMap((b) => b.entries.map((e) => e.playerId));
    const names = Object.fromEntries(
      (await db.query(`SELECT id, name FROM player WHERE id = ANY($1)`, [ids])).rows.map(
        (r: { id: string; name: string }) => [r.id, r.name],
      ),
    );
    return rank(names);
  };
  /** Work inside a transaction that is rolled back, so every run sees the same season. */
  const rolledBack = (work: () => Promise<unknown>) => async () => {
    await db.query('BEGIN');
    try {
      await work();
    } finally {
      await db.query('ROLLBACK');
    }
  };

  const cases: Array<[string, () => Promise<unknown>]> = [
    ['Kept totals read, every game', () => storedTotals(query, tournamentId, null)],
    ['Kept totals read, one stage (knockout)', () => storedTotals(query, tournamentId, ['KO'])],
    [
      '**Leaders page end to end: totals + 8 boards per game + names of the listed**',
      () => leadersPage(null, 'per_game'),
    ],
    ['Leaders page end to end, totals, one stage', () => leadersPage(['KO'], 'total')],
    [
      'A game decided again: its 24 lines replaced, totals moved by the difference',
      rolledBack(async () => {
        // The seeded season has no game rows, so the lines' foreign keys are not checked here either.
        await db.query(`SET LOCAL session_replication_role = replica`);
        await addGameToTotals(query, someGame, -1);
        const lines = (await db.query(`DELETE FROM player_game_line WHERE game_id = $1 RETURNING *`, [someGame])).rows;
        for (const l of lines)
          await db.query(`INSERT INTO player_game_line SELECT (json_populate_record(NULL::player_game_line, $1)).*`, [
            JSON.stringify({ ...l, pts: l.pts + 1 }),
          ]);
        await addGameToTotals(query, someGame, 1);
      }),
    ],
    ['Drift check: kept totals against a recompute over every line', () => driftedTotals(query, tournamentId)],
    ['Full recompute of the totals from every line', rolledBack(() => rewriteTotals(query, tournamentId))],
  ];
  process.stdout.write(
    `Seeded ${lines.toLocaleString('en')} lines, ${players.toLocaleString('en')} players in ${(seeded.ms / 1000).toFixed(1)} s; ` +
      `${totalsRows.toLocaleString('en')} totals rows built in ${built.ms.toFixed(0)} ms\n\n`,
  );
  process.stdout.write('| Case | Median (ms) | Max (ms) |\n| --- | ---: | ---: |\n');
  for (const [name, work] of cases) {
    for (let i = 0; i < WARMUP; i++) await work();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await time(work)).ms);
    process.stdout.write(`| ${name} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |\n`);
  }
  await db.end();
}

void main();
