import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TransactionHost } from '../src/database/transaction.js';
import { replay, type GameContext, type PlayEvent } from '../src/domain/game/index.js';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const GAMES = 10;
const ROUNDS = 8;

/**
 * Plays of different games that arrive together are written by one statement and commit together
 * (group commit): each is still checked on its own (version, session, client id), and each
 * caller gets its own answer. A pool of 2 leaves one batch at the database at a time, so the
 * plays of ten games sent at once must share statements.
 */
describe('live scoring: plays of many games share a commit', () => {
  let ctx: TestContext;
  let db: pg.Client;
  let home: { id: string; players: string[] };
  let away: { id: string; players: string[] };
  let tournamentId: string;

  beforeAll(async () => {
    ctx = await startTestApp({ env: { DB_POOL_SIZE: '2', WRITE_RATE_LIMIT_PER_MINUTE: '1000000' } });
    db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    const f = factories(ctx);
    tournamentId = (await f.newTournament()).id;
    const team = async (name: string) => {
      const t = await f.newTeam(tournamentId, { name });
      const players: string[] = [];
      for (let j = 0; j < 5; j++)
        players.push((await f.newPlayer(t.id, { name: `${name}${j}`, jerseyNumber: j + 4 })).id);
      return { id: t.id as string, players };
    };
    home = await team('湖州供电队');
    away = await team('安吉竹业队');
  });
  afterAll(async () => {
    await db?.end();
    await ctx?.close();
  });

  const readyGame = async () => {
    const f = factories(ctx);
    const game = await f.newGame(tournamentId, { homeTeamId: home.id, awayTeamId: away.id });
    await f.ok('POST', `/api/v1/games/${game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: home.players,
      awayStartingFive: away.players,
    });
    return game.id as string;
  };
  const play = (gameId: string, expectedSeq: number, event: Record<string, unknown>, clientEventId = randomUUID()) =>
    ctx.http('POST', `/api/v1/games/${gameId}/events`, { clientEventId, expectedSeq, event });

  it('sizes its batches by the pool it was given', () => {
    // Half the pool carries batches: here one batch at a time.
    expect(ctx.app.get(TransactionHost).poolSize).toBe(2);
  });

  it('writes every play once, in order, with the right score, while games share statements', async () => {
    const games = await Promise.all(Array.from({ length: GAMES }, readyGame));
    const starts = await Promise.all(games.map((g) => play(g, 0, { type: 'period_start' })));
    starts.forEach((r) => expect(r).toMatchObject({ status: 201, body: { seq: 1, duplicate: false } }));

    const expectedScore = games.map(() => ({ home: 0, away: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        games.map((gameId, g) => {
          const side = (round + g) % 2 === 0 ? home : away;
          const points = 1 + ((round + g) % 3);
          expectedScore[g]![side === home ? 'home' : 'away'] += points;
          return play(gameId, round + 1, { type: 'score_adjust', teamId: side.id, points });
        }),
      );
      answers.forEach((r, g) =>
        expect(r).toMatchObject({
          status: 201,
          body: { gameId: games[g], seq: round + 2, duplicate: false, game: { score: expectedScore[g] } },
        }),
      );
    }

    const { rows: gameRows } = await db.query(
      `SELECT id, last_seq, home_score, away_score FROM game WHERE id = ANY($1::uuid[])`,
      [games],
    );
    for (const [g, id] of games.entries())
      expect(gameRows.find((r) => r.id === id)).toMatchObject({
        last_seq: ROUNDS + 1,
        home_score: expectedScore[g]!.home,
        away_score: expectedScore[g]!.away,
      });
    const { rows: plays } = await db.query(
      `SELECT game_id, seq, xmin::text AS tx, (after->'score'->>'home')::int + (after->'score'->>'away')::int AS total
         FROM play_event WHERE game_id = ANY($1::uuid[]) ORDER BY game_id, seq`,
      [games],
    );
    expect(plays).toHaveLength(GAMES * (ROUNDS + 1));
    for (const id of games)
      expect(plays.filter((p) => p.game_id === id).map((p) => p.seq)).toEqual(
        Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1),
      );
    // Shared commits: fewer transactions than plays, and some transaction holds plays of several games.
    const transactions = new Map<string, Set<string>>();
    for (const p of plays) transactions.set(p.tx, (transactions.get(p.tx) ?? new Set()).add(p.game_id));
    expect(transactions.size).toBeLessThan(plays.length);
    expect(Math.max(...[...transactions.values()].map((s) => s.size))).toBeGreaterThan(1);
    // No transaction holds two plays of one game.
    const perTx = new Map<string, number>();
    for (const p of plays) perTx.set(`${p.tx}/${p.game_id}`, (perTx.get(`${p.tx}/${p.game_id}`) ?? 0) + 1);
    expect(Math.max(...perTx.values())).toBe(1);
  });

  it('answers two devices sending the same seq to one game at once: one is written, the other is stale', async () => {
    const gameId = await readyGame();
    expect(await play(gameId, 0, { type: 'period_start' })).toMatchObject({ status: 201 });
    const [a, b] = await Promise.all([
      play(gameId, 1, { type: 'score_adjust', teamId: home.id, points: 2 }),
      play(gameId, 1, { type: 'score_adjust', teamId: away.id, points: 3 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const { rows } = await db.query(`SELECT seq FROM play_event WHERE game_id = $1 ORDER BY seq`, [gameId]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('answers a retry sent while the original is still being written as the same play, written once', async () => {
    const gameId = await readyGame();
    expect(await play(gameId, 0, { type: 'period_start' })).toMatchObject({ status: 201 });
    const id = randomUUID();
    const event = { type: 'score_adjust', teamId: home.id, points: 2 };
    const [a, b] = await Promise.all([play(gameId, 1, event, id), play(gameId, 1, event, id)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(a.body.seq).toBe(2);
    expect(b.body.seq).toBe(2);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM play_event WHERE game_id = $1`, [gameId]);
    expect(rows[0].n).toBe(2);
  });

  it('writes undos and corrections of many games in shared commits, computed from the log in memory', async () => {
    const games = await Promise.all(Array.from({ length: GAMES }, readyGame));
    // The first play of each game takes the locked path, which reads the log and keeps it.
    for (const r of await Promise.all(games.map((g) => play(g, 0, { type: 'period_start' }))))
      expect(r).toMatchObject({ status: 201, body: { seq: 1 } });
    const all = (send: (gameId: string) => ReturnType<typeof play>) => Promise.all(games.map(send));
    for (const r of await all((g) => play(g, 1, { type: 'score_adjust', teamId: home.id, points: 2 })))
      expect(r).toMatchObject({ status: 201, body: { seq: 2, game: { score: { home: 2, away: 0 } } } });
    const undos = await all((g) =>
      ctx.http('POST', `/api/v1/games/${g}/undo`, { clientEventId: randomUUID(), expectedSeq: 2 }),
    );
    for (const r of undos)
      expect(r).toMatchObject({
        status: 201,
        body: { seq: 3, event: { type: 'void', targetSeq: 2, undo: true }, game: { score: { home: 0, away: 0 } } },
      });
    for (const r of await all((g) => play(g, 3, { type: 'score_adjust', teamId: away.id, points: 3 })))
      expect(r).toMatchObject({ status: 201, body: { seq: 4, game: { score: { home: 0, away: 3 } } } });
    const replacement = { type: 'score_adjust', teamId: away.id, points: 1 };
    for (const r of await all((g) => play(g, 4, { type: 'replace', targetSeq: 4, replacement })))
      expect(r).toMatchObject({ status: 201, body: { seq: 5, game: { score: { home: 0, away: 1 } } } });
    // The next undo voids the latest play in force: the replacement.
    for (const r of await all((g) =>
      ctx.http('POST', `/api/v1/games/${g}/undo`, { clientEventId: randomUUID(), expectedSeq: 5 }),
    ))
      expect(r).toMatchObject({
        status: 201,
        body: { seq: 6, event: { type: 'void', targetSeq: 5 }, game: { score: { home: 0, away: 3 } } },
      });

    // The corrections shared commits across games, one play per game in each.
    const { rows: corrections } = await db.query(
      `SELECT game_id, seq, xmin::text AS tx FROM play_event
        WHERE game_id = ANY($1::uuid[]) AND seq IN (3, 5, 6) ORDER BY seq`,
      [games],
    );
    expect(corrections).toHaveLength(GAMES * 3);
    const gamesPerTx = new Map<string, Set<string>>();
    for (const c of corrections) gamesPerTx.set(c.tx, (gamesPerTx.get(c.tx) ?? new Set()).add(c.game_id));
    expect(Math.max(...[...gamesPerTx.values()].map((x) => x.size))).toBeGreaterThan(1);
    expect(gamesPerTx.size).toBeLessThan(corrections.length);

    // What each game's row holds is what replaying its log from the database gives.
    for (const gameId of games) {
      const { rows: log } = await db.query(
        `SELECT seq, client_event_id AS "clientEventId", body FROM play_event WHERE game_id = $1 ORDER BY seq`,
        [gameId],
      );
      const {
        rows: [row],
      } = await db.query(`SELECT context, state, last_seq, home_score, away_score FROM game WHERE id = $1`, [gameId]);
      const events = log.map((e) => ({ ...e.body, seq: e.seq, clientEventId: e.clientEventId }) as PlayEvent);
      const replayed = replay(events, row.context as GameContext);
      expect(row).toMatchObject({ last_seq: 6, home_score: 0, away_score: 3 });
      expect(row.state).toEqual(JSON.parse(JSON.stringify(replayed)));
    }
  });
});
