import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { verifyDelivery } from '../src/domain/webhooks/index.js';
import { urlFor, withAdmin } from './support/database.js';
import { factories } from './support/factories.js';
import { newKit, ok, playGame } from './support/played-games.js';
import { buildOnce, FIRST_ADMIN, freePort, loginTo, runServer, waitForHealth } from './support/server-process.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const LONG = 300_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
}

/** A real HTTP receiver on a fixed port, which can go down and come back on the same address. */
class Receiver {
  readonly received: Received[] = [];
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body, json: JSON.parse(body) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  of(event: string) {
    return this.received.filter((r) => r.json.event === event);
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PLAYERS = (p: string) => [1, 2, 3, 4, 5].map((i) => `${p}${i}`);

describe('webhooks (issue 16)', () => {
  let ctx: TestContext;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    ctx = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '300' } });
  }, LONG);

  afterAll(async () => {
    await ctx?.close();
    await receiver.stop();
  });

  const hooksOf = (tournamentId: string) => `/api/v1/tournaments/${tournamentId}/webhooks`;

  it(
    'lets only the tournament’s organisers register, refuses bad addresses and events by field, and shows the secret once',
    async () => {
      const f = factories(ctx);
      const t = await f.newTournament();
      const stranger = await ctx.newAccount('organiser');
      const body = { url: receiver.url, events: ['game.final'] };
      expect((await ctx.anon('POST', hooksOf(t.id), body)).status).toBe(401);
      expect((await stranger.http('POST', hooksOf(t.id), body)).status).toBe(403);
      expect((await stranger.http('GET', hooksOf(t.id))).status).toBe(403);

      const ftp = await ctx.http('POST', hooksOf(t.id), { ...body, url: 'ftp://example.org/x' });
      expect(ftp.status).toBe(400);
      expect(ftp.body).toMatchObject({ code: 'WEBHOOK_URL_INVALID', details: [{ field: 'url' }] });
      const creds = await ctx.http('POST', hooksOf(t.id), { ...body, url: 'https://a:b@example.org/x' });
      expect(creds.body.details[0].reason).toContain('user name or password');
      const badEvent = await ctx.http('POST', hooksOf(t.id), { ...body, events: ['game.exploded'] });
      expect(badEvent.status).toBe(400);
      expect(badEvent.body.details[0].field).toContain('events');

      const created = await ctx.http('POST', hooksOf(t.id), { ...body, description: '成绩公告屏' });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
      const listed = await ok(ctx.http, 'GET', hooksOf(t.id));
      expect(listed).toEqual([
        expect.objectContaining({ id: created.body.id, url: receiver.url, events: ['game.final'] }),
      ]);
      expect(JSON.stringify(listed)).not.toContain(created.body.secret);
      // An administrator may read them too.
      expect((await ctx.admin.http('GET', hooksOf(t.id))).status).toBe(200);
    },
    LONG,
  );

  it(
    'signs game started, game final and standings changed, sent after commit, readable in the delivery log',
    async () => {
      const kit = await newKit(ctx, [
        { name: '长兴天顺物流队', players: PLAYERS('长') },
        { name: '德清乾元篮球队', players: PLAYERS('德') },
      ]);
      const hook = await ok(ctx.http, 'POST', hooksOf(kit.tournamentId), {
        url: receiver.url,
        events: ['game.started', 'game.final', 'standings.changed'],
      });
      const game = await factories(ctx).newGame(kit.tournamentId, {
        homeTeamId: kit.teams.get('长兴天顺物流队'),
        awayTeamId: kit.teams.get('德清乾元篮球队'),
      });
      const before = receiver.received.length;
      await playGame(ctx, kit, game.id, [
        ['fg', '长1', 3],
        ['fg', '德2', 2],
      ]);
      const mine = () => receiver.received.slice(before).filter((r) => r.json.tournamentId === kit.tournamentId);
      await until('three deliveries', () => mine().length >= 3 || undefined);
      await new Promise((r) => setTimeout(r, 300));
      const got = mine();
      expect(got.map((r) => r.json.event).sort()).toEqual(['game.final', 'game.started', 'standings.changed']);
      for (const r of got) {
        expect(
          verifyDelivery(
            hook.secret,
            {
              timestamp: r.headers['x-courtside-timestamp'] as string,
              signature: r.headers['x-courtside-signature'] as string,
            },
            r.body,
          ),
        ).toBe(true);
        // Any other secret, or a changed body, fails.
        expect(
          verifyDelivery(
            'whsec_wrong',
            {
              timestamp: r.headers['x-courtside-timestamp'] as string,
              signature: r.headers['x-courtside-signature'] as string,
            },
            r.body,
          ),
        ).toBe(false);
        expect(r.headers['x-courtside-event']).toBe(r.json.event);
        expect(r.headers['content-type']).toContain('application/json');
      }
      const final = got.find((r) => r.json.event === 'game.final')!.json;
      expect(final.data.game).toMatchObject({
        id: game.id,
        homeTeam: { name: '长兴天顺物流队' },
        awayTeam: { name: '德清乾元篮球队' },
        homeScore: 3,
        awayScore: 2,
        result: { kind: 'played', homeScore: 3, awayScore: 2 },
      });
      const started = got.find((r) => r.json.event === 'game.started')!.json;
      expect(started.data).toMatchObject({ from: 'ready', to: 'live', game: { id: game.id } });

      const log = await ok(ctx.http, 'GET', `${hooksOf(kit.tournamentId)}/${hook.id}/deliveries`);
      expect(log.total).toBe(3);
      expect(
        log.items.every((d: any) => d.status === 'delivered' && d.attempts === 1 && d.lastStatusCode === 200),
      ).toBe(true);
      const delivered = got.find((r) => r.json.event === 'game.final')!;
      expect(log.items.find((d: any) => d.id === delivered.headers['x-courtside-delivery'])).toMatchObject({
        event: 'game.final',
        payload: final,
      });

      // Reopening the final game withdraws its result: a correction; deciding it again is final again.
      const corrections = await ok(ctx.http, 'POST', hooksOf(kit.tournamentId), {
        url: receiver.url,
        events: ['result.corrected'],
      });
      const count = receiver.received.length;
      await ok(ctx.http, 'POST', `/api/v1/games/${game.id}/transitions`, { to: 'live', reason: '记录台更正' });
      const corrected = await until('result.corrected', () =>
        receiver.received.slice(count).find((r) => r.json.event === 'result.corrected'),
      );
      expect(corrected.json.data).toMatchObject({
        from: 'final',
        to: 'live',
        previousResult: { homeScore: 3, awayScore: 2 },
        game: { id: game.id, result: null },
      });
      await ok(ctx.http, 'POST', `/api/v1/games/${game.id}/transitions`, { to: 'final' });
      await until(
        'game.final again',
        () => receiver.received.slice(count).some((r) => r.json.event === 'game.final') || undefined,
      );
      await new Promise((r) => setTimeout(r, 300));
      const after = receiver.received.slice(count).map((r) => r.json.event);
      expect(after).not.toContain('game.started');
      expect(after.filter((e) => e === 'result.corrected')).toHaveLength(1);
      const log2 = await ok(ctx.http, 'GET', `${hooksOf(kit.tournamentId)}/${corrections.id}/deliveries`);
      expect(log2.items.map((d: any) => d.event)).toEqual(['result.corrected']);
    },
    LONG,
  );

  it(
    'keeps retrying while the receiver is down, with growing waits, and delivers once it is back',
    async () => {
      const kit = await newKit(ctx, [
        { name: '安吉白茶队', players: PLAYERS('安') },
        { name: '吴兴织里童装队', players: PLAYERS('吴') },
      ]);
      const down = new Receiver();
      await down.start();
      const port = down.port;
      const hook = await ok(ctx.http, 'POST', hooksOf(kit.tournamentId), {
        url: down.url,
        events: ['game.final', 'result.corrected'],
      });
      await down.stop();
      const game = await factories(ctx).newGame(kit.tournamentId, {
        homeTeamId: kit.teams.get('安吉白茶队'),
        awayTeamId: kit.teams.get('吴兴织里童装队'),
      });
      // A forfeit is a result at once: 20:0 to 安吉.
      await ok(ctx.http, 'POST', `/api/v1/games/${game.id}/transitions`, {
        to: 'forfeit',
        teamId: kit.teams.get('吴兴织里童装队'),
      });
      const logUrl = `${hooksOf(kit.tournamentId)}/${hook.id}/deliveries`;
      const failing = await until('three failed attempts', async () => {
        const log = await ok(ctx.http, 'GET', logUrl);
        return log.items[0]?.attempts >= 3 ? log.items[0] : undefined;
      });
      expect(failing).toMatchObject({ event: 'game.final', status: 'pending', lastStatusCode: null });
      expect(failing.lastError).toContain('ECONNREFUSED');
      // The waits grow: the next attempt is due later than the base wait after the last one.
      expect(Date.parse(failing.nextAttemptAt) - Date.parse(failing.lastAttemptAt)).toBeGreaterThanOrEqual(
        300 * 2 ** (failing.attempts - 1) - 50,
      );

      await down.start(port);
      try {
        await until('the delivery after the receiver came back', () => down.of('game.final')[0]);
        const body = down.of('game.final')[0]!;
        expect(body.json.data.game.result).toMatchObject({ kind: 'forfeit', homeScore: 20, awayScore: 0 });
        const log = await until('delivered in the log', async () => {
          const l = await ok(ctx.http, 'GET', logUrl);
          return l.items[0]?.status === 'delivered' ? l : undefined;
        });
        expect(log.items[0].attempts).toBeGreaterThanOrEqual(4);
        expect(log.items[0].deliveredAt).not.toBeNull();
        expect(down.of('game.final')).toHaveLength(1);
      } finally {
        await down.stop();
      }
    },
    LONG,
  );

  it(
    'tells schedule changes when an organiser moves a game',
    async () => {
      const names = ['湖州一队', '湖州二队', '湖州三队', '湖州四队'];
      const kit = await newKit(
        ctx,
        names.map((n, i) => ({ name: n, players: PLAYERS(`队${i}`) })),
      );
      const base = `/api/v1/tournaments/${kit.tournamentId}/competition`;
      await ok(ctx.http, 'PUT', base, {
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
      await ok(ctx.http, 'PUT', `${base}/courts`, {
        courts: [{ id: 'c1', name: '1号场', windows: [{ start: '2024-05-11T08:00', end: '2024-05-11T22:00' }] }],
      });
      await ok(ctx.http, 'POST', `${base}/schedule`, { slotMinutes: 90, minRestMinutes: 0 });
      await ok(ctx.http, 'POST', `${base}/games`);
      await ok(ctx.http, 'POST', hooksOf(kit.tournamentId), { url: receiver.url, events: ['schedule.changed'] });
      const schedule = await ok(ctx.anon, 'GET', `${base}/schedule`);
      const last = schedule.games.at(-1);
      await ok(ctx.http, 'POST', `${base}/schedule/moves`, {
        gameId: last.gameId,
        courtId: 'c1',
        start: '2024-05-11T20:30',
      });
      const got = await until('schedule.changed', () =>
        receiver.received.find((r) => r.json.event === 'schedule.changed' && r.json.tournamentId === kit.tournamentId),
      );
      expect(got.json.data).toEqual({ gameId: null });
      await new Promise((r) => setTimeout(r, 300));
      // One notice per move, not one per part of the page that changed.
      expect(
        receiver.received.filter(
          (r) => r.json.event === 'schedule.changed' && r.json.tournamentId === kit.tournamentId,
        ),
      ).toHaveLength(1);
    },
    LONG,
  );
});

describe('webhook deliveries across a server restart (issue 16)', () => {
  beforeAll(() => buildOnce(), LONG);

  it(
    'keeps what was not delivered in the outbox and sends it after the server starts again',
    async () => {
      const name = `courtside_t_hooks_${process.pid}`;
      await withAdmin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.query(`CREATE DATABASE "${name}"`);
      });
      const receiver = new Receiver();
      await receiver.start();
      const receiverPort = receiver.port;
      await receiver.stop();
      const port = freePort();
      const env = {
        DATABASE_URL: urlFor(name),
        PORT: String(port),
        HOST: '127.0.0.1',
        ID_HASH_KEY: 'k'.repeat(40),
        JWT_SECRET: 'j'.repeat(40),
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_BASE_MS: '200',
        LOG_LEVEL: 'warn',
        ...FIRST_ADMIN,
      };
      const first = runServer(env);
      try {
        await waitForHealth(port, first, 240_000);
        const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
        const call = async (method: string, path: string, body?: unknown) => {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
            method,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const json = (await res.json()) as any;
          if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
          return json;
        };
        const unit = await call('POST', '/units', { name: '湖州市总工会', kind: 'federation' });
        const t = await call('POST', '/tournaments', {
          name: '工BA 重启',
          season: '2024',
          startsOn: '2024-05-11',
          endsOn: '2024-05-19',
        });
        const home = await call('POST', `/tournaments/${t.id}/teams`, { name: '南浔彩蝶队', unitId: unit.id });
        const away = await call('POST', `/tournaments/${t.id}/teams`, { name: '德清乾元队', unitId: unit.id });
        const game = await call('POST', `/tournaments/${t.id}/games`, { homeTeamId: home.id, awayTeamId: away.id });
        const hook = await call('POST', `/tournaments/${t.id}/webhooks`, {
          url: `http://127.0.0.1:${receiverPort}/hook`,
          events: ['game.final'],
        });
        await call('POST', `/games/${game.id}/transitions`, { to: 'forfeit', teamId: away.id });
        // The receiver is down: attempts fail and the delivery stays pending.
        await until('a failed attempt', async () => {
          const log = await call('GET', `/tournaments/${t.id}/webhooks/${hook.id}/deliveries`);
          return log.items[0]?.attempts >= 1 ? true : undefined;
        });
        first.child.kill('SIGKILL');
        await first.exited;

        await receiver.start(receiverPort);
        // Nothing reached the receiver while the server was down.
        await new Promise((r) => setTimeout(r, 500));
        expect(receiver.received).toHaveLength(0);

        const second = runServer(env);
        try {
          await waitForHealth(port, second, 240_000);
          const got = await until('the delivery after the restart', () => receiver.of('game.final')[0], 120_000);
          expect(got.json.data.game).toMatchObject({ id: game.id, result: { kind: 'forfeit', homeScore: 20 } });
          expect(
            verifyDelivery(
              hook.secret,
              {
                timestamp: got.headers['x-courtside-timestamp'] as string,
                signature: got.headers['x-courtside-signature'] as string,
              },
              got.body,
            ),
          ).toBe(true);
          const client = new pg.Client(urlFor(name));
          await client.connect();
          try {
            const rows = await until('the row marked delivered', async () => {
              const r = await client.query(`SELECT status, attempts FROM webhook_delivery`);
              return r.rows[0]?.status === 'delivered' ? r.rows : undefined;
            });
            expect(rows).toHaveLength(1);
            expect(rows[0].attempts).toBeGreaterThanOrEqual(2);
          } finally {
            await client.end();
          }
        } finally {
          second.child.kill('SIGTERM');
          await second.exited;
        }
      } finally {
        first.child.kill('SIGKILL');
        await receiver.stop();
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
    2 * LONG,
  );
});
