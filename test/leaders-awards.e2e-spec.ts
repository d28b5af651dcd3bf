import pg from 'pg';
import { computeGroupStandings } from '../src/domain/standings/index.js';
import type { TournamentChange } from '../src/live/events.js';
import { factories } from './support/factories.js';
import { connectSocket, waitFor, type LiveSocket } from './support/live.js';
import {
  gameBetween,
  newKit,
  ok,
  playGame,
  setupCompetition,
  teamSlots,
  times,
  type Kit,
  type Play,
  type Played,
} from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/*
 * Issue 7, leaders and awards through the API. Three teams play a group (3 games) and a final,
 * play by play, so that the statistics tell a story:
 *   龙队1号 and 虎队1号 score 12 in each of their 3 games (36, tied), 豹队1号 15 in each of 2 (30);
 *   龙队2号 assists 6 a game, 虎队3号 rebounds 8 a game (24), 豹队3号 10 a game (20);
 *   free throws: 虎队2号 3 of 4, 豹队2号 1 of 1.
 * 龙队 wins everything: champion 龙队, runner-up 虎队, 3rd 豹队.
 */

const LONG = 300_000;
const [龙, 虎, 豹] = ['龙队', '虎队', '豹队'];
const p = (team: string, n: number) => `${team}${n}号`;

/** 龙队's game: 龙队1号 6 baskets assisted by 龙队2号, who adds 5 of his own: 22. */
const dragon: Play[] = [...times(6, ['fg', p(龙, 1), 2, p(龙, 2)]), ...times(5, ['fg', p(龙, 2), 2])];
/** 虎队 against 龙队: 4 threes by 虎队1号 (assists 虎队2号), 3 baskets by 虎队2号, 8 rebounds by 虎队3号: 18. */
const tigerVsDragon: Play[] = [
  ...times(4, ['fg', p(虎, 1), 3, p(虎, 2)]),
  ...times(3, ['fg', p(虎, 2), 2]),
  ...times(8, ['reb', p(虎, 3), 'defensive']),
];
/** 豹队: 5 threes by 豹队1号, 10 rebounds by 豹队3号. */
const leopard: Play[] = [...times(5, ['fg', p(豹, 1), 3]), ...times(10, ['reb', p(豹, 3), 'defensive'])];

describe('leaders and awards (issue 7)', () => {
  let ctx: TestContext;
  let kit: Kit;
  let fan: LiveSocket;
  const changes: TournamentChange[] = [];
  let final: Played;
  let unitId: string;

  const url = (path = '') => `/api/v1/tournaments/${kit.tournamentId}${path}`;
  const leaders = (query = '') => ok(ctx.anon, 'GET', url(`/leaders${query}`));
  const board = async (query: string) => (await leaders(query)).boards[0];
  const rows = (b: any) => b.entries.map((e: any) => [e.rank, e.tied, e.player.name, e.value]);
  const playerId = (name: string) => kit.players.get(name)!.id;

  beforeAll(async () => {
    ctx = await startTestApp();
    kit = await newKit(
      ctx,
      [龙, 虎, 豹].map((name) => ({ name, players: [1, 2, 3, 4, 5].map((n) => p(name, n)) })),
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
    await playGame(ctx, kit, await gameBetween(ctx, kit, 龙, 虎), [...dragon, ...tigerVsDragon]);
    await playGame(ctx, kit, await gameBetween(ctx, kit, 龙, 豹), [...dragon, ...leopard, ['ft', p(豹, 2)]]);
    await playGame(ctx, kit, await gameBetween(ctx, kit, 虎, 豹), [
      ...times(4, ['fg', p(虎, 1), 3, p(虎, 2)]),
      ...times(2, ['fg', p(虎, 2), 2]),
      ...times(3, ['ft', p(虎, 2)]),
      ['ftmiss', p(虎, 2)],
      ...times(8, ['reb', p(虎, 3), 'defensive']),
      ...leopard,
    ]);
    unitId = (await factories(ctx).newUnit({ name: '南太湖新区总工会', kind: 'district_union' })).id;
    fan = await connectSocket(ctx.baseUrl, null);
    fan.on('tournament:changed', (c) => changes.push(c));
    const joined = await fan.emitWithAck('tournament:subscribe', { tournamentId: kit.tournamentId });
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
  }, LONG);
  afterAll(async () => {
    fan?.disconnect();
    await ctx?.close();
  });

  it(
    'pushes to the tournament room when the final becomes final: standings, leaders and awards changed',
    async () => {
      const before = (await board('?category=points&basis=total')).entries.find((e: any) => e.player.name === p(龙, 1));
      expect(before.total).toBe(24);
      final = await playGame(ctx, kit, 'F', [...dragon, ...tigerVsDragon]);
      await waitFor(() => changes.some((c) => c.gameId === final.gameId), 'tournament:changed for the final');
      const change = changes.find((c) => c.gameId === final.gameId)!;
      expect(change.topics).toEqual(expect.arrayContaining(['standings', 'ranking', 'leaders', 'awards']));
      // Fetched after the news: the final counts.
      const after = (await board('?category=points&basis=total')).entries.find((e: any) => e.player.name === p(龙, 1));
      expect(after).toMatchObject({ total: 36, games: 3 });
    },
    LONG,
  );

  it(
    'ranks leaders with ties as ties, on totals or per game, with minimum games and attempts, over chosen stages',
    async () => {
      // Totals: 龙队1号 and 虎队1号 share 1st with 36; 豹队1号 and 龙队2号 share 3rd with 30.
      const totals = await board('?category=points&basis=total&limit=4');
      expect(totals).toMatchObject({ category: 'points', labelZh: '得分', basis: 'total', minGames: 1 });
      expect(rows(totals)).toEqual([
        [1, true, p(虎, 1), 36],
        [1, true, p(龙, 1), 36],
        [3, true, p(豹, 1), 30],
        [3, true, p(龙, 2), 30],
      ]);
      expect(totals.entries[0]).toMatchObject({ team: { name: 虎 }, games: 3, display: '36', includesLive: false });

      // Per game (the default, FIBA): 豹队1号's 15.0 in 2 games leads the 12.0 of the other two.
      const perGame = await board('?category=points&limit=3');
      expect(perGame.basis).toBe('per_game');
      expect(rows(perGame)).toEqual([
        [1, false, p(豹, 1), 15],
        [2, true, p(虎, 1), 12],
        [2, true, p(龙, 1), 12],
      ]);
      expect(perGame.entries[0].display).toBe('15.0');
      // At least 3 games: 豹队1号 (2 games) is not ranked.
      const threeGames = await board('?category=points&minGames=3&limit=3');
      expect(rows(threeGames)).toEqual([
        [1, true, p(虎, 1), 12],
        [1, true, p(龙, 1), 12],
        [3, false, p(龙, 2), 10],
      ]);

      // Free-throw %: nobody reaches the default 10 attempts; 1 attempt lets both in, 2 only 虎队2号.
      const ftDefault = await board('?category=free_throw_pct');
      expect(ftDefault).toMatchObject({ minAttempts: 10, eligible: 0, entries: [] });
      const ft1 = await board('?category=free_throw_pct&minAttempts=1');
      expect(ft1.entries.map((e: any) => [e.player.name, e.display, e.total, e.attempts])).toEqual([
        [p(豹, 2), '100.0%', 1, 1],
        [p(虎, 2), '75.0%', 3, 4],
      ]);
      expect((await board('?category=free_throw_pct&minAttempts=2')).entries.map((e: any) => e.player.name)).toEqual([
        p(虎, 2),
      ]);

      // Rebounds: 虎队3号 on totals (24), 豹队3号 per game (10.0).
      expect(rows(await board('?category=rebounds&basis=total&limit=1'))[0]).toEqual([1, false, p(虎, 3), 24]);
      expect(rows(await board('?category=rebounds&limit=1'))[0]).toEqual([1, false, p(豹, 3), 10]);

      // Only the final (stage KO): 龙队1号 and 虎队1号 12 each, shared 1st.
      const finalOnly = await leaders('?category=points&stageIds=KO&limit=2');
      expect(finalOnly.stageIds).toEqual(['KO']);
      expect(finalOnly.stages.map((s: any) => s.id)).toEqual(['S1', 'KO']);
      expect(rows(finalOnly.boards[0])).toEqual([
        [1, true, p(虎, 1), 12],
        [1, true, p(龙, 1), 12],
      ]);

      // The default page: the eight boards with Chinese labels.
      const page = await leaders();
      expect(page.boards.map((b: any) => [b.category, b.labelZh])).toEqual([
        ['points', '得分'],
        ['rebounds', '篮板'],
        ['assists', '助攻'],
        ['steals', '抢断'],
        ['blocks', '盖帽'],
        ['three_pointers_made', '三分球命中'],
        ['free_throw_pct', '罚球命中率'],
        ['efficiency', '效率值'],
      ]);
      expect(page.boards[2].entries[0]).toMatchObject({ player: { name: p(龙, 2) }, value: 6, total: 18 });
      expect(page.live).toBe(false);

      // Refusals name the field.
      const bad = await ctx.anon('GET', url('/leaders?category=dunks&minGames=-1&stageIds=ZZ'));
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(['category', 'minGames']);
      const unknownStage = await ctx.anon('GET', url('/leaders?stageIds=ZZ'));
      expect(unknownStage.body).toMatchObject({ code: 'STATS_UNKNOWN_STAGE', details: [{ field: 'stageIds' }] });
    },
    LONG,
  );

  it(
    'publishes the awards list with Chinese labels (English available): places, 得分王/助攻王/篮板王, decided awards',
    async () => {
      const decide = (key: string, body: unknown) => ok(ctx.http, 'PUT', url(`/awards/decisions/${key}`), body);
      await decide('mvp', {
        recipients: [{ type: 'player', id: playerId(p(龙, 2)) }],
        citation: '场均6次助攻，串联全队。',
      });
      await decide('all_tournament_team', {
        recipients: [p(龙, 1), p(龙, 2), p(虎, 1), p(虎, 3), p(豹, 1)].map((n) => ({
          type: 'player',
          id: playerId(n),
        })),
      });
      await decide('sportsmanship', {
        recipients: [{ type: 'team', id: kit.teams.get(豹) }],
        labelZh: '精神风尚团队奖',
        citation: '全程零技术犯规',
      });
      await decide('best_organising_unit', { recipients: [{ type: 'unit', id: unitId }], citation: '组织周密' });

      const list = await ok(ctx.anon, 'GET', url('/awards'));
      expect(list).toMatchObject({ lang: 'zh', placesFinal: true });
      expect(
        list.awards.map((a: any) => [a.key, a.label, a.recipients.map((r: any) => r.name).join('、'), a.display]),
      ).toEqual([
        ['place_1', '冠军', 龙, null],
        ['place_2', '亚军', 虎, null],
        ['place_3', '季军', 豹, null],
        ['mvp', '最有价值球员 MVP', p(龙, 2), null],
        ['top_scorer', '得分王', p(豹, 1), '15.0'],
        ['assists_leader', '助攻王', p(龙, 2), '6.0'],
        ['rebounds_leader', '篮板王', p(豹, 3), '10.0'],
        ['all_tournament_team', '最佳阵容', [p(龙, 1), p(龙, 2), p(虎, 1), p(虎, 3), p(豹, 1)].join('、'), null],
        ['sportsmanship', '精神风尚团队奖', 豹, null],
        ['best_organising_unit', '优秀组织奖', '南太湖新区总工会', null],
      ]);
      const mvp = list.awards.find((a: any) => a.key === 'mvp');
      expect(mvp).toMatchObject({
        kind: 'decided',
        citation: '场均6次助攻，串联全队。',
        labelEn: 'Most Valuable Player (MVP)',
      });
      expect(mvp.recipients[0]).toMatchObject({ type: 'player', jerseyNumber: 5, team: { name: 龙 } });
      expect(list.awards.find((a: any) => a.key === 'top_scorer')).toMatchObject({
        kind: 'computed',
        basis: 'per_game',
      });

      const english = await ok(ctx.anon, 'GET', url('/awards?lang=en'));
      expect(english.awards.slice(0, 5).map((a: any) => a.label)).toEqual([
        'Champion',
        'Runner-up',
        'Third place',
        'Most Valuable Player (MVP)',
        'Top scorer',
      ]);
      expect(english.awards[0].labelZh).toBe('冠军');

      // A workers' tournament honours totals: 得分王 is then shared by the two 36-point scorers.
      const settings = await ok(ctx.http, 'PUT', url('/awards/settings'), { awards: { basis: 'total' } });
      expect(settings).toMatchObject({ awards: { basis: 'total', minGames: 2 }, version: 1 });
      const totals = await ok(ctx.anon, 'GET', url('/awards'));
      const topScorer = totals.awards.find((a: any) => a.key === 'top_scorer');
      expect(topScorer.recipients.map((r: any) => r.name).sort()).toEqual([p(虎, 1), p(龙, 1)].sort());
      expect(topScorer).toMatchObject({ value: 36, display: '36', basis: 'total' });
      expect(totals.awards.find((a: any) => a.key === 'rebounds_leader').recipients[0].name).toBe(p(虎, 3));
      await ok(ctx.http, 'PUT', url('/awards/settings'), { awards: { basis: 'per_game' } });

      // MVP candidates for the panel: EFF per game × team factor (champion ×1.5, last ×1).
      const candidates = await ok(ctx.anon, 'GET', url('/awards/mvp-candidates?limit=3'));
      expect(candidates.placesFinal).toBe(true);
      expect(candidates.formula).toContain('EFF per game');
      expect(candidates.candidates[0]).toMatchObject({
        rank: 1,
        player: { name: p(龙, 2) },
        teamPlace: 1,
        base: 16,
        teamFactor: 1.5,
        score: 24,
      });
    },
    LONG,
  );

  it(
    'checks decided awards: a unit for 优秀组织奖, a team for 精神风尚奖, one player for MVP, five distinct for the all-tournament five; organisers only, audited',
    async () => {
      const put = (key: string, body: unknown, as = ctx.http) => as('PUT', url(`/awards/decisions/${key}`), body);
      const team = (name: string) => ({ type: 'team', id: kit.teams.get(name) });
      const player = (name: string) => ({ type: 'player', id: playerId(name) });

      const teamAsUnit = await put('best_organising_unit', { recipients: [team(龙)] });
      expect(teamAsUnit).toMatchObject({ status: 400, body: { code: 'AWARDS_RECIPIENT_KIND_MISMATCH' } });
      expect(teamAsUnit.body.message).toBe('best_organising_unit goes to a unit, not a team');
      const disguised = await put('best_organising_unit', { recipients: [{ type: 'unit', id: kit.teams.get(龙) }] });
      expect(disguised).toMatchObject({ status: 400, body: { code: 'AWARDS_RECIPIENT_KIND_MISMATCH' } });
      expect(disguised.body.message).toContain('is a team');
      expect((await put('sportsmanship', { recipients: [{ type: 'unit', id: unitId }] })).body.code).toBe(
        'AWARDS_RECIPIENT_KIND_MISMATCH',
      );
      expect((await put('mvp', { recipients: [team(龙)] })).body.code).toBe('AWARDS_RECIPIENT_KIND_MISMATCH');
      expect((await put('mvp', { recipients: [player(p(龙, 1)), player(p(虎, 1))] })).body.code).toBe(
        'AWARDS_RECIPIENT_COUNT',
      );
      const four = await put('all_tournament_team', { recipients: [1, 2, 3, 4].map((n) => player(p(龙, n))) });
      expect(four).toMatchObject({
        status: 400,
        body: { code: 'AWARDS_ALL_TOURNAMENT_TEAM_SIZE', details: [{ field: 'recipients' }] },
      });
      const twice = await put('all_tournament_team', {
        recipients: [1, 2, 3, 4, 1].map((n) => player(p(龙, n))),
      });
      expect(twice.body.code).toBe('AWARDS_DUPLICATE_RECIPIENT');
      // A player of another tournament is nobody here.
      const f = factories(ctx);
      const other = await f.newTournament();
      const stranger = await f.newPlayer((await f.newTeam(other.id)).id);
      const unknown = await put('mvp', { recipients: [{ type: 'player', id: stranger.id }] });
      expect(unknown).toMatchObject({ status: 404, body: { code: 'AWARDS_UNKNOWN_RECIPIENT' } });
      expect((await put('best_coach', { recipients: [player(p(龙, 1))] })).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'key' }],
      });

      // Only the tournament's organisers decide.
      expect((await put('mvp', { recipients: [player(p(龙, 1))] }, ctx.anon)).status).toBe(401);
      const outsider = await ctx.newAccount('organiser');
      expect((await put('mvp', { recipients: [player(p(龙, 1))] }, outsider.http)).status).toBe(403);
      expect((await outsider.http('DELETE', url('/awards/decisions/mvp'))).status).toBe(403);

      // The refusals changed nothing; withdrawing is audited too.
      const decided = await ok(ctx.anon, 'GET', url('/awards/decisions'));
      expect(decided.decisions.map((d: any) => d.key)).toEqual([
        'mvp',
        'all_tournament_team',
        'sportsmanship',
        'best_organising_unit',
      ]);
      expect(decided.decisions[3].recipients[0]).toMatchObject({ type: 'unit', name: '南太湖新区总工会' });
      expect((await ctx.http('DELETE', url('/awards/decisions/mvp'))).status).toBe(204);
      expect((await ctx.http('DELETE', url('/awards/decisions/mvp'))).body.code).toBe('AWARDS_NOT_DECIDED');
      expect((await ok(ctx.anon, 'GET', url('/awards'))).awards.map((a: any) => a.key)).not.toContain('mvp');
      await ok(ctx.http, 'PUT', url('/awards/decisions/mvp'), { recipients: [player(p(龙, 2))] });
      const audit = await ok(ctx.http, 'GET', url('/audit?pageSize=100'));
      const actions = audit.items.map((e: any) => e.action);
      expect(actions.filter((a: string) => a === 'awards.decided')).toHaveLength(5);
      expect(actions.filter((a: string) => a === 'awards.withdrawn')).toHaveLength(1);
      expect(actions).toContain('stats.settings_updated');
      // Every decision and withdrawal reached the tournament's room (4 + 1 + 1).
      await waitFor(() => changes.filter((c) => c.topics.join() === 'awards').length >= 6, 'awards news');
    },
    LONG,
  );

  it(
    'a corrected final: live leaders count the reopened game (marked), official ones keep its last result until it is final again, and the room hears both',
    async () => {
      const newsBefore = changes.length;
      await ok(ctx.http, 'POST', `/api/v1/games/${final.gameId}/transitions`, { to: 'live', reason: '记分错误' });
      await waitFor(() => changes.length > newsBefore, 'news of the reopened final');
      // 龙队1号's first basket in the final never happened; a technical foul on 虎队2号 was missed.
      await final.send({ type: 'void', targetSeq: final.seqs[0] });
      await final.send({
        type: 'foul',
        teamId: kit.teams.get(虎),
        kind: 'technical',
        committedBy: 'player',
        playerId: playerId(p(虎, 2)),
      });

      const live = await board('?category=points&basis=total&live=true&limit=2');
      const official = await board('?category=points&basis=total&limit=2');
      expect((await leaders('?live=true&category=points')).liveGameIds).toEqual([final.gameId]);
      // Live: 龙队1号 34, counting the game in progress (marked); 虎队1号 alone at the top.
      expect(rows(live)).toEqual([
        [1, false, p(虎, 1), 36],
        [2, false, p(龙, 1), 34],
      ]);
      expect(live.entries.map((e: any) => e.includesLive)).toEqual([true, true]);
      // Official: the final still counts as decided (36 each).
      expect(rows(official)).toEqual([
        [1, true, p(虎, 1), 36],
        [1, true, p(龙, 1), 36],
      ]);

      const newsReopened = changes.length;
      await ok(ctx.http, 'POST', `/api/v1/games/${final.gameId}/transitions`, { to: 'final' });
      await waitFor(() => changes.length > newsReopened, 'news of the corrected final');
      expect(changes.at(-1)).toMatchObject({
        gameId: final.gameId,
        topics: expect.arrayContaining(['standings', 'leaders', 'awards']),
      });
      expect(rows(await board('?category=points&basis=total&limit=2'))).toEqual([
        [1, false, p(虎, 1), 36],
        [2, false, p(龙, 1), 34],
      ]);
      // 龙队2号 lost the assist on that basket: 17.
      expect((await board('?category=assists&basis=total&limit=1')).entries[0]).toMatchObject({ total: 17 });
      // The technical foul now informs 精神风尚奖: 虎队 last of the three.
      const conduct = await ok(ctx.anon, 'GET', url('/awards/sportsmanship'));
      expect(conduct.teams.map((t: any) => [t.rank, t.team.name, t.gamesPlayed, t.technical, t.penaltyPoints])).toEqual(
        [
          [1, 豹, 2, 0, 0],
          [1, 龙, 3, 0, 0],
          [3, 虎, 3, 1, 1],
        ],
      );
    },
    LONG,
  );

  it(
    'recomputing everything from scratch gives the same leaders and standings as the incremental updates',
    async () => {
      // 1. The stored lines equal every decided game replayed from its play-by-play.
      const rebuilt = await ok(ctx.http, 'POST', url('/leaders/rebuild'));
      // 10 players took part in each game; the kept totals equal the sums of the lines.
      expect(rebuilt).toEqual({ games: 4, lines: 40, changedGameIds: [], driftedPlayerIds: [] });

      // 2. Summing the four box scores by hand gives the leaders' totals for every player.
      const sums = new Map<string, { pts: number; reb: number; ast: number; games: number }>();
      for (const gameId of kit.games.values()) {
        const box = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/box-score`);
        for (const team of box.teams)
          for (const line of team.players) {
            if (!line.played) continue;
            const s = sums.get(line.playerId) ?? { pts: 0, reb: 0, ast: 0, games: 0 };
            sums.set(line.playerId, {
              pts: s.pts + line.pts,
              reb: s.reb + line.reb,
              ast: s.ast + line.ast,
              games: s.games + 1,
            });
          }
      }
      const all = async (category: string) =>
        new Map(
          (await board(`?category=${category}&basis=total&minGames=0&limit=100`)).entries.map((e: any) => [
            e.player.id,
            [e.total, e.games],
          ]),
        );
      const [points, rebounds, assists] = [await all('points'), await all('rebounds'), await all('assists')];
      for (const [id, s] of sums) {
        if (s.pts > 0) expect([id, points.get(id)]).toEqual([id, [s.pts, s.games]]);
        if (s.reb > 0) expect([id, rebounds.get(id)]).toEqual([id, [s.reb, s.games]]);
        if (s.ast > 0) expect([id, assists.get(id)]).toEqual([id, [s.ast, s.games]]);
      }
      expect(sums.size).toBe(15);

      // 3. Standings: the group table served (from the results advancement applied, game by game)
      //    equals FIBA standings computed from scratch from the games' own results.
      const games = await ok(ctx.anon, 'GET', url('/games?pageSize=100'));
      const groupGames = games.items
        .filter((g: any) => g.competitionKey.startsWith('S1-'))
        .map((g: any) => ({
          id: g.competitionKey,
          homeTeamId: g.homeTeam.id,
          awayTeamId: g.awayTeam.id,
          homeScore: g.result.homeScore,
          awayScore: g.result.awayScore,
          state: 'final' as const,
          outcome: g.result.kind,
        }));
      const fromScratch = computeGroupStandings({ teamIds: [...kit.teams.values()], games: groupGames });
      const served = (await ok(ctx.anon, 'GET', url('/competition/standings'))).groups[0].official;
      expect(
        served.map((r: any) => [r.team.id, r.rank, r.classificationPoints, r.pointsFor, r.pointsAgainst, r.decidedBy]),
      ).toEqual(
        fromScratch.rows.map((r) => [
          r.teamId,
          r.rank,
          r.classificationPoints,
          r.pointsFor,
          r.pointsAgainst,
          r.decidedBy,
        ]),
      );
    },
    LONG,
  );

  it(
    'totals or lines that drifted are found and rewritten by the recompute',
    async () => {
      const tiger = playerId(p(虎, 1));
      const corrupt = async (sql: string) => {
        const db = new pg.Client({ connectionString: ctx.databaseUrl });
        await db.connect();
        try {
          await db.query(sql, [tiger, final.gameId]);
        } finally {
          await db.end();
        }
      };
      const top = async () => (await board('?category=points&basis=total&limit=1')).entries[0];

      // Kept totals off by 50: the leaders read them; the recompute over the lines finds the player.
      await corrupt(
        `UPDATE player_totals SET pts = pts + 50 WHERE player_id = $1 AND stage_id = 'KO' AND $2::uuid IS NOT NULL`,
      );
      expect(await top()).toMatchObject({ player: { id: tiger }, total: 86 });
      expect(await ok(ctx.http, 'POST', url('/leaders/rebuild'))).toMatchObject({
        changedGameIds: [],
        driftedPlayerIds: [tiger],
      });
      expect(await top()).toMatchObject({ player: { id: tiger }, total: 36 });

      // A stored line off by 50: replayed from the log, rewritten, and the totals made right again.
      await corrupt(`UPDATE player_game_line SET pts = pts + 50 WHERE player_id = $1 AND game_id = $2`);
      const rebuilt = await ok(ctx.http, 'POST', url('/leaders/rebuild'));
      expect(rebuilt.changedGameIds).toEqual([final.gameId]);
      expect(await top()).toMatchObject({ player: { id: tiger }, total: 36 });
      expect(await ok(ctx.http, 'POST', url('/leaders/rebuild'))).toMatchObject({
        changedGameIds: [],
        driftedPlayerIds: [],
      });
      expect((await ctx.anon('POST', url('/leaders/rebuild'))).status).toBe(401);
      const audit = await ok(ctx.http, 'GET', url('/audit?action=stats.lines_rebuilt'));
      expect(audit.total).toBe(4);
    },
    LONG,
  );

  it('documents the endpoints with examples: who may call them, Chinese labels', async () => {
    const doc = (await ctx.anon('GET', '/api/docs-json')).body;
    for (const [path, method] of [
      ['/api/v1/tournaments/{tournamentId}/leaders', 'get'],
      ['/api/v1/tournaments/{tournamentId}/leaders/rebuild', 'post'],
      ['/api/v1/tournaments/{tournamentId}/awards', 'get'],
      ['/api/v1/tournaments/{tournamentId}/awards/mvp-candidates', 'get'],
      ['/api/v1/tournaments/{tournamentId}/awards/sportsmanship', 'get'],
      ['/api/v1/tournaments/{tournamentId}/awards/decisions/{key}', 'put'],
      ['/api/v1/tournaments/{tournamentId}/awards/decisions/{key}', 'delete'],
      ['/api/v1/tournaments/{tournamentId}/awards/settings', 'put'],
    ] as const)
      expect([path, method, Boolean(doc.paths[path]?.[method])]).toEqual([path, method, true]);
    const schemas = doc.components.schemas;
    expect(schemas.LeaderEntryDto.properties.display.example).toBe('18.3');
    expect(schemas.PublishedAwardDto.properties.label.example).toBe('得分王');
    expect(schemas.StandingRowDto.properties.explanation).toBeDefined();
    expect(schemas.StandingsDto.properties.crossGroup).toBeDefined();
  });
});
