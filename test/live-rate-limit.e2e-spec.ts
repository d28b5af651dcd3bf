import { randomUUID } from 'node:crypto';
import { assertRedisUp, startInstance, TEST_REDIS_URL, type Instance } from './support/instances.js';
import { connectSocket, type LiveSocket } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const WRITES_PER_MINUTE = 12;

/**
 * Two instances on one PostgreSQL and one Redis, as behind a load balancer: the write limit
 * counts a session's socket commands and HTTP writes together, and the write and login-failure
 * counters are shared, so a caller gets the limit once, not once per instance.
 */
describe('rate limits over socket.io and across instances (REDIS_URL)', () => {
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `courtside-test-${randomUUID().slice(0, 8)}`,
    WRITE_RATE_LIMIT_PER_MINUTE: String(WRITES_PER_MINUTE),
    LOGIN_MAX_FAILURES: '3',
  };
  let a: TestContext;
  let b: Instance;
  const sockets: LiveSocket[] = [];
  beforeAll(async () => {
    await assertRedisUp();
    a = await startTestApp({ env });
    b = await startInstance(a.databaseUrl, env);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await b?.close();
    await a?.close();
  });

  it('socket writes share their session’s limit with HTTP writes, across both instances', async () => {
    const scorer = await a.newAccount('scorekeeper');
    const onA = await connectSocket(a.baseUrl, scorer.accessToken);
    const onB = await connectSocket(b.baseUrl, scorer.accessToken);
    sockets.push(onA, onB);
    // A game that does not exist: refused with 404 after the throttle counted the write.
    const command = () => ({
      gameId: randomUUID(),
      clientEventId: randomUUID(),
      expectedSeq: 0,
      event: { type: 'period_start' as const },
    });
    const codes: string[] = [];
    for (let i = 0; i < WRITES_PER_MINUTE - 2; i++) {
      const ack = await (i % 2 ? onB : onA).emitWithAck('game:event', command());
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    // Two HTTP writes of the same session, one through each instance.
    for (const base of [a.baseUrl, b.baseUrl]) {
      const res = await fetch(`${base}/api/v1/games/${randomUUID()}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${scorer.accessToken}` },
        body: JSON.stringify(command()),
      });
      codes.push(((await res.json()) as { code: string }).code);
    }
    expect(codes).toHaveLength(WRITES_PER_MINUTE);
    expect(codes).not.toContain('TOO_MANY_WRITES');

    // The budget is used up everywhere: socket on either instance, and HTTP.
    for (const socket of [onA, onB]) {
      const ack = await socket.emitWithAck('game:event', command());
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 429, code: 'TOO_MANY_WRITES' } });
      const retry = (ack as unknown as { error: { context: { retryAfterSeconds: number } } }).error.context
        .retryAfterSeconds;
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
    }
    const http = await fetch(`${b.baseUrl}/api/v1/games/${randomUUID()}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scorer.accessToken}` },
      body: JSON.stringify(command()),
    });
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Reads go on, and another session has its own budget.
    expect((await onA.emitWithAck('game:subscribe', { gameId: randomUUID() })).ok).toBe(false);
    const other = await a.login(scorer.username, scorer.password);
    const fresh = await connectSocket(b.baseUrl, other.accessToken);
    sockets.push(fresh);
    const ack = await fresh.emitWithAck('game:event', command());
    expect(ack).toMatchObject({ ok: false, error: { code: 'GAME_NOT_FOUND' } });
  });

  it('failed logins are counted across instances: the limit holds wherever the attempts land', async () => {
    const target = await a.newAccount('organiser');
    const login = (base: string, password: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: target.username, password }),
      });
    const statuses: number[] = [];
    for (const base of [a.baseUrl, b.baseUrl, a.baseUrl]) statuses.push((await login(base, 'not the password')).status);
    expect(statuses).toEqual([401, 401, 401]);
    // The fourth attempt, even with the right password and on the other instance, waits.
    const blocked = await login(b.baseUrl, target.password);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { code: string }).code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the socket write limit without Redis (memory counters)', () => {
  let ctx: TestContext;
  const sockets: LiveSocket[] = [];
  beforeAll(async () => {
    ctx = await startTestApp({ env: { WRITE_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await ctx?.close();
  });

  it('answers 429 TOO_MANY_WRITES with retry information past the limit; subscriptions go on', async () => {
    const scorer = await ctx.newAccount('scorekeeper');
    const socket = await connectSocket(ctx.baseUrl, scorer.accessToken);
    sockets.push(socket);
    const command = () => ({ gameId: randomUUID(), clientEventId: randomUUID(), expectedSeq: 0 });
    for (let i = 0; i < 5; i++)
      expect(await socket.emitWithAck('game:undo', command())).toMatchObject({
        ok: false,
        error: { code: 'GAME_NOT_FOUND' },
      });
    expect(await socket.emitWithAck('game:undo', command())).toMatchObject({
      ok: false,
      error: { statusCode: 429, code: 'TOO_MANY_WRITES', context: { retryAfterSeconds: expect.any(Number) } },
    });
    const subscribed = await socket.emitWithAck('tournament:subscribe', { tournamentId: randomUUID() });
    expect(subscribed).toMatchObject({ ok: false, error: { statusCode: 404 } });
  });
});
