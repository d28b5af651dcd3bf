import { jest } from '@jest/globals';
import { CompetitionViews } from '../src/modules/competition/competition-views.service.js';
import { olympics2024MenGroupA } from '../src/domain/standings/fixtures/fiba-tournaments.js';
import { gameBetween, newKit, ok, playGame, setupCompetition, teamSlots, type Kit } from './support/played-games.js';
import { startTestApp, type LoggedIn, type TestContext } from './support/test-app.js';

/*
 * Issue 7, group standings through the API: a real FIBA group played in game by game, every place
 * with its reason and mini-table, live standings beside official ones, a tie only lots can break,
 * the best runner-up across groups, and games carried over from an earlier round.
 */

const LONG = 300_000;
const five = (team: string) => [1, 2, 3, 4, 5].map((i) => `${team}${i}号`);
const teamsOf = (names: string[]) => names.map((name) => ({ name, players: five(name) }));

describe('group standings (issue 7)', () => {
  let ctx: TestContext;
  let scorekeeper: LoggedIn;

  beforeAll(async () => {
    ctx = await startTestApp();
    scorekeeper = await ctx.newAccount('scorekeeper');
  }, LONG);
  afterAll(() => ctx?.close());

  const standings = (kit: Kit) => ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/standings`);
  const groupOf = async (kit: Kit, groupId: string) =>
    (await standings(kit)).groups.find((g: any) => g.groupId === groupId);
  /** Plays a score line between two teams (by name) in score-only mode. */
  const result = async (kit: Kit, home: string, hs: number, as: number, away: string, end = true) =>
    playGame(
      ctx,
      kit,
      await gameBetween(ctx, kit, home, away),
      [
        ['team', home, hs],
        ['team', away, as],
      ],
      { end },
    );

  it(
    'Olympics 2024 men’s Group A played through the API: three-way circle for 2nd-4th decided by head-to-head point difference',
    async () => {
      const fixture = olympics2024MenGroupA;
      const kit = await newKit(ctx, teamsOf(fixture.teamIds), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'S1',
          name: '小组赛',
          roundRobin: 'single',
          groups: [{ id: 'A', size: 4, entrants: teamSlots(kit, fixture.teamIds) }],
        },
      ]);
      for (const g of fixture.games) await result(kit, g.homeTeamId, g.homeScore, g.awayScore, g.awayTeamId);

      const group = await groupOf(kit, 'A');
      expect(group.complete).toBe(true);
      expect(group.official.map((r: any) => r.team.name)).toEqual(fixture.officialOrder);
      expect(group.official.map((r: any) => [r.rank, r.sharedRank, r.decidedBy])).toEqual([
        [1, false, 'classification_points'],
        [2, false, 'head_to_head_difference'],
        [3, false, 'head_to_head_difference'],
        [4, false, 'head_to_head_difference'],
      ]);
      expect(group.drawsNeeded).toEqual([]);

      // Canada 3-0 is placed by points alone: no mini-table.
      const [canada, australia, greece, spain] = group.official;
      expect(canada.miniTable).toBeNull();
      expect(canada.explanation.zh).toBe('积6分（3胜0负），按积分排名');
      // Each of the three says why: the games among them, Australia +6, Greece -1, Spain -5.
      for (const row of [australia, greece, spain]) {
        expect(row.classificationPoints).toBe(4);
        expect(row.miniTable.teams.map((t: any) => t.name)).toEqual(['Australia', 'Greece', 'Spain']);
        expect(row.miniTable.gameIds).toHaveLength(3);
        expect(row.miniTable.rows.map((m: any) => [m.team.name, m.wins, m.losses, m.pointDifference])).toEqual([
          ['Australia', 1, 1, 6],
          ['Greece', 1, 1, -1],
          ['Spain', 1, 1, -5],
        ]);
      }
      expect(greece.tiedWith.map((t: any) => t.name)).toEqual(['Australia', 'Spain']);
      expect(greece.explanation.zh).toBe('与Australia、Spain同积4分；3队相互间比赛净胜分：+6、-1、-5');
      expect(greece.explanation.en).toBe(
        'Level on 4 points with Australia, Spain; point difference in the games among the 3: +6, -1, -5',
      );
      // Overall difference would have put Spain (-8, more points scored) level with Greece (-8): FIBA does not look at it.
      expect([greece.pointDifference, spain.pointDifference]).toEqual([-8, -8]);
      // Nothing in progress: the live table is the official one.
      expect(group.live).toEqual(group.official);
      expect(group.liveIncludesGamesInProgress).toBe(false);
    },
    LONG,
  );

  it(
    'a crowd of fans asking for the standings at once shares a few reads, never one from before they asked',
    async () => {
      const kit = await newKit(ctx, teamsOf(['安吉队', '南浔队', '吴兴队']), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [{ id: 'A', size: 3, entrants: teamSlots(kit, ['安吉队', '南浔队', '吴兴队']) }],
        },
      ]);
      await result(kit, '安吉队', 30, 20, '南浔队');
      const reads = jest.spyOn(ctx.app.get(CompetitionViews), 'standings');
      try {
        const crowd = await Promise.all(Array.from({ length: 40 }, () => standings(kit)));
        expect(new Set(crowd.map((body) => JSON.stringify(body))).size).toBe(1);
        expect(crowd[0].groups[0].official[0].team.name).toBe('安吉队');
        expect(reads.mock.calls.length).toBeGreaterThan(0);
        expect(reads.mock.calls.length).toBeLessThan(40);

        // Asked after the next result committed: it is in the answer.
        await result(kit, '吴兴队', 40, 10, '南浔队');
        const pointsOf = (group: any, name: string) =>
          group.official.find((r: any) => r.team.name === name).classificationPoints;
        expect(pointsOf(crowd[0].groups[0], '吴兴队')).toBe(0);
        expect(pointsOf(await groupOf(kit, 'A'), '吴兴队')).toBe(2);

        // With credentials, every request reads for itself.
        reads.mockClear();
        await Promise.all(
          Array.from({ length: 5 }, () =>
            ok(ctx.http, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/standings`),
          ),
        );
        expect(reads.mock.calls.length).toBe(5);
      } finally {
        reads.mockRestore();
      }
    },
    LONG,
  );

  it(
    'shows live standings with a game in progress at its current score, marked, beside the official table; level teams share a rank until the group ends',
    async () => {
      const kit = await newKit(ctx, teamsOf(['湖州队', '德清队', '长兴队']), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [{ id: 'A', size: 3, entrants: teamSlots(kit, ['湖州队', '德清队', '长兴队']) }],
        },
      ]);
      await result(kit, '湖州队', 30, 20, '德清队');
      // 长兴队 leads 德清队 12:9 in the 1st period.
      await result(kit, '长兴队', 12, 9, '德清队', false);

      const group = await groupOf(kit, 'A');
      expect(group.complete).toBe(false);
      // Official: only the decided game; 长兴队 has no decided game yet (0 points).
      expect(group.official.map((r: any) => [r.rank, r.team.name, r.classificationPoints, r.includesLive])).toEqual([
        [1, '湖州队', 2, false],
        [2, '德清队', 1, false],
        [3, '长兴队', 0, false],
      ]);
      // Live: 长兴队 counted as winning 12:9 — level with 湖州队 on 2 points; 德清队 has lost twice.
      expect(group.liveIncludesGamesInProgress).toBe(true);
      const live = group.live.map((r: any) => [r.team.name, r.classificationPoints, r.includesLive]);
      expect(live).toEqual([
        ['湖州队', 2, false],
        ['长兴队', 2, true],
        ['德清队', 2, true],
      ]);
      // All three on 2 points: the games among them decide (湖州 +10, 长兴 +3, 德清 -13), as they would at the end.
      expect(group.live.map((r: any) => r.decidedBy)).toEqual([
        'head_to_head_difference',
        'head_to_head_difference',
        'head_to_head_difference',
      ]);
      expect(group.live[1].explanation.zh).toBe('与湖州队、德清队同积2分；3队相互间比赛净胜分：+10、+3、-13');

      // A group that has not started: everyone level, sharing 1st, no lots asked for.
      const fresh = await newKit(ctx, teamsOf(['甲队', '乙队']), scorekeeper);
      await setupCompetition(ctx, fresh, [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [{ id: 'A', size: 2, entrants: teamSlots(fresh, ['甲队', '乙队']) }],
        },
      ]);
      const empty = await groupOf(fresh, 'A');
      expect(empty.official.map((r: any) => [r.rank, r.sharedRank, r.decidedBy, r.needsDraw])).toEqual([
        [1, true, 'shared', false],
        [1, true, 'shared', false],
      ]);
      expect(empty.official[0].explanation.zh).toContain('暂时并列');
      expect(empty.drawsNeeded).toEqual([]);
    },
    LONG,
  );

  it(
    'flags a tie only lots can break for the organiser, who records the draw; only organisers may',
    async () => {
      const names = ['南浔队', '吴兴队', '安吉队'];
      const kit = await newKit(ctx, teamsOf(names), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [{ id: 'A', size: 3, entrants: teamSlots(kit, names) }],
        },
      ]);
      // A perfect circle: every team 1-1, +0 among the three and overall, 110 points scored.
      await result(kit, '南浔队', 60, 50, '吴兴队');
      await result(kit, '吴兴队', 60, 50, '安吉队');
      await result(kit, '安吉队', 60, 50, '南浔队');

      const group = await groupOf(kit, 'A');
      expect(group.complete).toBe(true);
      expect(group.official.map((r: any) => [r.rank, r.sharedRank, r.decidedBy, r.needsDraw])).toEqual([
        [1, true, 'draw', true],
        [1, true, 'draw', true],
        [1, true, 'draw', true],
      ]);
      expect(group.drawsNeeded.map((set: any[]) => set.map((t) => t.name).sort())).toEqual([[...names].sort()]);
      expect(group.official[0].explanation.zh).toContain('需由组委会抽签决定');

      const order = ['吴兴队', '安吉队', '南浔队'].map((n) => kit.teams.get(n));
      const lotsUrl = `/api/v1/tournaments/${kit.tournamentId}/competition/lots`;
      expect((await ctx.anon('POST', lotsUrl, { scope: 'group', groupId: 'A', order })).status).toBe(401);
      await ok(ctx.http, 'POST', lotsUrl, { scope: 'group', groupId: 'A', order });
      const drawn = await groupOf(kit, 'A');
      expect(drawn.official.map((r: any) => [r.rank, r.team.name, r.decidedBy, r.needsDraw])).toEqual([
        [1, '吴兴队', 'draw', false],
        [2, '安吉队', 'draw', false],
        [3, '南浔队', 'draw', false],
      ]);
      expect(drawn.drawsNeeded).toEqual([]);
      expect(drawn.official[0].explanation.zh).toContain('经抽签决定');
    },
    LONG,
  );

  it(
    'ranks runners-up across groups of different sizes by win ratio (best runner-up), the table a slot reads',
    async () => {
      const kit = await newKit(ctx, teamsOf(['A1队', 'A2队', 'A3队', 'B1队', 'B2队']), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'S1',
          roundRobin: 'single',
          groups: [
            { id: 'A', size: 3, entrants: teamSlots(kit, ['A1队', 'A2队', 'A3队']) },
            { id: 'B', size: 2, entrants: teamSlots(kit, ['B1队', 'B2队']) },
          ],
        },
        {
          kind: 'knockout',
          id: 'KO',
          entrants: [
            { kind: 'group_place', groupId: 'A', place: 1 },
            { kind: 'group_place', groupId: 'B', place: 1 },
            { kind: 'best_placed', stageId: 'S1', place: 2, rank: 1 },
            { kind: 'group_place', groupId: 'A', place: 3 },
          ],
        },
      ]);
      await result(kit, 'A1队', 40, 30, 'A2队');
      await result(kit, 'A2队', 35, 30, 'A3队');
      await result(kit, 'A1队', 40, 20, 'A3队');
      // B2 loses by a single point: a better difference per game (-1) than A2 (-2.5), but no win.
      await result(kit, 'B1队', 31, 30, 'B2队');

      const all = await standings(kit);
      const runnersUp = all.crossGroup.find((t: any) => t.stageId === 'S1' && t.place === 2);
      expect(runnersUp).toMatchObject({ decidesSlots: true, final: true, unplacedGroupIds: [] });
      expect(runnersUp.ranking.map((r: any) => [r.rank, r.team.name, r.groupId, r.decidedBy])).toEqual([
        [1, 'A2队', 'A', 'win_ratio'],
        [2, 'B2队', 'B', 'draw'],
      ]);
      const winners = all.crossGroup.find((t: any) => t.stageId === 'S1' && t.place === 1);
      expect(winners.decidesSlots).toBe(false);
      // The knockout reads the same table: A2 is the best runner-up.
      const bracket = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition/bracket`);
      const seeds = bracket.stages.find((s: any) => s.id === 'KO').seeding.map((s: any) => s.team?.name);
      expect(seeds).toContain('A2队');
      expect(seeds).not.toContain('B2队');
    },
    LONG,
  );

  it(
    'counts games carried over from an earlier round: the pair does not meet again and its earlier game decides their tie',
    async () => {
      const kit = await newKit(ctx, teamsOf(['E1队', 'E2队', 'F1队', 'F2队']), scorekeeper);
      await setupCompetition(ctx, kit, [
        {
          kind: 'group',
          id: 'R1',
          name: '第一阶段',
          roundRobin: 'single',
          groups: [
            { id: 'E', size: 2, entrants: teamSlots(kit, ['E1队', 'E2队']) },
            { id: 'F', size: 2, entrants: teamSlots(kit, ['F1队', 'F2队']) },
          ],
        },
        {
          kind: 'group',
          id: 'R2',
          name: '第二阶段',
          roundRobin: 'single',
          carryOver: 'among_group',
          groups: [
            {
              id: 'K',
              size: 4,
              entrants: [
                { kind: 'group_place', groupId: 'E', place: 1 },
                { kind: 'group_place', groupId: 'E', place: 2 },
                { kind: 'group_place', groupId: 'F', place: 1 },
                { kind: 'group_place', groupId: 'F', place: 2 },
              ],
            },
          ],
        },
      ]);
      // Two first-round games, and four second-round games (E v F only): six, not eight.
      expect(kit.games.size).toBe(6);
      const competition = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/competition`);
      expect(competition.stages[1]).toMatchObject({ id: 'R2', carryOver: 'among_group' });

      await result(kit, 'E1队', 50, 40, 'E2队');
      await result(kit, 'F2队', 45, 44, 'F1队');
      await result(kit, 'E1队', 40, 30, 'F2队');
      await result(kit, 'F1队', 42, 41, 'E1队');
      await result(kit, 'E2队', 40, 35, 'F1队');
      await result(kit, 'E2队', 40, 35, 'F2队');

      const k = await groupOf(kit, 'K');
      expect(k.complete).toBe(true);
      expect(k.carriedOverGameIds.sort()).toEqual([...kit.games.keys()].filter((id) => id.startsWith('R1-')).sort());
      // E1 and E2 both 2-1 (5 points): E1 beat E2 in the first round, and that game counts here.
      expect(k.official.map((r: any) => [r.rank, r.team.name, r.played, r.classificationPoints, r.decidedBy])).toEqual([
        [1, 'E1队', 3, 5, 'head_to_head_points'],
        [2, 'E2队', 3, 5, 'head_to_head_points'],
        [3, 'F2队', 3, 4, 'head_to_head_points'],
        [4, 'F1队', 3, 4, 'head_to_head_points'],
      ]);
      const e2 = k.official[1];
      expect(e2.miniTable.gameIds).toEqual([[...kit.games.keys()].find((id) => id.startsWith('R1-E'))]);
    },
    LONG,
  );
});
