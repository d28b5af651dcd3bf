import { randomUUID } from 'node:crypto';
import { factories } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

/*
 * Issue 17, schedule quality through the API: the 2024 Huzhou event with the final fixed at 19:30 on
 * the last day. Groups keep to day 1, the semi-finals open day 2, the 3rd-place game comes right
 * before the final; the response carries the quality figures; a game moved by hand stays put when
 * the schedule is generated again.
 */
const LONG = 300_000;
const TEAMS = [
  '南浔彩蝶队',
  '德清依蓄队',
  '吴兴新凤鸣队',
  '安吉白茶队',
  '长兴天顺物流队',
  '南太湖新区星火队',
  '吴兴织里童装队',
  '德清乾元篮球队',
  '长兴太湖湾队',
  '安吉竹海队',
];
const COURTS = [
  {
    id: 'main',
    name: '主场',
    windows: [
      { start: '2024-05-01T08:30', end: '2024-05-01T21:30' },
      { start: '2024-05-02T13:00', end: '2024-05-02T21:30' },
    ],
  },
  {
    id: 'side',
    name: '副场',
    windows: [
      { start: '2024-05-01T08:30', end: '2024-05-01T21:30' },
      { start: '2024-05-02T13:00', end: '2024-05-02T18:00' },
    ],
  },
];
const FINAL_AT_1930 = {
  slotMinutes: 90,
  minRestMinutes: 60,
  games: [{ gameId: 'F', fixed: { courtId: 'main', start: '2024-05-02T19:30' } }],
};

describe('schedule quality (issue 17)', () => {
  let ctx: TestContext;
  let base: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    const f = factories(ctx);
    const t = await f.newTournament({ name: `湖州工BA 排程 ${randomUUID().slice(0, 6)}` });
    const ids: string[] = [];
    for (const name of TEAMS) ids.push((await f.newTeam(t.id, { name })).id);
    base = `/api/v1/tournaments/${t.id}/competition`;
    await ok('PUT', base, { huzhou2024: 'three_groups_best_runner_up' });
    await ok('PUT', `${base}/courts`, { courts: COURTS });
    await ok('POST', `${base}/draw`, {
      method: 'hand',
      groups: [
        { groupId: 'A', teamIds: ids.slice(0, 4) },
        { groupId: 'B', teamIds: ids.slice(4, 7) },
        { groupId: 'C', teamIds: ids.slice(7, 10) },
      ],
    });
  }, LONG);
  afterAll(() => ctx?.close());

  async function ok(method: string, url: string, body?: unknown) {
    const res = await ctx.http(method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it(
    'keeps the groups to day 1, opens day 2 with both semi-finals and puts the 3rd-place game right before the final, with its figures',
    async () => {
      const built = await ok('POST', `${base}/schedule`, FINAL_AT_1930);
      const at = new Map<string, any>(built.games.map((g: any) => [g.gameId, g]));
      for (const g of built.games.filter((x: any) => x.stageId === 'S1'))
        expect(g.start.slice(0, 10)).toBe('2024-05-01');
      expect(at.get('SF1').start).toBe('2024-05-02T13:00');
      expect(at.get('SF2').start).toBe('2024-05-02T13:00');
      expect(at.get('3P')).toMatchObject({ start: '2024-05-02T17:00', end: '2024-05-02T18:30', stageId: 'KO' });
      expect(at.get('F')).toMatchObject({
        start: '2024-05-02T19:30',
        courtId: 'main',
        fixed: true,
        movedByHand: false,
      });

      expect(built.quality).toMatchObject({
        daysUsed: 2,
        days: ['2024-05-01', '2024-05-02'],
        firstStart: '2024-05-01T08:30',
        lastEnd: '2024-05-02T21:00',
        stagesOnNewDays: true,
        brokenRules: 0,
      });
      expect(built.quality.idleCourtMinutes).toEqual(expect.any(Number));
      expect(built.quality.backToBackCount).toEqual(expect.any(Number));
      expect(built.quality.teams).toHaveLength(10);
      for (const t of built.quality.teams) {
        expect(TEAMS).toContain(t.team.name);
        expect(t.shortestRestMinutes).toBeGreaterThanOrEqual(60);
      }
      expect(built.settings).toMatchObject({ newDayForNewStage: true, stageDays: [] });
      // Reading the schedule gives the same figures.
      const read = await ctx.anon('GET', `${base}/schedule`);
      expect(read.status).toBe(200);
      expect(read.body.quality).toEqual(built.quality);
    },
    LONG,
  );

  it(
    'a game moved by hand keeps its slot when the schedule is generated again, unless the organiser lets it go',
    async () => {
      const before = await ok('GET', `${base}/schedule`);
      const last = before.games.filter((g: any) => g.stageId === 'S1').at(-1);
      const later = `2024-05-01T${String(Number(last.end.slice(11, 13)) + 1).padStart(2, '0')}:${last.end.slice(14)}`;
      const moved = await ok('POST', `${base}/schedule/moves`, {
        gameId: last.gameId,
        courtId: last.courtId,
        start: later,
      });
      expect(moved.games.find((g: any) => g.gameId === last.gameId)).toMatchObject({
        start: later,
        movedByHand: true,
        fixed: false,
      });
      const again = await ok('POST', `${base}/schedule`, FINAL_AT_1930);
      expect(again.games.find((g: any) => g.gameId === last.gameId)).toMatchObject({ start: later, movedByHand: true });
      expect(again.quality.brokenRules).toBe(0);
      const released = await ok('POST', `${base}/schedule`, { ...FINAL_AT_1930, keepMovedGames: false });
      expect(released.games.find((g: any) => g.gameId === last.gameId)).toMatchObject({
        start: last.start,
        movedByHand: false,
      });
    },
    LONG,
  );

  it(
    'keeps explicit stage days, and refuses unknown stages or reversed days naming the field',
    async () => {
      const wrong = await ctx.http('POST', `${base}/schedule`, {
        ...FINAL_AT_1930,
        stageDays: [
          { stageId: 'XX', first: '2024-05-01', last: '2024-05-01' },
          { stageId: 'KO', first: '2024-05-02', last: '2024-05-01' },
        ],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('COMPETITION_SCHEDULE_OPTIONS_INVALID');
      expect(wrong.body.details.map((d: any) => d.field)).toEqual(['stageDays[0].stageId', 'stageDays[1].last']);

      // Without the new-day rule, only the explicit days keep the knockout off day 1.
      const kept = await ok('POST', `${base}/schedule`, {
        ...FINAL_AT_1930,
        newDayForNewStage: false,
        stageDays: [{ stageId: 'KO', first: '2024-05-02', last: '2024-05-02' }],
      });
      for (const g of kept.games.filter((x: any) => x.stageId === 'KO'))
        expect(g.start.slice(0, 10)).toBe('2024-05-02');
      expect(kept.settings.stageDays).toEqual([{ stageId: 'KO', first: '2024-05-02', last: '2024-05-02' }]);

      // A knockout squeezed into day 1 cannot be held there: refused, with the days named.
      const squeezed = await ctx.http('POST', `${base}/schedule`, {
        ...FINAL_AT_1930,
        stageDays: [{ stageId: 'KO', first: '2024-05-01', last: '2024-05-01' }],
      });
      expect(squeezed.status).toBe(400);
      expect(squeezed.body.code).toBe('SCHEDULE_INFEASIBLE');
    },
    LONG,
  );
});
