import pg from 'pg';
import type { ScorableGame } from '../src/domain/access/scorekeeping-policy.js';
import { ScorekeeperAccess } from '../src/modules/scorekeeping/scorekeeper-access.service.js';
import { SessionEvents, type SessionRevoked } from '../src/modules/sessions/session-events.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { factories } from './support/factories.js';
import { startTestApp, type Http, type LoggedIn, type TestContext } from './support/test-app.js';

/**
 * OWASP API Security Top 10 (2023) as the checklist: API1 object-level authorization (another
 * organiser's tournament), API3 property-level (mass assignment), API5 function-level (roles),
 * default deny, and the audit log that records who changed what.
 */
describe('access control', () => {
  let ctx: TestContext;
  let f: ReturnType<typeof factories>;
  let other: LoggedIn; // an organiser with no part in the default organiser's tournament
  let scorekeeper: LoggedIn;
  let t: any; // the default organiser's tournament
  let team: any;
  let player: any;
  let unit: any;
  let gameId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    f = factories(ctx);
    other = await ctx.newAccount('organiser');
    scorekeeper = await ctx.newAccount('scorekeeper');
    t = await f.newTournament({ name: '湖州市首届非公企业职工篮球赛' });
    team = await f.newTeam(t.id, { name: '长兴天顺物流队' });
    player = await f.newPlayer(team.id, { name: '王磊', jerseyNumber: 7 });
    unit = await f.newUnit({ name: '长兴天顺物流有限公司' });
    gameId = (await f.ok('POST', `/api/v1/tournaments/${t.id}/games`, {})).id;
  });
  afterAll(() => ctx?.close());

  async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    const db = new pg.Client(ctx.databaseUrl);
    await db.connect();
    try {
      return (await db.query(text, params)).rows as T[];
    } finally {
      await db.end();
    }
  }

  /** Every write on the default organiser's tournament and what hangs off it. */
  const writes = () =>
    [
      ['PATCH', `/api/v1/tournaments/${t.id}`, { venue: '别的场馆' }],
      ['POST', `/api/v1/tournaments/${t.id}/start`, undefined],
      ['POST', `/api/v1/tournaments/${t.id}/teams`, { name: '闯入者队', unitId: unit.id }],
      ['PATCH', `/api/v1/teams/${team.id}`, { name: '改名队' }],
      ['DELETE', `/api/v1/teams/${team.id}`, undefined],
      ['POST', `/api/v1/teams/${team.id}/players`, { name: '李强', jerseyNumber: 23 }],
      ['POST', `/api/v1/teams/${team.id}/players/import`, '姓名,号码\n李强,23\n'],
      ['PATCH', `/api/v1/players/${player.id}`, { jerseyNumber: 8 }],
      ['DELETE', `/api/v1/players/${player.id}`, undefined],
      ['POST', `/api/v1/tournaments/${t.id}/organisers`, { username: other.username }],
      ['DELETE', `/api/v1/tournaments/${t.id}/organisers/${ctx.organiser.accountId}`, undefined],
      ['POST', `/api/v1/tournaments/${t.id}/scorekeepers`, { username: scorekeeper.username, gameId }],
      ['POST', `/api/v1/tournaments/${t.id}/game-codes`, { gameId }],
    ] as Array<[string, string, unknown]>;

  /** Private reads of that tournament. */
  const privateReads = () => [
    `/api/v1/tournaments/${t.id}/audit`,
    `/api/v1/tournaments/${t.id}/organisers`,
    `/api/v1/tournaments/${t.id}/scorekeepers`,
    `/api/v1/tournaments/${t.id}/game-codes`,
  ];

  async function expectUnchanged() {
    expect((await ctx.anon('GET', `/api/v1/tournaments/${t.id}`)).body).toMatchObject({
      venue: null,
      status: 'registration',
    });
    expect((await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body).toMatchObject({
      name: '长兴天顺物流队',
      rosterSize: 1,
    });
    expect((await ctx.anon('GET', `/api/v1/players/${player.id}`)).body).toMatchObject({ jerseyNumber: 7 });
    expect((await ctx.anon('GET', `/api/v1/tournaments/${t.id}/teams`)).body.total).toBe(1);
  }

  describe("an organiser and another organiser's tournament (object level)", () => {
    it('reads its public data like a fan', async () => {
      expect((await other.http('GET', `/api/v1/tournaments/${t.id}`)).status).toBe(200);
      expect((await other.http('GET', `/api/v1/teams/${team.id}/players`)).status).toBe(200);
    });

    it('gets 403 on every private read', async () => {
      for (const url of privateReads()) {
        const res = await other.http('GET', url);
        expect({ url, status: res.status, code: res.body.code }).toEqual({
          url,
          status: 403,
          code: 'TOURNAMENT_FORBIDDEN',
        });
      }
    });

    it('gets 403 on every write, and nothing changes', async () => {
      for (const [method, url, body] of writes()) {
        const res = await other.http(method, url, body);
        expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
        expect(res.body.code).toMatch(/^TOURNAMENT_(FORBIDDEN|OWNER_ONLY)$/);
      }
      await expectUnchanged();
    });

    it('still gets 404 for what does not exist, before any 403', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await other.http('PATCH', `/api/v1/tournaments/${missing}`, { venue: 'x' })).status).toBe(404);
      expect((await other.http('PATCH', `/api/v1/teams/${missing}`, { name: 'x' })).status).toBe(404);
    });

    it('does not see it among its own tournaments', async () => {
      const mine = await other.http('GET', '/api/v1/tournaments/mine');
      expect(mine.body.items.map((x: any) => x.id)).not.toContain(t.id);
      const owner = await ctx.http('GET', '/api/v1/tournaments/mine');
      expect(owner.body.items.map((x: any) => x.id)).toContain(t.id);
    });
  });

  describe('roles (function level)', () => {
    it('a fan reads everything public and writes nothing (401)', async () => {
      for (const url of [
        `/api/v1/tournaments`,
        `/api/v1/tournaments/${t.id}`,
        `/api/v1/tournaments/${t.id}/teams`,
        `/api/v1/teams/${team.id}`,
        `/api/v1/teams/${team.id}/players`,
        `/api/v1/tournaments/${t.id}/players`,
        `/api/v1/players/${player.id}`,
        '/api/v1/units',
        `/api/v1/units/${unit.id}`,
        '/api/health',
      ]) {
        expect({ url, status: (await ctx.anon('GET', url)).status }).toEqual({ url, status: 200 });
      }
      for (const [method, url, body] of [
        ...writes(),
        ['POST', '/api/v1/units', { name: '匿名单位', kind: 'other' }],
        ['PATCH', `/api/v1/units/${unit.id}`, { name: 'x' }],
        ['POST', '/api/v1/tournaments', { name: 'x', season: '2024', startsOn: '2024-05-11', endsOn: '2024-05-19' }],
      ] as Array<[string, string, unknown]>) {
        const res = await ctx.anon(method, url, body);
        expect({ method, url, status: res.status, code: res.body.code }).toEqual({
          method,
          url,
          status: 401,
          code: 'AUTH_REQUIRED',
        });
      }
      for (const url of [
        ...privateReads(),
        '/api/v1/audit',
        '/api/v1/accounts',
        '/api/v1/tournaments/mine',
        '/api/v1/auth/me',
      ]) {
        expect({ url, status: (await ctx.anon('GET', url)).status }).toEqual({ url, status: 401 });
      }
      await expectUnchanged();
    });

    it('a scorekeeper account organises nothing (403 by role)', async () => {
      for (const [method, url, body] of [
        ...writes(),
        ['POST', '/api/v1/tournaments', { name: 'x', season: '2024', startsOn: '2024-05-11', endsOn: '2024-05-19' }],
      ] as Array<[string, string, unknown]>) {
        const res = await scorekeeper.http(method, url, body);
        expect({ method, url, status: res.status, code: res.body.code }).toEqual({
          method,
          url,
          status: 403,
          code: 'ROLE_FORBIDDEN',
        });
      }
      expect((await scorekeeper.http('GET', '/api/v1/audit')).status).toBe(403);
    });

    it('only administrators read the whole audit log and create organisers', async () => {
      expect((await ctx.http('GET', '/api/v1/audit')).body.code).toBe('ROLE_FORBIDDEN');
      expect((await ctx.admin.http('GET', '/api/v1/audit')).status).toBe(200);
      const res = await ctx.http('POST', '/api/v1/accounts', {
        username: 'sneaky-org',
        displayName: '冒充者',
        role: 'organiser',
        password: 'long enough password',
      });
      expect(res).toMatchObject({ status: 403, body: { code: 'ACCOUNT_ROLE_FORBIDDEN' } });
    });

    it('organisers manage the scorekeepers they created and no other account', async () => {
      const list = await ctx.http('GET', '/api/v1/accounts');
      expect(list.body.items.map((a: any) => a.username)).toEqual([scorekeeper.username]);
      expect((await other.http('GET', '/api/v1/accounts')).body.items).toEqual([]);
      expect((await other.http('GET', `/api/v1/accounts/${scorekeeper.accountId}`)).body.code).toBe(
        'ACCOUNT_FORBIDDEN',
      );
      expect((await other.http('PATCH', `/api/v1/accounts/${scorekeeper.accountId}`, { disabled: true })).status).toBe(
        403,
      );
      expect((await other.http('GET', `/api/v1/accounts/${ctx.organiser.accountId}`)).status).toBe(403);
      expect((await scorekeeper.http('GET', `/api/v1/accounts/${scorekeeper.accountId}`)).status).toBe(200);
      expect((await ctx.admin.http('GET', `/api/v1/accounts/${scorekeeper.accountId}`)).status).toBe(200);
    });
  });

  describe('units: a shared registry', () => {
    it('any organiser adds units; only their creator or an administrator edits them', async () => {
      const res = await other.http('PATCH', `/api/v1/units/${unit.id}`, { shortName: '天顺' });
      expect(res).toMatchObject({ status: 403, body: { code: 'UNIT_FORBIDDEN' } });
      expect((await other.http('POST', '/api/v1/units', { name: '德清依蓄科技', kind: 'enterprise' })).status).toBe(
        201,
      );
      expect((await ctx.http('PATCH', `/api/v1/units/${unit.id}`, { shortName: '天顺' })).status).toBe(200);
      expect((await ctx.admin.http('PATCH', `/api/v1/units/${unit.id}`, { shortName: '天顺物流' })).status).toBe(200);
    });
  });

  describe('co-organisers', () => {
    it('the owner invites an organiser to one tournament; they may then change it, and only it', async () => {
      const co = await ctx.newAccount('organiser');
      const elsewhere = await f.newTournament();
      const invited = await ctx.http('POST', `/api/v1/tournaments/${t.id}/organisers`, {
        username: co.username.toUpperCase(),
      });
      expect(invited).toMatchObject({
        status: 201,
        body: { accountId: co.accountId, role: 'co_organiser', invitedBy: ctx.organiser.accountId },
      });
      expect(
        (await ctx.http('POST', `/api/v1/tournaments/${t.id}/organisers`, { username: co.username })).body.code,
      ).toBe('ORGANISER_ALREADY');

      const renamed = await co.http('PATCH', `/api/v1/teams/${team.id}`, { shortName: '天顺' });
      expect(renamed.status).toBe(200);
      expect((await co.http('GET', `/api/v1/tournaments/${t.id}/audit`)).status).toBe(200);
      expect((await co.http('PATCH', `/api/v1/tournaments/${elsewhere.id}`, { venue: 'x' })).status).toBe(403);
      // Co-organisers do not decide who else organises.
      const third = await ctx.newAccount('organiser');
      expect(
        (await co.http('POST', `/api/v1/tournaments/${t.id}/organisers`, { username: third.username })).body.code,
      ).toBe('TOURNAMENT_OWNER_ONLY');
      expect(
        (await co.http('DELETE', `/api/v1/tournaments/${t.id}/organisers/${ctx.organiser.accountId}`)).body.code,
      ).toBe('TOURNAMENT_OWNER_ONLY');
      expect(
        (await ctx.http('DELETE', `/api/v1/tournaments/${t.id}/organisers/${ctx.organiser.accountId}`)).body.code,
      ).toBe('TOURNAMENT_OWNER_REMOVAL');

      expect((await ctx.http('DELETE', `/api/v1/tournaments/${t.id}/organisers/${co.accountId}`)).status).toBe(204);
      expect((await co.http('PATCH', `/api/v1/teams/${team.id}`, { shortName: '再改' })).body.code).toBe(
        'TOURNAMENT_FORBIDDEN',
      );
    });

    it('only an enabled organiser account can be invited', async () => {
      const res = await ctx.http('POST', `/api/v1/tournaments/${t.id}/organisers`, { username: scorekeeper.username });
      expect(res).toMatchObject({ status: 403, body: { code: 'ORGANISER_ACCOUNT_REQUIRED' } });
      expect(
        (await ctx.http('POST', `/api/v1/tournaments/${t.id}/organisers`, { username: 'nobody-at-all' })).body,
      ).toMatchObject({ statusCode: 400, details: [{ field: 'username' }] });
    });
  });

  describe('mass assignment (property level): 400 for fields a request does not take', () => {
    const cases = (): Array<[string, string, Http | null, unknown, string]> => [
      [
        'POST',
        '/api/v1/tournaments',
        null,
        {
          name: 'x',
          season: '2024',
          startsOn: '2024-05-11',
          endsOn: '2024-05-19',
          ownerAccountId: ctx.admin.accountId,
        },
        'ownerAccountId',
      ],
      [
        'POST',
        '/api/v1/tournaments',
        null,
        { name: 'x', season: '2024', startsOn: '2024-05-11', endsOn: '2024-05-19', ownerId: ctx.admin.accountId },
        'ownerId',
      ],
      ['PATCH', `/api/v1/tournaments/${t.id}`, null, { status: 'completed' }, 'status'],
      [
        'POST',
        `/api/v1/tournaments/${t.id}/teams`,
        null,
        { name: '某队', unitId: unit.id, tournamentId: t.id },
        'tournamentId',
      ],
      ['PATCH', `/api/v1/players/${player.id}`, null, { removedAt: null }, 'removedAt'],
      [
        'POST',
        '/api/v1/units',
        null,
        { name: '某单位', kind: 'enterprise', createdBy: ctx.admin.accountId },
        'createdBy',
      ],
      ['PATCH', `/api/v1/accounts/${scorekeeper.accountId}`, null, { role: 'admin' }, 'role'],
      [
        'POST',
        '/api/v1/auth/password',
        null,
        { currentPassword: 'x', newPassword: 'another long password', role: 'admin' },
        'role',
      ],
      ['POST', `/api/v1/tournaments/${t.id}/organisers`, null, { username: other.username, role: 'owner' }, 'role'],
      ['POST', `/api/v1/tournaments/${t.id}/game-codes`, null, { gameId, code: '123456' }, 'code'],
    ];

    it('refuses them and names the field', async () => {
      for (const [method, url, as, body, field] of cases()) {
        const res = await (as ?? ctx.http)(method, url, body);
        expect({ url, field, status: res.status, details: res.body.details }).toEqual({
          url,
          field,
          status: 400,
          details: expect.arrayContaining([{ field, reason: 'is not an accepted field' }]),
        });
      }
      const [owner] = await sql('SELECT owner_account_id FROM tournament WHERE id = $1', [t.id]);
      expect(owner.owner_account_id).toBe(ctx.organiser.accountId);
    });
  });

  describe('the audit log', () => {
    it('records an update with who, role, session, request and the value before and after', async () => {
      const before = (await ctx.anon('GET', `/api/v1/teams/${team.id}`)).body;
      const res = await ctx.http(
        'PATCH',
        `/api/v1/teams/${team.id}`,
        { name: '长兴天顺物流篮球队' },
        { 'x-request-id': 'audit-req-0001' },
      );
      expect(res.status).toBe(200);
      const log = await ctx.http('GET', `/api/v1/tournaments/${t.id}/audit?action=team.update&pageSize=1`);
      const [entry] = log.body.items;
      expect(entry).toMatchObject({
        action: 'team.update',
        entity: 'team',
        entityId: team.id,
        tournamentId: t.id,
        accountId: ctx.organiser.accountId,
        role: 'organiser',
        requestId: 'audit-req-0001',
        before: { name: before.name },
        after: { name: '长兴天顺物流篮球队' },
      });
      expect(entry.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it("lists every write to the tournament, newest first, and nothing of other tournaments'", async () => {
      const log = await ctx.http('GET', `/api/v1/tournaments/${t.id}/audit?pageSize=200`);
      expect(log.body.pageSize).toBe(200);
      const tooBig = await ctx.http('GET', `/api/v1/tournaments/${t.id}/audit?pageSize=201`);
      expect(tooBig.status).toBe(400);
      expect(JSON.stringify(tooBig.body)).toContain('pageSize');
      const actions = log.body.items.map((e: any) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'tournament.create',
          'team.create',
          'player.create',
          'team.update',
          'tournament_organiser.add',
          'tournament_organiser.remove',
        ]),
      );
      expect(log.body.items.every((e: any) => e.tournamentId === t.id)).toBe(true);
      const ids = log.body.items.map((e: any) => e.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(JSON.stringify(log.body)).not.toMatch(/passwordHash|"nationalId"|nationalIdHash|argon2/);
    });

    it('writes nothing for a write that failed', async () => {
      const [{ n: before }] = await sql(`SELECT count(*)::int AS n FROM audit_entry`);
      const dup = await ctx.http('POST', `/api/v1/tournaments/${t.id}/teams`, {
        name: '长兴天顺物流篮球队',
        unitId: unit.id,
      });
      expect(dup.status).toBe(409);
      const [{ n: after }] = await sql(`SELECT count(*)::int AS n FROM audit_entry`);
      expect(after).toBe(before);
    });

    it('is append-only, even for the database owner', async () => {
      await expect(sql(`UPDATE audit_entry SET action = 'x.y'`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(sql(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(sql(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    });
  });

  describe('scorekeepers', () => {
    const game = (over: Partial<ScorableGame> = {}): ScorableGame => ({
      id: gameId,
      tournamentId: t.id,
      status: 'live',
      court: '1号场',
      day: '2024-05-11',
      ...over,
    });
    const principalOf = (token: string) => ctx.app.get(SessionsService).authenticate(token);
    const decide = async (token: string, g: ScorableGame) =>
      ctx.app.get(ScorekeeperAccess).decide(await principalOf(token), g);

    it('may score the game they are assigned to, only while it is ready or live, and no other game', async () => {
      const otherGame = (await f.ok('POST', `/api/v1/tournaments/${t.id}/games`, {})).id;
      const assigned = await ctx.http('POST', `/api/v1/tournaments/${t.id}/scorekeepers`, {
        username: scorekeeper.username,
        gameId,
      });
      expect(assigned).toMatchObject({
        status: 201,
        body: { accountId: scorekeeper.accountId, gameId, court: null, day: null },
      });
      expect(await decide(scorekeeper.accessToken, game())).toEqual({ allowed: true, via: 'assignment' });
      expect(await decide(scorekeeper.accessToken, game({ status: 'final' }))).toMatchObject({
        allowed: false,
        code: 'GAME_NOT_SCORABLE',
      });
      expect(await decide(scorekeeper.accessToken, game({ id: otherGame }))).toMatchObject({
        allowed: false,
        code: 'SCORE_FORBIDDEN',
      });
      await expect(
        ctx.app
          .get(ScorekeeperAccess)
          .assertCanScore(await principalOf(scorekeeper.accessToken), game({ id: otherGame })),
      ).rejects.toMatchObject({ code: 'SCORE_FORBIDDEN', kind: 'forbidden' });
      // Another organiser cannot score this tournament's games; its own organiser can.
      expect((await decide(other.accessToken, game())).allowed).toBe(false);
      expect((await decide(ctx.organiser.accessToken, game())).allowed).toBe(true);
    });

    it('an assignment names a game or a court and a day, and only a scorekeeper account', async () => {
      const both = await ctx.http('POST', `/api/v1/tournaments/${t.id}/scorekeepers`, {
        username: scorekeeper.username,
        gameId,
        court: '1号场',
        day: '2024-05-11',
      });
      expect(both.body.code).toBe('ASSIGNMENT_TARGET_INVALID');
      const none = await ctx.http('POST', `/api/v1/tournaments/${t.id}/scorekeepers`, {
        username: scorekeeper.username,
      });
      expect(none.body.code).toBe('ASSIGNMENT_TARGET_INVALID');
      const organiser = await ctx.http('POST', `/api/v1/tournaments/${t.id}/scorekeepers`, {
        username: other.username,
        court: '1号场',
        day: '2024-05-11',
      });
      expect(organiser.body).toMatchObject({ code: 'SCOREKEEPER_ACCOUNT_REQUIRED', details: [{ field: 'username' }] });
    });

    it('removing a scorekeeper ends their sessions at once, and they may no longer score', async () => {
      const sk = await ctx.newAccount('scorekeeper');
      const byCourt = (
        await ctx.http('POST', `/api/v1/tournaments/${t.id}/scorekeepers`, {
          username: sk.username,
          court: '1号场',
          day: '2024-05-11',
        })
      ).body;
      expect(await decide(sk.accessToken, game())).toMatchObject({ allowed: true });
      expect(await decide(sk.accessToken, game({ court: '2号场' }))).toMatchObject({ allowed: false });
      const listed = await ctx.http('GET', `/api/v1/tournaments/${t.id}/scorekeepers`);
      expect(listed.body.map((a: any) => a.id)).toContain(byCourt.id);

      const events: SessionRevoked[] = [];
      const off = ctx.app.get(SessionEvents).onRevoked((e) => void events.push(e));
      try {
        expect((await ctx.http('DELETE', `/api/v1/tournaments/${t.id}/scorekeepers/${byCourt.id}`)).status).toBe(204);
      } finally {
        off();
      }
      expect(events).toEqual([expect.objectContaining({ accountId: sk.accountId, reason: 'scorekeeper_removed' })]);
      expect((await sk.http('GET', '/api/v1/auth/me')).body.code).toBe('SESSION_REVOKED');
      const again = await ctx.login(sk.username, sk.password);
      expect(await decide(again.accessToken, game())).toMatchObject({ allowed: false, code: 'SCORE_FORBIDDEN' });
      const history = await ctx.http('GET', `/api/v1/tournaments/${t.id}/scorekeepers?includeRemoved=true`);
      expect(history.body.find((a: any) => a.id === byCourt.id).removedAt).toEqual(expect.any(String));
    });

    it('a game-code device may score its game only', async () => {
      const otherGame = (await f.ok('POST', `/api/v1/tournaments/${t.id}/games`, {})).id;
      const code = (await ctx.http('POST', `/api/v1/tournaments/${t.id}/game-codes`, { gameId })).body.code;
      const device = (await ctx.anon('POST', '/api/v1/auth/game-code', { code })).body;
      expect(await decide(device.accessToken, game())).toEqual({ allowed: true, via: 'game_code' });
      expect(await decide(device.accessToken, game({ id: otherGame }))).toMatchObject({
        allowed: false,
        code: 'SCORE_FORBIDDEN',
      });
      expect((await ctx.as(device.accessToken)('GET', `/api/v1/tournaments/${t.id}/game-codes`)).body.code).toBe(
        'ROLE_FORBIDDEN',
      );
    });
  });

  describe('API documentation', () => {
    it('says for every operation who may call it', async () => {
      const doc = (await ctx.anon('GET', '/api/docs-json')).body;
      const missing: string[] = [];
      for (const [path, ops] of Object.entries<any>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(ops)) {
          const access = op['x-access'];
          if (!access || !/\*\*Access:\*\*/.test(op.description ?? '')) missing.push(`${method.toUpperCase()} ${path}`);
          else if (!access.public && !op.security?.some((s: any) => 'bearer' in s))
            missing.push(`${method.toUpperCase()} ${path} (no bearer)`);
        }
      }
      expect(missing).toEqual([]);
      const patchTeam = doc.paths['/api/v1/teams/{id}'].patch;
      expect(patchTeam['x-access']).toEqual({ public: false, roles: ['organiser', 'admin'] });
      expect(patchTeam.description).toContain('organisers of the tournament');
      expect(doc.paths['/api/v1/teams/{id}'].get['x-access']).toEqual({ public: true, roles: [] });
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });
});
