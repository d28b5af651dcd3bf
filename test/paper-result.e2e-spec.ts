import {
  gameBetween,
  newKit,
  ok,
  playGame,
  setupCompetition,
  teamSlots,
  times,
  type Kit,
} from './support/played-games.js';
import { connectSocket } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/*
 * Issue 14: results without live scoring (a paper scoresheet entered by the organiser in one
 * request), organisers scoring a game themselves, and plays by players on the bench refused.
 * A Huzhou-like group of three, winner and runner-up to the final: one group game is played
 * live, one is entered from paper, and standings, advancement and leaders read both alike.
 */

const LONG = 300_000;
const 龙 = '吴兴龙之队';
const 虎 = '长兴虎之队';
const 豹 = '安吉豹之队';
const p = (team: string, n: number) => `${team.slice(2, 3)}${n}号`;

describe('results from a paper scoresheet (issue 14)', () => {
  let ctx: TestContext;
  let kit: Kit;
  const url = (path = '') => `/api/v1/tournaments/${kit.tournamentId}${path}`;
  const id = (name: string) => kit.players.get(name)!.id;
  const between = async (a: string, b: string) => kit.games.get(await gameBetween(ctx, kit, a, b))!;
  let paperGameId: string;
  const paper = (gameId: string, body: unknown) => ctx.http('POST', `/api/v1/games/${gameId}/paper-result`, body);

  beforeAll(async () => {
    ctx = await startTestApp();
    kit = await newKit(
      ctx,
      // 虎 has only four players: a paper result needs no minimum roster.
      [
        { name: 龙, players: [1, 2, 3, 4, 5, 6].map((n) => p(龙, n)) },
        { name: 虎, players: [1, 2, 3, 4].map((n) => p(虎, n)) },
        { name: 豹, players: [1, 2, 3, 4, 5].map((n) => p(豹, n)) },
      ],
    );
    await setupCompetition(ctx, kit, [
      {
        kind: 'group',
        id: 'S1',
        name: '小组赛',
        roundRobin: 'single',
        groups: [{ id: 'A', size: 3, entrants: teamSlots(kit, [龙, 虎, 豹]) }],
      },
      {
        kind: 'knockout',
        id: 'KO',
        name: '决赛',
        entrants: [
          { kind: 'group_place', groupId: 'A', place: 1 },
          { kind: 'group_place', groupId: 'A', place: 2 },
        ],
      },
    ]);
  }, LONG);
  afterAll(() => ctx?.close());

  it(
    'refuses a bad sheet naming every field, writing nothing',
    async () => {
      const gameId = await between(龙, 虎);
      const before = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}`);
      const tied = await paper(gameId, { home: { score: 60 }, away: { score: 60 } });
      expect(tied.status).toBe(400);
      expect(tied.body).toMatchObject({ code: 'GAME_PAPER_RESULT_TIED', details: [{ field: 'away.score' }] });

      const bad = await paper(gameId, {
        home: {
          score: 60,
          periods: [15, 15, 15, 14],
          players: [
            { playerId: id(p(豹, 1)), points: 2 },
            { playerId: id(p(龙, 1)), points: 10, fouls: 6 },
          ],
        },
        away: { score: 50, periods: [10, 10, 15, 15] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(
        ['home.periods', 'home.players[0].playerId', 'home.players[1].fouls'].sort(),
      );
      // The shape is the validation pipe's: an unknown field, a negative score.
      const shape = await paper(gameId, { home: { score: -1, extra: 1 }, away: { score: 50 } });
      expect(shape.status).toBe(400);
      expect(shape.body.code).toBe('VALIDATION_FAILED');
      expect(shape.body.details.map((d: any) => d.field).sort()).toEqual(['home.extra', 'home.score']);

      const after = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}`);
      expect(after).toMatchObject({ status: 'scheduled', version: before.version, live: null });
      expect((await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/plays`)).items).toEqual([]);
      // Only the tournament's organisers (and administrators) may enter it.
      const stranger = await ctx.newAccount('organiser');
      const scorer = await ctx.newAccount('scorekeeper');
      const sheet = { home: { score: 70 }, away: { score: 65 } };
      expect((await stranger.http('POST', `/api/v1/games/${gameId}/paper-result`, sheet)).status).toBe(403);
      expect((await scorer.http('POST', `/api/v1/games/${gameId}/paper-result`, sheet)).status).toBe(403);
    },
    LONG,
  );

  it(
    'a group game entered from paper counts in standings, advancement and leaders like a live one',
    async () => {
      // 龙 beat 豹 live (scored at the table).
      await playGame(ctx, kit, await gameBetween(ctx, kit, 龙, 豹), [
        ['fg', p(龙, 1), 3],
        ['fg', p(龙, 2), 2],
        ['fg', p(豹, 1), 2],
      ]);
      // 龙 v 虎 from paper: 虎 wins 66:64 after overtime, with three players' lines.
      const gameId = await between(龙, 虎);
      paperGameId = gameId;
      const game = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}`);
      const [home, away] = game.homeTeam.name === 龙 ? ['龙', '虎'] : ['虎', '龙'];
      const side = (team: '龙' | '虎', score: number, periods: number[], players: unknown[]) => ({
        score,
        periods,
        players,
      });
      const dragon = side(
        '龙',
        64,
        [16, 14, 15, 15, 4],
        [{ playerId: id(p(龙, 1)), points: 30, fouls: 5, fgm3: 6, ftm: 4, fta: 5, reb: 9 }],
      );
      const tiger = side(
        '虎',
        66,
        [15, 15, 15, 15, 6],
        [
          { playerId: id(p(虎, 1)), points: 40, fouls: 2, ast: 7 },
          { playerId: id(p(虎, 2)), points: 11 },
        ],
      );
      const body = { home: home === '龙' ? dragon : tiger, away: away === '龙' ? dragon : tiger };
      const decided = await paper(gameId, body);
      expect(decided.status).toBe(200);
      const tigerScore = 66;
      expect(decided.body).toMatchObject({ status: 'final', result: { kind: 'played' } });
      expect(decided.body.result.winnerTeamId).toBe(kit.teams.get(虎));
      expect(decided.body.scoreByPeriod.map((s: any) => s.label)).toEqual(['1', '2', '3', '4', 'OT1']);
      expect(decided.body.homeScore + decided.body.awayScore).toBe(64 + tigerScore);

      // The log holds it: one play, audited.
      const plays = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/plays`);
      expect(plays.items.map((e: any) => e.event.type)).toEqual(['paper_result']);
      const box = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/box-score`);
      const dragonBox = box.teams.find((t: any) => t.name === 龙);
      const star = dragonBox.players.find((l: any) => l.name === p(龙, 1));
      expect(star).toMatchObject({
        pts: 30,
        fgm3: 6,
        ftm: 4,
        fta: 5,
        reb: 9,
        pf: 5,
        played: true,
        secondsPlayed: null,
      });
      expect(dragonBox.totals).toMatchObject({ pts: 64, teamPoints: 34 });
      expect(dragonBox.players.filter((l: any) => l.played)).toHaveLength(1);

      // Standings: 龙 1-1, 虎 1-0 (the paper game counts like a live one).
      const standings = await ok(ctx.anon, 'GET', url('/competition/standings'));
      const rows = standings.groups[0].official.map((r: any) => [r.team.name, r.wins, r.losses]);
      expect(rows).toEqual(
        expect.arrayContaining([
          [虎, 1, 0],
          [龙, 1, 1],
          [豹, 0, 1],
        ]),
      );

      // 虎 v 豹 from paper too (no starting fives, 虎 has 4 players): the group is complete and the final is set.
      const last = await between(虎, 豹);
      const lastGame = await ok(ctx.anon, 'GET', `/api/v1/games/${last}`);
      const tigerHome = lastGame.homeTeam.name === 虎;
      const r = await paper(last, { home: { score: tigerHome ? 50 : 48 }, away: { score: tigerHome ? 48 : 50 } });
      expect(r.status).toBe(200);
      const bracket = await ok(ctx.anon, 'GET', url('/competition/bracket'));
      const final = bracket.games.find((g: any) => !g.id.startsWith('S1'));
      expect([final.home.team?.name, final.away.team?.name].sort()).toEqual([虎, 龙].sort());

      // Leaders: only what was entered (虎1's 40 points and 7 assists; nobody gets invented rebounds).
      const leaders = await ok(ctx.anon, 'GET', url('/leaders?basis=total'));
      const points = leaders.boards.find((b: any) => b.category === 'points');
      expect(points.entries[0]).toMatchObject({ player: { name: p(虎, 1) }, value: 40 });
      const rebounds = leaders.boards.find((b: any) => b.category === 'rebounds');
      expect(rebounds.entries[0]).toMatchObject({ player: { name: p(龙, 1) }, value: 9 });
    },
    LONG,
  );

  it(
    'a paper result is corrected by sending the sheet again while final; a live game and an official one refuse it',
    async () => {
      const gameId = paperGameId;
      const game = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}`);
      const tigerHome = game.homeTeam.name === 虎;
      const sheet = (tiger: number, dragon: number) => ({
        home: { score: tigerHome ? tiger : dragon },
        away: { score: tigerHome ? dragon : tiger },
      });
      // Same winner, other score: corrected in place (a replace in the log), standings follow.
      const corrected = await paper(gameId, sheet(70, 64));
      expect(corrected.status).toBe(200);
      expect(corrected.body.status).toBe('final');
      const plays = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/plays`);
      expect(plays.items.map((e: any) => [e.event.type, e.inForce])).toEqual([
        ['paper_result', true],
        ['replace', true],
      ]);
      // The same sheet again changes nothing (a retry).
      const again = await paper(gameId, sheet(70, 64));
      expect(again.body.version).toBe(corrected.body.version);
      // A knockout game's teams depend on it: a winner change is still allowed before the final starts.
      // Confirmed: no more paper corrections.
      await ok(ctx.http, 'POST', `/api/v1/games/${gameId}/transitions`, { to: 'official' });
      const official = await paper(gameId, sheet(71, 64));
      expect(official.status).toBe(409);
      expect(official.body).toMatchObject({ code: 'GAME_PAPER_RESULT_NOT_ALLOWED', details: [{ field: 'status' }] });
      // A game scored live (龙 v 豹) refuses it: corrected the usual way.
      const live = await gameBetween(ctx, kit, 龙, 豹).catch(() => null);
      expect(live).toBeNull();
      const games = await ok(ctx.anon, 'GET', url('/games?pageSize=100'));
      const scoredLive = games.items.find(
        (g: any) => [g.homeTeam?.name, g.awayTeam?.name].sort().join() === [龙, 豹].sort().join(),
      );
      const refused = await paper(scoredLive.id, sheet(1, 0));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('GAME_PAPER_RESULT_NOT_ALLOWED');
      // The audit log has the entry and its correction.
      const audit = await ok(ctx.admin.http, 'GET', `/api/v1/audit?tournamentId=${kit.tournamentId}&pageSize=200`);
      const actions = audit.items.filter((a: any) => a.entityId === gameId).map((a: any) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['game.paper_result', 'game.paper_result_corrected']));
    },
    LONG,
  );
});

describe('organisers keep score themselves; the bench cannot score (issue 14)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  }, LONG);
  afterAll(() => ctx?.close());

  it(
    'an organiser marks a game ready without assigning anyone, records plays, and a bench player’s basket is refused naming him',
    async () => {
      const kit = await newKit(ctx, [
        { name: 龙, players: [1, 2, 3, 4, 5, 6].map((n) => p(龙, n)) },
        { name: 虎, players: [1, 2, 3, 4, 5].map((n) => p(虎, n)) },
      ]);
      const id = (name: string) => kit.players.get(name)!.id;
      const game = await ok(ctx.http, 'POST', `/api/v1/tournaments/${kit.tournamentId}/games`, {
        homeTeamId: kit.teams.get(龙),
        awayTeamId: kit.teams.get(虎),
      });
      const five = (team: string) => [1, 2, 3, 4, 5].map((n) => id(p(team, n)));
      const ready = await ok(ctx.http, 'POST', `/api/v1/games/${game.id}/transitions`, {
        to: 'ready',
        homeStartingFive: five(龙),
        awayStartingFive: five(虎),
      });
      expect(ready.status).toBe('ready');
      let seq = 0;
      const send = (event: Record<string, unknown>) =>
        ctx.http('POST', `/api/v1/games/${game.id}/events`, {
          clientEventId: crypto.randomUUID(),
          expectedSeq: seq,
          event,
        });
      const accepted = async (event: Record<string, unknown>) => {
        const res = await send(event);
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        seq = res.body.seq;
      };
      await accepted({ type: 'period_start', period: 1 });
      await accepted({ type: 'clock_start', gameClock: 6000 });
      const bench = id(p(龙, 6));
      const refused = await send({
        type: 'field_goal_made',
        teamId: kit.teams.get(龙),
        playerId: bench,
        points: 3,
        gameClock: 5400,
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'PLAYER_NOT_ON_COURT',
        details: [{ field: 'event.playerId', reason: expect.stringContaining(bench) }],
        context: { playerId: bench, teamId: kit.teams.get(龙) },
      });
      // The same refusal over socket.io, from the one error mapping.
      const socket = await connectSocket(ctx.baseUrl, ctx.organiser.accessToken);
      const viaSocket = await socket.emitWithAck('game:event', {
        gameId: game.id,
        clientEventId: crypto.randomUUID(),
        expectedSeq: seq,
        event: { type: 'rebound', teamId: kit.teams.get(龙)!, kind: 'defensive', playerId: bench },
      });
      socket.disconnect();
      expect(viaSocket).toMatchObject({
        ok: false,
        error: {
          statusCode: 400,
          code: 'PLAYER_NOT_ON_COURT',
          details: [{ field: 'event.playerId' }],
          context: { playerId: bench, teamId: kit.teams.get(龙) },
        },
      });
      // Substitution first, then the same basket.
      await accepted({ type: 'clock_stop', gameClock: 5400 });
      await accepted({
        type: 'substitution',
        teamId: kit.teams.get(龙),
        playerInId: bench,
        playerOutId: id(p(龙, 1)),
        gameClock: 5400,
      });
      await accepted({ type: 'clock_start', gameClock: 5400 });
      await accepted({
        type: 'field_goal_made',
        teamId: kit.teams.get(龙),
        playerId: bench,
        points: 3,
        gameClock: 5000,
      });
      // Box score: minutes (mm:ss on the page) and plus/minus from the clock and the lineups.
      const box = await ok(ctx.anon, 'GET', `/api/v1/games/${game.id}/box-score`);
      const line = (name: string) => box.teams.flatMap((t: any) => t.players).find((l: any) => l.name === name);
      expect(line(p(龙, 1))).toMatchObject({ secondsPlayed: 60, plusMinus: 0 });
      expect(line(p(龙, 6))).toMatchObject({ secondsPlayed: 40, plusMinus: 3 });
      expect(line(p(虎, 1))).toMatchObject({ secondsPlayed: 100, plusMinus: -3 });
    },
    LONG,
  );
});

describe('leaders count only what a paper scoresheet entered (issue 14)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  }, LONG);
  afterAll(() => ctx?.close());

  it(
    'a live game with 10 rebounds and a paper game with points only: 10.0 rebounds and the points of both per game; a sheet without lines adds no games',
    async () => {
      const kit = await newKit(ctx, [
        { name: 龙, players: [1, 2, 3, 4, 5].map((n) => p(龙, n)) },
        { name: 虎, players: [1, 2, 3, 4, 5].map((n) => p(虎, n)) },
      ]);
      const url = (path = '') => `/api/v1/tournaments/${kit.tournamentId}${path}`;
      const id = (name: string) => kit.players.get(name)!.id;
      const newGame = async () =>
        (
          await ok(ctx.http, 'POST', url('/games'), {
            homeTeamId: kit.teams.get(龙),
            awayTeamId: kit.teams.get(虎),
          })
        ).id as string;
      const star = p(龙, 1);
      // Live: 10 rebounds and 4 points.
      await playGame(ctx, kit, await newGame(), [
        ['fg', star, 2],
        ['fg', star, 2],
        ...times(10, ['reb', star, 'defensive']),
        ['reb', p(虎, 1), 'defensive'],
      ]);
      // Paper, points and fouls only: 20 points; the other side's sheet has fouls only.
      const onlyPoints = await newGame();
      const sheet = await ctx.http('POST', `/api/v1/games/${onlyPoints}/paper-result`, {
        home: { score: 60, players: [{ playerId: id(star), points: 20, fouls: 2 }] },
        away: { score: 50, players: [{ playerId: id(p(虎, 1)), fouls: 4 }] },
      });
      expect(sheet.status).toBe(200);
      // Paper, final score only: nobody played a game of statistics.
      const scoreOnly = await newGame();
      expect(
        (
          await ctx.http('POST', `/api/v1/games/${scoreOnly}/paper-result`, {
            home: { score: 70, players: [] },
            away: { score: 68 },
          })
        ).status,
      ).toBe(200);

      const board = async (category: string, query = '') =>
        (await ok(ctx.anon, 'GET', url(`/leaders?category=${category}&limit=20${query}`))).boards[0];
      const entry = (b: any, name: string) => b.entries.find((e: any) => e.player.name === name);
      const rebounds = await board('rebounds', '&basis=per_game');
      expect(entry(rebounds, star)).toMatchObject({ games: 1, value: 10 });
      const points = await board('points', '&basis=per_game');
      expect(entry(points, star)).toMatchObject({ games: 2, value: 12 });
      // 虎1: a live game with a rebound and a paper game with fouls only (no points kept there).
      expect(entry(rebounds, p(虎, 1))).toMatchObject({ games: 1, value: 1 });
      // Minimum games count the category's games: two rebounding games are not there.
      expect(entry(await board('rebounds', '&basis=per_game&minGames=2'), star)).toBeUndefined();
      expect(entry(await board('points', '&basis=per_game&minGames=2'), star)).toMatchObject({ value: 12 });
      // Totals as before: what was entered adds up.
      expect(entry(await board('points', '&basis=total'), star)).toMatchObject({ games: 2, value: 24 });

      // The kept totals equal a recompute from the log.
      expect(await ok(ctx.http, 'POST', url('/leaders/rebuild'))).toMatchObject({
        changedGameIds: [],
        driftedPlayerIds: [],
      });
      // A correction of the sheet that now gives rebounds: they count per game from then on.
      const corrected = await ctx.http('POST', `/api/v1/games/${onlyPoints}/paper-result`, {
        home: { score: 60, players: [{ playerId: id(star), points: 20, fouls: 2, reb: 6 }] },
        away: { score: 50, players: [{ playerId: id(p(虎, 1)), fouls: 4 }] },
      });
      expect(corrected.status).toBe(200);
      expect(entry(await board('rebounds', '&basis=per_game'), star)).toMatchObject({ games: 2, value: 8 });
      expect(await ok(ctx.http, 'POST', url('/leaders/rebuild'))).toMatchObject({
        changedGameIds: [],
        driftedPlayerIds: [],
      });
    },
    LONG,
  );
});
