import pg from 'pg';
import { factories, nationalId } from './support/factories.js';
import { startTestApp, type TestContext } from './support/test-app.js';

describe('registration API', () => {
  let ctx: TestContext;
  let f: ReturnType<typeof factories>;
  beforeAll(async () => {
    ctx = await startTestApp();
    f = factories(ctx);
  });
  afterAll(() => ctx?.close());

  describe('errors have one shape', () => {
    it('names each bad field and echoes the request id', async () => {
      const res = await ctx.http(
        'POST',
        '/api/v1/units',
        { name: '', kind: 'club' },
        { 'x-request-id': 'req-12345678' },
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        requestId: 'req-12345678',
      });
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'name', reason: 'must not be empty' },
          expect.objectContaining({ field: 'kind', reason: expect.stringContaining('must be one of') }),
        ]),
      );
      expect(res.headers['x-request-id']).toBe('req-12345678');
    });

    it('refuses unknown fields instead of dropping them (mass assignment)', async () => {
      const res = await ctx.http('POST', '/api/v1/units', {
        name: '某单位',
        kind: 'enterprise',
        id: '00000000-0000-4000-8000-000000000000',
        role: 'admin',
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'id', reason: 'is not an accepted field' },
          { field: 'role', reason: 'is not an accepted field' },
        ]),
      );
    });

    it('answers malformed JSON, wrong ids and unknown routes in the same shape', async () => {
      const bad = await ctx.http('POST', '/api/v1/units', '{"name": ', { 'content-type': 'application/json' });
      expect(bad.status).toBe(400);
      expect(bad.body.requestId).toEqual(expect.any(String));
      const id = await ctx.http('GET', '/api/v1/units/not-a-uuid');
      expect(id.status).toBe(400);
      expect(id.body.details).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
      const missing = await ctx.http('GET', '/api/v1/nothing-here');
      expect(missing).toMatchObject({ status: 404, body: { statusCode: 404, details: [] } });
    });

    it('refuses control characters in names (never a 500)', async () => {
      const res = await ctx.http('POST', '/api/v1/units', { name: 'a\u0000b', kind: 'enterprise' });
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual({ field: 'name', reason: 'must not contain control characters' });
    });

    it('sends security headers', async () => {
      const res = await ctx.http('GET', '/api/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });

  describe('units', () => {
    it('round-trips Chinese names byte for byte, including characters outside the BMP', async () => {
      const name = '吉林𠮷野家职工联合会·测试';
      const unit = await f.newUnit({ name, shortName: '𠮷野' });
      const again = await ctx.http('GET', `/api/v1/units/${unit.id}`);
      expect(Buffer.from(again.body.name, 'utf8').equals(Buffer.from(name, 'utf8'))).toBe(true);
      expect(again.body.shortName).toBe('𠮷野');
    });

    it('refuses a duplicate name with 409 naming the field', async () => {
      await f.newUnit({ name: '南太湖新区总工会', kind: 'district_union' });
      const res = await ctx.http('POST', '/api/v1/units', { name: '南太湖新区总工会', kind: 'district_union' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'UNIT_NAME_TAKEN', details: [{ field: 'name' }] });
    });

    it('nests units and refuses a cycle', async () => {
      const county = await f.newUnit({ name: '德清县总工会', kind: 'county_union' });
      const firm = await f.newUnit({ name: '德清依蓄科技', kind: 'enterprise', parentId: county.id });
      expect(firm.parentId).toBe(county.id);
      const cycle = await ctx.http('PATCH', `/api/v1/units/${county.id}`, { parentId: firm.id });
      expect(cycle.status).toBe(400);
      expect(cycle.body).toMatchObject({ code: 'UNIT_PARENT_CYCLE', details: [{ field: 'parentId' }] });
      const missingParent = await ctx.http('POST', '/api/v1/units', {
        name: '孤儿单位',
        kind: 'enterprise',
        parentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(missingParent.status).toBe(400);
      expect(missingParent.body.details[0].field).toBe('parentId');
      const children = await ctx.http('GET', `/api/v1/units?parentId=${county.id}`);
      expect(children.body.items.map((u: { name: string }) => u.name)).toEqual(['德清依蓄科技']);
    });

    it('refuses a null name on update instead of failing in the database', async () => {
      const unit = await f.newUnit();
      const res = await ctx.http('PATCH', `/api/v1/units/${unit.id}`, { name: null });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('name');
    });
  });

  describe('tournaments', () => {
    it('takes FIBA defaults and merges rule changes', async () => {
      const host = await f.newUnit({ name: '湖州市总工会', kind: 'federation' });
      const t = await f.newTournament({
        name: '湖州市首届非公企业职工篮球赛',
        hostUnitId: host.id,
        venue: '湖州市工人文化宫',
      });
      expect(t.rules).toMatchObject({
        periods: 4,
        periodMinutes: 10,
        overtimeMinutes: 5,
        rosterMin: 5,
        rosterMax: 12,
        rosterLocksAt: null,
      });
      expect(t.rules.timeouts).toEqual({ firstHalf: 2, secondHalf: 3, lastTwoMinutesMax: 2, perOvertime: 1 });
      expect(t.status).toBe('registration');
      const changed = await ctx.http('PATCH', `/api/v1/tournaments/${t.id}`, {
        rules: { periodMinutes: 8, timeouts: { firstHalf: 1 } },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.rules).toMatchObject({
        periodMinutes: 8,
        periods: 4,
        timeouts: { firstHalf: 1, secondHalf: 3 },
      });
    });

    it('names nested rule fields and impossible combinations', async () => {
      const nested = await ctx.http('POST', '/api/v1/tournaments', {
        name: 'x',
        season: '2024',
        startsOn: '2024-05-11',
        endsOn: '2024-05-19',
        rules: { periodMinutes: 0, timeouts: { firstHalf: 'two' }, quarters: 4 },
      });
      expect(nested.status).toBe(400);
      const fields = nested.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['rules.periodMinutes', 'rules.timeouts.firstHalf', 'rules.quarters']),
      );
      const combo = await ctx.http('POST', '/api/v1/tournaments', {
        name: 'x',
        season: '2024',
        startsOn: '2024-05-11',
        endsOn: '2024-05-19',
        rules: { rosterMin: 10, rosterMax: 8 },
      });
      expect(combo.status).toBe(400);
      expect(combo.body).toMatchObject({ code: 'TOURNAMENT_RULES_INVALID', details: [{ field: 'rules.rosterMin' }] });
      const dates = await ctx.http('POST', '/api/v1/tournaments', {
        name: 'x',
        season: '2024',
        startsOn: '2024-05-19',
        endsOn: '2024-05-11',
      });
      expect(dates.body).toMatchObject({ statusCode: 400, details: [{ field: 'endsOn' }] });
      const badDate = await ctx.http('POST', '/api/v1/tournaments', {
        name: 'x',
        season: '2024',
        startsOn: '2024-02-30',
        endsOn: '2024-05-11',
      });
      expect(badDate.body.details[0].field).toBe('startsOn');
    });
  });

  describe('teams and rosters', () => {
    it('a team that has games cannot be withdrawn until they are removed (409, nothing deleted)', async () => {
      const t = await f.newTournament();
      const home = await f.newTeam(t.id);
      const away = await f.newTeam(t.id);
      await f.newGame(t.id, { homeTeamId: home.id, awayTeamId: away.id });
      const res = await ctx.http('DELETE', `/api/v1/teams/${home.id}`);
      expect(res).toMatchObject({
        status: 409,
        body: { code: 'TEAM_HAS_GAMES', details: [{ field: 'id', reason: 'is in 1 game(s)' }] },
      });
      expect((await ctx.http('GET', `/api/v1/teams/${home.id}`)).status).toBe(200);
      const lonely = await f.newTeam(t.id);
      expect((await ctx.http('DELETE', `/api/v1/teams/${lonely.id}`)).status).toBe(204);
    });

    it('sorts teams by pinyin, finds them by initials, and pages', async () => {
      const t = await f.newTournament();
      for (const name of ['南浔彩蝶队', '德清依蓄队', '长兴天顺物流队', '德清乾元篮球队', '吴兴新凤鸣队', '安吉白茶队'])
        await f.newTeam(t.id, { name });
      const page1 = await ctx.http('GET', `/api/v1/tournaments/${t.id}/teams?pageSize=4`);
      expect(page1.body.total).toBe(6);
      expect(page1.body.items.map((x: { name: string }) => x.name)).toEqual([
        '安吉白茶队',
        '长兴天顺物流队',
        '德清乾元篮球队',
        '德清依蓄队',
      ]);
      const page2 = await ctx.http('GET', `/api/v1/tournaments/${t.id}/teams?pageSize=4&page=2`);
      expect(page2.body.items.map((x: { name: string }) => x.name)).toEqual(['南浔彩蝶队', '吴兴新凤鸣队']);
      const search = await ctx.http('GET', `/api/v1/tournaments/${t.id}/teams?q=${encodeURIComponent('dq')}`);
      expect(search.body.items.map((x: { name: string }) => x.name).sort()).toEqual(
        ['德清乾元篮球队', '德清依蓄队'].sort(),
      );
      const byChars = await ctx.http('GET', `/api/v1/tournaments/${t.id}/teams?q=${encodeURIComponent('彩蝶')}`);
      expect(byChars.body.items.map((x: { name: string }) => x.name)).toEqual(['南浔彩蝶队']);
      const badPage = await ctx.http('GET', `/api/v1/tournaments/${t.id}/teams?pageSize=1000`);
      expect(badPage.body.details[0].field).toBe('pageSize');
    });

    it('refuses a team for a unit that does not exist, a duplicate name, and a bad colour', async () => {
      const t = await f.newTournament();
      const noUnit = await ctx.http('POST', `/api/v1/tournaments/${t.id}/teams`, {
        name: '无单位队',
        unitId: '00000000-0000-4000-8000-000000000000',
      });
      expect(noUnit.body).toMatchObject({ statusCode: 400, details: [{ field: 'unitId' }] });
      await f.newTeam(t.id, { name: '南浔彩蝶队' });
      const dup = await f.newUnit();
      const again = await ctx.http('POST', `/api/v1/tournaments/${t.id}/teams`, { name: '南浔彩蝶队', unitId: dup.id });
      expect(again.body).toMatchObject({ statusCode: 409, code: 'TEAM_NAME_TAKEN', details: [{ field: 'name' }] });
      const colour = await ctx.http('POST', `/api/v1/tournaments/${t.id}/teams`, {
        name: '彩色队',
        unitId: dup.id,
        primaryColor: 'red',
      });
      expect(colour.body.details[0]).toEqual({ field: 'primaryColor', reason: 'must be a colour such as #1E4FA0' });
    });

    it('keeps jerseys 0-99 unique within a team and never returns the ID number', async () => {
      const t = await f.newTournament();
      const team = await f.newTeam(t.id);
      const p = await f.newPlayer(team.id, {
        name: '王磊',
        jerseyNumber: 0,
        position: 'PG',
        nationalId: nationalId(1),
      });
      expect(p).toMatchObject({ name: '王磊', jerseyNumber: 0, hasNationalId: true });
      expect(JSON.stringify(p)).not.toContain(nationalId(1));
      expect(p.nationalIdHash).toBeUndefined();
      const dup = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, { name: '李强', jerseyNumber: 0 });
      expect(dup.body).toMatchObject({
        statusCode: 409,
        code: 'PLAYER_JERSEY_TAKEN',
        details: [{ field: 'jerseyNumber', reason: expect.stringContaining('王磊') }],
      });
      const range = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, { name: '李强', jerseyNumber: 100 });
      expect(range.body.details[0]).toEqual({ field: 'jerseyNumber', reason: 'must not be greater than 99' });
      // The rule broken travels beside the details, for pages that word the reason themselves.
      expect(range.body.context.rules).toEqual([{ index: 0, field: 'jerseyNumber', rule: 'max', limit: 99 }]);
      const text = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, { name: '李强', jerseyNumber: '7' });
      expect(text.body.details[0].field).toBe('jerseyNumber');
      const badId = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, {
        name: '李强',
        jerseyNumber: 8,
        nationalId: '330501199001011231',
      });
      expect(badId.body).toMatchObject({
        statusCode: 400,
        code: 'PLAYER_NATIONAL_ID_INVALID',
        details: [{ field: 'nationalId' }],
      });
      const db = new pg.Client(ctx.databaseUrl);
      await db.connect();
      const stored = await db.query('SELECT national_id_hash FROM player WHERE id = $1', [p.id]);
      await db.end();
      expect(stored.rows[0].national_id_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0].national_id_hash).not.toContain('330501');
    });

    it('lets one person play for at most one team per tournament', async () => {
      const t = await f.newTournament();
      const a = await f.newTeam(t.id, { name: '德清依蓄队' });
      const b = await f.newTeam(t.id, { name: '德清乾元篮球队' });
      await f.newPlayer(a.id, { nationalId: nationalId(7) });
      const res = await ctx.http('POST', `/api/v1/teams/${b.id}/players`, {
        name: '张伟',
        jerseyNumber: 5,
        nationalId: nationalId(7).toLowerCase(),
      });
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'PLAYER_ALREADY_REGISTERED',
        details: [{ field: 'nationalId', reason: expect.stringContaining('德清依蓄队') }],
      });
      const other = await f.newTournament();
      const c = await f.newTeam(other.id);
      expect(
        (
          await ctx.http('POST', `/api/v1/teams/${c.id}/players`, {
            name: '张伟',
            jerseyNumber: 5,
            nationalId: nationalId(7),
          })
        ).status,
      ).toBe(201);
    });

    it('holds at most rosterMax players', async () => {
      const t = await f.newTournament({ rules: { rosterMax: 6 } });
      const team = await f.newTeam(t.id);
      for (let i = 1; i <= 6; i++) await f.newPlayer(team.id, { jerseyNumber: i });
      const res = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, { name: '第七人', jerseyNumber: 77 });
      expect(res.body).toMatchObject({ statusCode: 409, code: 'ROSTER_FULL' });
      expect((await ctx.http('GET', `/api/v1/teams/${team.id}`)).body.rosterSize).toBe(6);
    });

    it('starts only with complete rosters, then locks them unless an organiser overrides (recorded)', async () => {
      const t = await f.newTournament();
      const full = await f.newTeam(t.id, { name: '长兴天顺物流队' });
      const short = await f.newTeam(t.id, { name: '德清乾元篮球队' });
      for (let i = 1; i <= 5; i++) await f.newPlayer(full.id, { jerseyNumber: i });
      for (let i = 1; i <= 4; i++) await f.newPlayer(short.id, { jerseyNumber: i });
      const refused = await ctx.http('POST', `/api/v1/tournaments/${t.id}/start`);
      expect(refused.body).toMatchObject({
        statusCode: 400,
        code: 'TOURNAMENT_NOT_READY',
        details: [{ field: `teams[${short.id}]`, reason: expect.stringContaining('德清乾元篮球队 has 4 players') }],
      });
      const fifth = await f.newPlayer(short.id, { jerseyNumber: 5 });
      const started = await ctx.http('POST', `/api/v1/tournaments/${t.id}/start`);
      expect(started.body).toMatchObject({ status: 'in_progress', rosterLock: { locked: true } });

      const locked = await ctx.http('POST', `/api/v1/teams/${short.id}/players`, { name: '替补', jerseyNumber: 9 });
      expect(locked.body).toMatchObject({
        statusCode: 409,
        code: 'ROSTER_LOCKED',
        details: [{ field: 'overrideReason' }],
      });
      const override = await ctx.http('POST', `/api/v1/teams/${short.id}/players`, {
        name: '替补',
        jerseyNumber: 9,
        overrideReason: '伤病替换，经裁判长批准',
      });
      expect(override.status).toBe(201);
      expect((await ctx.http('PATCH', `/api/v1/players/${fifth.id}`, { jerseyNumber: 15 })).body.code).toBe(
        'ROSTER_LOCKED',
      );
      expect((await ctx.http('DELETE', `/api/v1/players/${fifth.id}`)).body.code).toBe('ROSTER_LOCKED');
      expect(
        (await ctx.http('DELETE', `/api/v1/players/${fifth.id}?overrideReason=${encodeURIComponent('本人退赛')}`))
          .status,
      ).toBe(204);
      expect((await ctx.http('GET', `/api/v1/players/${fifth.id}`)).status).toBe(404);

      const db = new pg.Client(ctx.databaseUrl);
      await db.connect();
      const rows = await db.query(
        'SELECT action, reason, detail FROM roster_override WHERE team_id = $1 ORDER BY created_at',
        [short.id],
      );
      await db.end();
      expect(rows.rows.map((r) => [r.action, r.reason])).toEqual([
        ['add', '伤病替换，经裁判长批准'],
        ['remove', '本人退赛'],
      ]);
      expect(rows.rows[1].detail.before.jerseyNumber).toBe(5);
    });

    it('locks rosters at the configured lock time', async () => {
      const t = await f.newTournament({ rules: { rosterLocksAt: '2020-01-01T00:00:00+08:00' } });
      const team = await f.newTeam(t.id);
      const res = await ctx.http('POST', `/api/v1/teams/${team.id}/players`, { name: '迟到者', jerseyNumber: 3 });
      expect(res.body.code).toBe('ROSTER_LOCKED');
      expect(res.body.message).toContain('2020-01-01T00:00:00+08:00');
    });
  });

  describe('CSV roster import', () => {
    it('imports UTF-8 with BOM and Chinese headers', async () => {
      const t = await f.newTournament();
      const team = await f.newTeam(t.id, { name: '长兴天顺物流队' });
      const csv =
        '\uFEFF姓名,号码,位置,工作单位,身份证号\r\n王磊,7,控球后卫,长兴天顺物流有限公司,' +
        nationalId(11) +
        '\r\n李强,23,中锋,长兴天顺物流有限公司,\r\n"欧阳,明",0,,,\r\n';
      const res = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, csv);
      expect(res.status).toBe(201);
      expect(res.body.imported).toBe(3);
      const roster = await ctx.http('GET', `/api/v1/teams/${team.id}/players`);
      expect(
        roster.body.items.map((p: { name: string; jerseyNumber: number; position: string | null }) => [
          p.jerseyNumber,
          p.name,
          p.position,
        ]),
      ).toEqual([
        [0, '欧阳,明', null],
        [7, '王磊', 'PG'],
        [23, '李强', 'C'],
      ]);
    });

    it('imports English headers without BOM', async () => {
      const t = await f.newTournament();
      const team = await f.newTeam(t.id);
      const res = await ctx.http(
        'POST',
        `/api/v1/teams/${team.id}/players/import`,
        'Name,Jersey Number,Position\n陈晨,11,SF\n',
      );
      expect(res.status).toBe(201);
      expect(res.body.players[0]).toMatchObject({ name: '陈晨', jerseyNumber: 11, position: 'SF' });
    });

    it('imports nothing when any row is bad, and reports every problem by row and column', async () => {
      const t = await f.newTournament();
      const team = await f.newTeam(t.id);
      await f.newPlayer(team.id, { name: '老队员', jerseyNumber: 4 });
      const csv = [
        '姓名,号码,位置,身份证号',
        '王磊,7,后卫,',
        ',8,,',
        '李强,100,,',
        '赵六,7,,',
        '钱七,4,,',
        `孙八,9,,${nationalId(1).slice(0, 17)}0`,
      ].join('\n');
      const res = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, csv);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_INVALID');
      const problems = res.body.details.map((d: { row: number; column: string }) => [d.row, d.column]);
      expect(problems).toEqual(
        expect.arrayContaining([
          [3, '姓名'], // empty name
          [4, '号码'], // 100
          [5, '号码'], // 7 repeats row 2
          [6, '号码'], // 4 already worn by 老队员
          [7, '身份证号'], // wrong check character
        ]),
      );
      expect((await ctx.http('GET', `/api/v1/teams/${team.id}`)).body.rosterSize).toBe(1);
    });

    it('refuses an unknown header, a missing name column and an empty body', async () => {
      const t = await f.newTournament();
      const team = await f.newTeam(t.id);
      const unknown = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, '姓名,号码,身高\n王磊,7,185\n');
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'header', row: 1, column: '身高' })]);
      const missing = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, '号码\n7\n');
      expect(missing.body.details[0].reason).toContain('姓名');
      const empty = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, '姓名,号码\n');
      expect(empty.body.code).toBe('IMPORT_EMPTY');
    });

    it('refuses a file that would overfill the roster', async () => {
      const t = await f.newTournament({ rules: { rosterMax: 5 } });
      const team = await f.newTeam(t.id);
      const rows = Array.from({ length: 6 }, (_, i) => `球员${i},${i + 1}`);
      const res = await ctx.http('POST', `/api/v1/teams/${team.id}/players/import`, ['姓名,号码', ...rows].join('\n'));
      expect(res.body).toMatchObject({ statusCode: 409, code: 'ROSTER_FULL' });
    });
  });

  describe('API documentation', () => {
    it('lists the registration endpoints with examples', async () => {
      const doc = await ctx.http('GET', '/api/docs-json');
      expect(doc.status).toBe(200);
      for (const path of [
        '/api/v1/units',
        '/api/v1/tournaments',
        '/api/v1/tournaments/{tournamentId}/teams',
        '/api/v1/teams/{teamId}/players',
        '/api/v1/teams/{teamId}/players/import',
        '/api/v1/tournaments/{id}/start',
        '/api/health',
      ]) {
        expect(Object.keys(doc.body.paths)).toContain(path);
      }
      expect(doc.body.components.schemas.CreatePlayerDto.properties.name.example).toBe('王磊');
      expect(doc.body.components.schemas.ErrorBody).toBeDefined();
      const ui = await ctx.http('GET', '/api/docs');
      expect(ui.status).toBe(200);
      expect(String(ui.body)).toContain('swagger');
    });
  });
});
