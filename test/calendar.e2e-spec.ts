import ICAL from 'ical.js';
import { newKit, ok, type Kit } from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const LONG = 300_000;

interface Feed {
  calendar: ICAL.Component;
  events: ICAL.Event[];
  text: string;
  type: string;
}

describe('calendar feeds a phone subscribes to (issue 16)', () => {
  let ctx: TestContext;
  let kit: Kit;
  const names = ['湖州一队', '湖州二队', '湖州三队', '湖州四队'];
  const base = () => `/api/v1/tournaments/${kit.tournamentId}/competition`;

  /** Reads a feed with ical.js, as a calendar app would, its time zone registered from the feed itself. */
  const feed = async (path: string): Promise<Feed> => {
    const res = await fetch(`${ctx.baseUrl}${path}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    return { calendar, events, text, type: res.headers.get('content-type') ?? '' };
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    kit = await newKit(
      ctx,
      names.map((n, i) => ({ name: n, players: [1, 2, 3, 4, 5].map((j) => `队${i}员${j}`) })),
    );
    await ok(ctx.http, 'PATCH', `/api/v1/tournaments/${kit.tournamentId}`, { venue: '湖州市奥体中心' });
    await ok(ctx.http, 'PUT', base(), {
      stages: [
        {
          kind: 'knockout',
          id: 'KO',
          name: '淘汰赛',
          thirdPlaceGame: true,
          entrants: names.map((n) => ({ kind: 'team', teamId: kit.teams.get(n) })),
        },
      ],
    });
    await ok(ctx.http, 'PUT', `${base()}/courts`, {
      courts: [
        { id: 'c1', name: '1号场', windows: [{ start: '2024-05-11T08:00', end: '2024-05-11T22:00' }] },
        { id: 'c2', name: '2号场', windows: [{ start: '2024-05-11T08:00', end: '2024-05-11T22:00' }] },
      ],
    });
    await ok(ctx.http, 'POST', `${base()}/schedule`, { slotMinutes: 90, minRestMinutes: 0 });
    const generated = await ok(ctx.http, 'POST', `${base()}/games`);
    for (const g of generated.games) kit.games.set(g.gameId, g.id);
  }, LONG);

  afterAll(() => ctx?.close());

  it(
    'lists every game with its time in the tournament’s zone, venue and court, teams and a stable UID',
    async () => {
      const schedule = await ok(ctx.anon, 'GET', `${base()}/schedule`);
      const f = await feed(`/api/v1/tournaments/${kit.tournamentId}/calendar.ics`);
      expect(f.type).toBe('text/calendar; charset=utf-8');
      expect(f.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      expect(f.calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
      expect(f.calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
      expect(f.events).toHaveLength(schedule.games.length);

      for (const planned of schedule.games) {
        const gameId = kit.games.get(planned.gameId)!;
        const event = f.events.find((e) => e.uid === `${gameId}@courtside`)!;
        expect(event).toBeDefined();
        expect(event.startDate.zone.tzid).toBe('Asia/Shanghai');
        // The venue's wall clock, and the instant it means (UTC+8).
        expect(event.startDate.toString()).toBe(`${planned.start}:00`);
        expect(event.startDate.toJSDate().toISOString()).toBe(
          new Date(Date.parse(`${planned.start}:00+08:00`)).toISOString(),
        );
        expect(event.endDate.toString()).toBe(`${planned.end}:00`);
        expect(event.location).toBe(`湖州市奥体中心 ${planned.courtName}`);
        if (planned.home.team) expect(event.summary).toBe(`${planned.home.team.name} vs ${planned.away.team.name}`);
        expect(event.sequence).toBeGreaterThanOrEqual(1);
      }
      const semi = f.events.find((e) => e.uid === `${kit.games.get('SF1')}@courtside`)!;
      const sf = schedule.games.find((g: any) => g.gameId === 'SF1');
      expect(semi.summary).toBe(`${sf.home.team.name} vs ${sf.away.team.name}`);
      // The round as people name it, not only the structure's id.
      expect(semi.description).toContain('轮次：半决赛1');
      const final = f.events.find((e) => e.uid === `${kit.games.get('F')}@courtside`)!;
      expect(final.description).toContain('轮次：决赛');
    },
    LONG,
  );

  it(
    'moves a game in place (same UID, later time, higher SEQUENCE) and shows the result once decided',
    async () => {
      const before = await feed(`/api/v1/tournaments/${kit.tournamentId}/calendar.ics`);
      // The final: nothing depends on it, so it may go later in the day.
      const gameId = kit.games.get('F')!;
      const old = before.events.find((e) => e.uid === `${gameId}@courtside`)!;
      await ok(ctx.http, 'POST', `${base()}/schedule/moves`, {
        gameId: 'F',
        courtId: 'c2',
        start: '2024-05-11T18:30',
      });

      const after = await feed(`/api/v1/tournaments/${kit.tournamentId}/calendar.ics`);
      expect(after.events).toHaveLength(before.events.length);
      const moved = after.events.filter((e) => e.uid === `${gameId}@courtside`);
      expect(moved).toHaveLength(1);
      expect(moved[0]!.startDate.toString()).toBe('2024-05-11T18:30:00');
      expect(moved[0]!.endDate.toString()).toBe('2024-05-11T20:00:00');
      expect(moved[0]!.location).toBe('湖州市奥体中心 2号场');
      expect(moved[0]!.sequence).toBeGreaterThan(old.sequence);
      const stamp = (e: ICAL.Event) => e.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp(moved[0]!).compare(stamp(old))).toBeGreaterThanOrEqual(0);

      // A forfeit decides SF1: the result is in the summary.
      const sf1 = await ok(ctx.anon, 'GET', `/api/v1/games/${kit.games.get('SF1')}`);
      await ok(ctx.http, 'POST', `/api/v1/games/${sf1.id}/transitions`, { to: 'forfeit', teamId: sf1.awayTeam.id });
      const decided = await feed(`/api/v1/tournaments/${kit.tournamentId}/calendar.ics`);
      const final = decided.events.find((e) => e.uid === `${sf1.id}@courtside`)!;
      expect(final.summary).toBe(`${sf1.homeTeam.name} 20:0 ${sf1.awayTeam.name}`);
      expect(final.description).toContain('弃权');
    },
    LONG,
  );

  it(
    'gives a team only its own games, and follows the tournament’s time zone setting',
    async () => {
      const sf1 = await ok(ctx.anon, 'GET', `/api/v1/games/${kit.games.get('SF1')}`);
      const teamId = sf1.homeTeam.id;
      const team = await feed(`/api/v1/teams/${teamId}/calendar.ics`);
      const games = (await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/games?pageSize=100`)).items;
      const own = games.filter((g: any) => (g.homeTeam?.id === teamId || g.awayTeam?.id === teamId) && g.scheduledAt);
      expect(team.events.map((e) => e.uid).sort()).toEqual(own.map((g: any) => `${g.id}@courtside`).sort());
      expect(team.calendar.getFirstPropertyValue('x-wr-calname')).toContain(sf1.homeTeam.name);

      const refused = await ctx.http('PATCH', `/api/v1/tournaments/${kit.tournamentId}`, {
        rules: { timeZone: 'Mars/Olympus' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'rules.timeZone' })]);
      const t = await ok(ctx.http, 'PATCH', `/api/v1/tournaments/${kit.tournamentId}`, {
        rules: { timeZone: 'Asia/Urumqi' },
      });
      expect(t.rules.timeZone).toBe('Asia/Urumqi');
      const west = await feed(`/api/v1/tournaments/${kit.tournamentId}/calendar.ics`);
      const event = west.events.find((e) => e.uid === `${sf1.id}@courtside`)!;
      expect(event.startDate.zone.tzid).toBe('Asia/Urumqi');
      // Same wall clock, two hours later as an instant (UTC+6).
      expect(event.startDate.toJSDate().toISOString()).toBe(
        new Date(Date.parse(`${sf1.scheduledAt}:00+06:00`)).toISOString(),
      );
    },
    LONG,
  );
});
