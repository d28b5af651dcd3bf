import { SignJWT } from 'jose';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { AdminBootstrap } from '../src/modules/accounts/admin-bootstrap.js';
import { SessionEvents, type SessionRevoked } from '../src/modules/sessions/session-events.js';
import { ADMIN, startTestApp, type TestContext } from './support/test-app.js';

const SECRET = () => new TextEncoder().encode(process.env.JWT_SECRET!);
const sign = (
  claims: Record<string, unknown>,
  options: { secret?: Uint8Array; exp?: number | string; iss?: string; aud?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.iss ?? 'courtside')
    .setAudience(options.aud ?? 'courtside-api')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '10m')
    .sign(options.secret ?? SECRET());
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

async function sql<T = any>(ctx: TestContext, text: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client(ctx.databaseUrl);
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

describe('authentication', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx?.close());

  describe('the first administrator', () => {
    it('is created from ADMIN_USERNAME/ADMIN_PASSWORD at first start, with an argon2id hash and an audit entry', async () => {
      const me = await ctx.admin.http('GET', '/api/v1/auth/me');
      expect(me.body).toMatchObject({
        role: 'admin',
        kind: 'password',
        account: { username: ADMIN.username, role: 'admin' },
      });
      const [row] = await sql(ctx, 'SELECT password_hash FROM account WHERE username = $1', [ADMIN.username]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const [entry] = await sql(
        ctx,
        `SELECT * FROM audit_entry WHERE action = 'account.create' AND request_id = 'startup'`,
      );
      expect(entry.after).toEqual({ username: ADMIN.username, role: 'admin' });
    });

    it('is not created again, nor changed, when one exists (the variables are then ignored)', async () => {
      const config = ctx.app.get<AppConfig>(APP_CONFIG);
      const other = {
        ...config,
        env: { ...config.env, ADMIN_USERNAME: 'another', ADMIN_PASSWORD: 'another-long-password' },
      };
      await new AdminBootstrap(ctx.app.get(DataSource), other).onApplicationBootstrap();
      const admins = await sql(ctx, `SELECT username FROM account WHERE role = 'admin'`);
      expect(admins.map((a) => a.username)).toEqual([ADMIN.username]);
    });
  });

  describe('login', () => {
    it('answers a wrong password and an unknown user alike', async () => {
      const wrong = await ctx.anon('POST', '/api/v1/auth/login', {
        username: ctx.organiser.username,
        password: 'not the password at all',
      });
      const unknown = await ctx.anon('POST', '/api/v1/auth/login', {
        username: 'nobody-here',
        password: 'not the password at all',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
      expect({ ...unknown.body, requestId: 'x' }).toEqual({ ...wrong.body, requestId: 'x' });
    });

    it('ignores the case of the username and returns a token pair', async () => {
      const res = await ctx.anon('POST', '/api/v1/auth/login', {
        username: ctx.organiser.username.toUpperCase(),
        password: ctx.organiser.password,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        role: 'organiser',
        refreshToken: expect.stringMatching(/^[0-9a-f-]{36}\.[\w-]{43}$/),
      });
      expect(claimsOf(res.body.accessToken)).toMatchObject({
        sub: ctx.organiser.accountId,
        role: 'organiser',
        scope: {},
        iss: 'courtside',
        aud: 'courtside-api',
      });
    });

    it('refuses a role or any other field the login does not take (mass assignment)', async () => {
      const res = await ctx.anon('POST', '/api/v1/auth/login', {
        username: ctx.organiser.username,
        password: ctx.organiser.password,
        role: 'admin',
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'role', reason: 'is not an accepted field' }]);
    });
  });

  describe('tokens that are refused with 401', () => {
    const write = (headers: Record<string, string>) =>
      ctx.anon('POST', '/api/v1/units', { name: '某单位', kind: 'enterprise' }, headers);

    it('no token at all', async () => {
      const res = await write({});
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'AUTH_REQUIRED', details: [] });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="courtside"');
    });

    it('a header that is not a bearer token', async () => {
      for (const authorization of [
        'Basic YWRtaW46YWRtaW4=',
        'Bearer',
        'Bearer not-a-jwt',
        `Token ${ctx.organiser.accessToken}`,
      ]) {
        const res = await write({ authorization });
        expect({ authorization, status: res.status, code: res.body.code }).toEqual({
          authorization,
          status: 401,
          code: 'TOKEN_INVALID',
        });
      }
    });

    it('a token signed with another key, and a real token whose payload was edited', async () => {
      const foreign = await sign(
        { sid: claimsOf(ctx.organiser.accessToken).sid, role: 'admin', scope: {} },
        { secret: new TextEncoder().encode('x'.repeat(40)) },
      );
      expect((await write({ authorization: `Bearer ${foreign}` })).body.code).toBe('TOKEN_INVALID');
      const [header, payload, signature] = ctx.organiser.accessToken.split('.');
      const promoted = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' });
      const tampered = await write({ authorization: `Bearer ${header}.${promoted}.${signature}` });
      expect(tampered.status).toBe(401);
      expect(tampered.body.code).toBe('TOKEN_INVALID');
    });

    it('an unsigned token (alg none) and other algorithms', async () => {
      const claims = { ...claimsOf(ctx.admin.accessToken) };
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
      expect((await write({ authorization: `Bearer ${none}` })).status).toBe(401);
      const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(SECRET());
      expect((await write({ authorization: `Bearer ${hs512}` })).body.code).toBe('TOKEN_INVALID');
    });

    it('a correctly signed token for a session that does not exist, or with another issuer or audience', async () => {
      const ghost = await sign({ sid: '00000000-0000-4000-8000-000000000000', role: 'admin', scope: {} });
      expect((await write({ authorization: `Bearer ${ghost}` })).body.code).toBe('TOKEN_INVALID');
      const sid = claimsOf(ctx.organiser.accessToken).sid;
      const otherIssuer = await sign(
        { sid, role: 'organiser', scope: {}, sub: ctx.organiser.accountId },
        { iss: 'elsewhere' },
      );
      expect((await write({ authorization: `Bearer ${otherIssuer}` })).body.code).toBe('TOKEN_INVALID');
      const otherAudience = await sign(
        { sid, role: 'organiser', scope: {}, sub: ctx.organiser.accountId },
        { aud: 'another-api' },
      );
      expect((await write({ authorization: `Bearer ${otherAudience}` })).body.code).toBe('TOKEN_INVALID');
    });

    it('a token claiming a role its session does not have', async () => {
      const sid = claimsOf(ctx.organiser.accessToken).sid;
      const forged = await sign({ sid, role: 'admin', scope: {}, sub: ctx.organiser.accountId });
      const res = await ctx.anon('GET', '/api/v1/audit', undefined, { authorization: `Bearer ${forged}` });
      expect(res.status).toBe(401);
    });

    it('an expired token', async () => {
      const sid = claimsOf(ctx.organiser.accessToken).sid;
      const expired = await sign(
        { sid, role: 'organiser', scope: {}, sub: ctx.organiser.accountId },
        { exp: Math.floor(Date.now() / 1000) - 5 },
      );
      const res = await write({ authorization: `Bearer ${expired}` });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    });

    it('public reads ignore tokens entirely', async () => {
      expect((await ctx.anon('GET', '/api/v1/units', undefined, { authorization: 'Bearer a.b.c' })).status).toBe(200);
    });
  });

  describe('access token lifetime (ACCESS_TOKEN_TTL_SECONDS=30)', () => {
    // A lifetime long enough for the test app's own set-up under load; expiry itself is shown
    // with a token whose exp has passed (signing under the real key), which needs no sleeping.
    let short: TestContext;
    beforeAll(async () => {
      short = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '30' } });
    });
    afterAll(() => short?.close());

    it('is issued with the configured lifetime, refused once past it, and the refresh token still gets a new one', async () => {
      const session = await short.login(short.organiser.username, short.organiser.password);
      const claims = claimsOf(session.accessToken);
      expect(claims.exp - claims.iat).toBe(30);
      expect((await session.http('GET', '/api/v1/auth/me')).status).toBe(200);
      const past = await sign(
        { sid: claims.sid, role: claims.role, scope: claims.scope, sub: claims.sub },
        { exp: claims.iat - 1 },
      );
      const expired = await short.as(past)('GET', '/api/v1/auth/me');
      expect(expired).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
      const refreshed = await short.anon('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.expiresIn).toBe(30);
      expect((await short.as(refreshed.body.accessToken)('GET', '/api/v1/auth/me')).status).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: the old one is refused after use, and using it again closes the session', async () => {
      const s = await ctx.login(ctx.organiser.username, ctx.organiser.password);
      const first = await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      expect(claimsOf(first.body.accessToken).sid).toBe(claimsOf(s.accessToken).sid);
      expect((await ctx.as(first.body.accessToken)('GET', '/api/v1/auth/me')).status).toBe(200);

      const replay = await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken });
      expect(replay).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_REUSED' } });
      // Reuse means the token was copied: the whole session ends, the newest tokens too.
      expect((await ctx.as(first.body.accessToken)('GET', '/api/v1/auth/me')).body.code).toBe('SESSION_REVOKED');
      expect(
        (await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken: first.body.refreshToken })).body.code,
      ).toBe('SESSION_REVOKED');
    });

    it('refuses made-up refresh tokens without closing the session they name', async () => {
      const s = await ctx.login(ctx.organiser.username, ctx.organiser.password);
      const sid = claimsOf(s.accessToken).sid;
      for (const refreshToken of ['nonsense', `${sid}.guess`, '00000000-0000-4000-8000-000000000000.x']) {
        const res = await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken });
        expect(res).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
      }
      // The session id is no secret (it is in every access token), so guessing must not log anyone out.
      expect((await s.http('GET', '/api/v1/auth/me')).status).toBe(200);
      expect((await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(200);
    });
  });

  describe('revocation', () => {
    it('logout stops the access and refresh tokens at once, and tells subscribers after commit', async () => {
      const events: SessionRevoked[] = [];
      const off = ctx.app.get(SessionEvents).onRevoked((e) => void events.push(e));
      try {
        const s = await ctx.login(ctx.organiser.username, ctx.organiser.password);
        expect((await s.http('POST', '/api/v1/auth/logout')).status).toBe(204);
        expect(await s.http('GET', '/api/v1/auth/me')).toMatchObject({
          status: 401,
          body: { code: 'SESSION_REVOKED' },
        });
        expect((await ctx.anon('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
        expect(events).toEqual([
          { sessionId: claimsOf(s.accessToken).sid, accountId: ctx.organiser.accountId, reason: 'logout' },
        ]);
      } finally {
        off();
      }
    });

    it('a password change ends every session of the account', async () => {
      const me = await ctx.newAccount('organiser');
      const phone = await ctx.login(me.username, me.password);
      const wrong = await me.http('POST', '/api/v1/auth/password', {
        currentPassword: 'not my password!',
        newPassword: 'a brand new passphrase',
      });
      expect(wrong).toMatchObject({ status: 400, body: { code: 'CURRENT_PASSWORD_WRONG' } });
      const weak = await me.http('POST', '/api/v1/auth/password', {
        currentPassword: me.password,
        newPassword: 'short',
      });
      expect(weak.body.details[0]).toEqual({ field: 'newPassword', reason: 'must be at least 12 characters' });
      const same = await me.http('POST', '/api/v1/auth/password', {
        currentPassword: me.password,
        newPassword: me.password,
      });
      expect(same.body.code).toBe('PASSWORD_UNCHANGED');

      expect(
        (
          await me.http('POST', '/api/v1/auth/password', {
            currentPassword: me.password,
            newPassword: 'a brand new passphrase',
          })
        ).status,
      ).toBe(204);
      expect((await me.http('GET', '/api/v1/auth/me')).body.code).toBe('SESSION_REVOKED');
      expect((await phone.http('GET', '/api/v1/auth/me')).body.code).toBe('SESSION_REVOKED');
      expect(
        (await ctx.anon('POST', '/api/v1/auth/login', { username: me.username, password: me.password })).status,
      ).toBe(401);
      expect(
        (await ctx.anon('POST', '/api/v1/auth/login', { username: me.username, password: 'a brand new passphrase' }))
          .status,
      ).toBe(200);
      const [entry] = await sql(
        ctx,
        `SELECT * FROM audit_entry WHERE action = 'account.password_change' AND account_id = $1`,
        [me.accountId],
      );
      expect(entry).toMatchObject({ role: 'organiser', before: null, after: null });
    });

    it('disabling an account ends its sessions and stops its logins until enabled again', async () => {
      const target = await ctx.newAccount('organiser');
      const off = await ctx.admin.http('PATCH', `/api/v1/accounts/${target.accountId}`, { disabled: true });
      expect(off.body).toMatchObject({ disabled: true });
      expect((await target.http('GET', '/api/v1/auth/me')).body.code).toBe('SESSION_REVOKED');
      expect(
        (await ctx.anon('POST', '/api/v1/auth/login', { username: target.username, password: target.password })).body
          .code,
      ).toBe('ACCOUNT_DISABLED');
      await ctx.admin.http('PATCH', `/api/v1/accounts/${target.accountId}`, { disabled: false });
      expect(
        (await ctx.anon('POST', '/api/v1/auth/login', { username: target.username, password: target.password })).status,
      ).toBe(200);
      const self = await ctx.admin.http('PATCH', `/api/v1/accounts/${ctx.admin.accountId}`, { disabled: true });
      expect(self.body.code).toBe('ACCOUNT_SELF_DISABLE');
    });
  });

  describe('game codes', () => {
    let gameId: string;
    let tournament: any;
    beforeAll(async () => {
      tournament = (
        await ctx.http('POST', '/api/v1/tournaments', {
          name: '计分码测试赛',
          season: '2024',
          startsOn: '2024-05-11',
          endsOn: '2024-05-19',
        })
      ).body;
      gameId = (await ctx.http('POST', `/api/v1/tournaments/${tournament.id}/games`, {})).body.id;
    });

    it('log one device in as scorekeeper of one game, once', async () => {
      const issued = await ctx.http('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId });
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({ gameId, status: 'active', code: expect.stringMatching(/^\d{6}$/) });
      expect(issued.body.link).toBe(`/score?code=${issued.body.code}`);
      const [stored] = await sql(ctx, 'SELECT code_hash FROM game_code WHERE id = $1', [issued.body.id]);
      expect(stored.code_hash).not.toContain(issued.body.code);

      const device = await ctx.anon('POST', '/api/v1/auth/game-code', { code: issued.body.code });
      expect(device.status).toBe(200);
      expect(device.body).toMatchObject({ role: 'scorekeeper', tokenType: 'Bearer' });
      const me = await ctx.as(device.body.accessToken)('GET', '/api/v1/auth/me');
      expect(me.body).toMatchObject({
        kind: 'game_code',
        role: 'scorekeeper',
        account: null,
        scope: { tournamentId: tournament.id, gameIds: [gameId] },
      });
      expect(claimsOf(device.body.accessToken).sub).toBeUndefined();

      const again = await ctx.anon('POST', '/api/v1/auth/game-code', { code: issued.body.code });
      expect(again).toMatchObject({ status: 401, body: { code: 'GAME_CODE_INVALID' } });
      // The device scores; it does not organise.
      const write = await ctx.as(device.body.accessToken)('PATCH', `/api/v1/tournaments/${tournament.id}`, {
        venue: '别处',
      });
      expect(write).toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
      const list = await ctx.http('GET', `/api/v1/tournaments/${tournament.id}/game-codes`);
      expect(list.body.find((c: any) => c.id === issued.body.id)).toMatchObject({
        status: 'used',
        usedAt: expect.any(String),
      });
      expect(JSON.stringify(list.body)).not.toContain(issued.body.code);
    });

    it('revoking a used code logs its device out at once; revoking an unused one makes it useless', async () => {
      const used = (await ctx.http('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId })).body;
      const device = (await ctx.anon('POST', '/api/v1/auth/game-code', { code: used.code })).body;
      const events: SessionRevoked[] = [];
      const off = ctx.app.get(SessionEvents).onRevoked((e) => void events.push(e));
      try {
        expect((await ctx.http('DELETE', `/api/v1/tournaments/${tournament.id}/game-codes/${used.id}`)).status).toBe(
          204,
        );
        expect(await ctx.as(device.accessToken)('GET', '/api/v1/auth/me')).toMatchObject({
          status: 401,
          body: { code: 'SESSION_REVOKED' },
        });
        expect(events).toEqual([
          { sessionId: claimsOf(device.accessToken).sid, accountId: null, reason: 'game_code_revoked' },
        ]);
      } finally {
        off();
      }
      const unused = (await ctx.http('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId })).body;
      await ctx.http('DELETE', `/api/v1/tournaments/${tournament.id}/game-codes/${unused.id}`);
      expect((await ctx.anon('POST', '/api/v1/auth/game-code', { code: unused.code })).body.code).toBe(
        'GAME_CODE_INVALID',
      );
      expect((await ctx.http('DELETE', `/api/v1/tournaments/${tournament.id}/game-codes/${unused.id}`)).body.code).toBe(
        'GAME_CODE_ALREADY_REVOKED',
      );
    });

    it('an expired code does not work', async () => {
      const code = (
        await ctx.http('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId, expiresInMinutes: 5 })
      ).body;
      await sql(ctx, `UPDATE game_code SET expires_at = now() - interval '1 second' WHERE id = $1`, [code.id]);
      expect((await ctx.anon('POST', '/api/v1/auth/game-code', { code: code.code })).body.code).toBe(
        'GAME_CODE_INVALID',
      );
      const list = await ctx.http('GET', `/api/v1/tournaments/${tournament.id}/game-codes`);
      expect(list.body.find((c: any) => c.id === code.id).status).toBe('expired');
    });

    it('a code is six digits; anything else is a 400', async () => {
      const res = await ctx.anon('POST', '/api/v1/auth/game-code', { code: '12345' });
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'code', reason: 'must be the 6 digits of a game code' }),
      ]);
    });
  });

  it('refuses bodies over the size limit with 413 in the usual error shape', async () => {
    const res = await ctx.http('POST', '/api/v1/units', { name: 'x'.repeat(1_100_000), kind: 'enterprise' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'PAYLOAD_TOO_LARGE',
      requestId: expect.any(String),
    });
  });
});

describe('throttling', () => {
  describe('failed logins (LOGIN_MAX_FAILURES=3)', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW_SECONDS: '600' } });
    });
    afterAll(() => ctx?.close());

    it('answers 429 with Retry-After after repeated failures, even for the right password', async () => {
      const { username, password } = ctx.organiser;
      for (let i = 0; i < 3; i++) {
        expect(
          (await ctx.anon('POST', '/api/v1/auth/login', { username, password: `wrong password ${i}` })).status,
        ).toBe(401);
      }
      const blocked = await ctx.anon('POST', '/api/v1/auth/login', { username, password });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'TOO_MANY_ATTEMPTS',
        requestId: expect.any(String),
      });
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(590);
      expect(retryAfter).toBeLessThanOrEqual(600);
      // Another account is not locked out by someone guessing this one.
      expect(
        (await ctx.anon('POST', '/api/v1/auth/login', { username: ctx.admin.username, password: ctx.admin.password }))
          .status,
      ).toBe(200);
      // Sessions already open keep working.
      expect((await ctx.organiser.http('GET', '/api/v1/auth/me')).status).toBe(200);
    });

    it('throttles guessing game codes by address', async () => {
      const codes = new Set<number>();
      let last;
      for (let i = 0; i < 13; i++) {
        last = await ctx.anon('POST', '/api/v1/auth/game-code', { code: String(100000 + i) });
        codes.add(last.status);
      }
      expect([...codes].sort()).toEqual([401, 429]);
      expect(last!.status).toBe(429);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('writes (WRITE_RATE_LIMIT_PER_MINUTE=5)', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await startTestApp({ env: { WRITE_RATE_LIMIT_PER_MINUTE: '5' } });
    });
    afterAll(() => ctx?.close());

    it('answers 429 with Retry-After past the limit per session; reads and other sessions go on', async () => {
      for (let i = 0; i < 5; i++)
        expect((await ctx.http('POST', '/api/v1/units', { name: `限流单位${i}`, kind: 'enterprise' })).status).toBe(
          201,
        );
      const sixth = await ctx.http('POST', '/api/v1/units', { name: '限流单位5', kind: 'enterprise' });
      expect(sixth.status).toBe(429);
      expect(sixth.body.code).toBe('TOO_MANY_WRITES');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      expect((await ctx.http('GET', '/api/v1/units')).status).toBe(200);
      expect((await ctx.admin.http('POST', '/api/v1/units', { name: '管理员的单位', kind: 'enterprise' })).status).toBe(
        201,
      );
    });
  });
});
