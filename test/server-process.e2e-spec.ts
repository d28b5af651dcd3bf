import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { embeddedUrl } from '../src/database/embedded.js';
import { dropDatabase, emptyDatabase, urlFor, withAdmin } from './support/database.js';
import {
  buildOnce,
  CLI_DIR,
  FIRST_ADMIN,
  freePort,
  loginTo,
  MAIN,
  runServer,
  type ServerProcess,
  waitForHealth,
} from './support/server-process.js';

/** A server's environment on database `name`, creating the first administrator at start. */
const withFirstAdmin = (name: string, port: number) => ({
  DATABASE_URL: urlFor(name),
  PORT: String(port),
  HOST: '127.0.0.1',
  ID_HASH_KEY: 'k'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
  ...FIRST_ADMIN,
});

/** The real build, run as a user runs it: configuration, start-up, migrations, shutdown. */
describe('the server process', () => {
  beforeAll(() => buildOnce(), 120_000);

  it('stops with one line naming a bad variable', async () => {
    const server = runServer({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await server.exited).toBe(2);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT="eighty" is invalid');
    expect(lines[0]).toContain('LOG_LEVEL="loud" is invalid');
    expect(server.stderr()).not.toContain('    at ');
  });

  it('gives up on an unreachable database after a bounded retry, with a clear message', async () => {
    const server = runServer({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      DB_CONNECT_ATTEMPTS: '2',
      DB_CONNECT_RETRY_MS: '100',
      PORT: String(freePort()),
    });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim()).toMatch(
      /^courtside: Cannot reach the database at 127\.0\.0\.1:1\/nowhere after 2 attempt\(s\): .*ECONNREFUSED/,
    );
  });

  it('migrates an empty database at start, logs JSON with request ids, and drains in-flight requests on SIGTERM', async () => {
    const name = `courtside_t_proc_${process.pid}`;
    await emptyDatabase(name);
    const port = freePort();
    const server = runServer(withFirstAdmin(name, port));
    try {
      await waitForHealth(port, server);
      const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
      const created = await fetch(`http://127.0.0.1:${port}/api/v1/units`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': 'trace-abcdef12',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ name: '湖州市总工会', kind: 'federation' }),
      });
      expect(created.status).toBe(201);

      // A request still arriving when SIGTERM comes is finished before the process exits.
      const body = JSON.stringify({ name: '南浔区总工会', kind: 'district_union' });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      let response = '';
      socket.on('data', (d) => (response += d));
      socket.write(
        `POST /api/v1/units HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(body.slice(0, 5));
      await new Promise((r) => setTimeout(r, 200));
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      socket.write(body.slice(5));
      await new Promise((r) => socket.once('close', r));
      expect(response).toMatch(/^HTTP\/1\.1 201/);
      expect(await server.exited).toBe(0);

      const logs = server
        .stdout()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(logs.some((l) => l.reqId === 'trace-abcdef12' && l.res?.statusCode === 201)).toBe(true);
      expect(logs.some((l) => l.msg === 'stopped')).toBe(true);
      const tables = await withAdmin(async () => undefined).then(async () => {
        const c = new pg.Client(urlFor(name));
        await c.connect();
        const r = await c.query('SELECT count(*)::int AS n FROM unit');
        await c.end();
        return r.rows[0].n;
      });
      expect(tables).toBe(2);
    } finally {
      server.child.kill('SIGKILL');
      await dropDatabase(name);
    }
  }, 180_000);

  it('two instances and `migration:run` started together on an empty database all succeed (migrations and the first administrator once)', async () => {
    const name = `courtside_t_twin_${process.pid}`;
    await emptyDatabase(name);
    const ports = [freePort(), freePort()];
    const servers = ports.map((port) => runServer(withFirstAdmin(name, port)));
    const migrationRun = new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(CLI_DIR, 'migrate.js')], {
        env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: urlFor(name) },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code, out }));
    });
    try {
      await Promise.all(servers.map((server, i) => waitForHealth(ports[i]!, server)));
      const cli = await migrationRun;
      expect(cli.code).toBe(0);
      expect(cli.out).toMatch(/^(Applied \d+ migrations:|No pending migrations)/);
      for (const port of ports)
        expect(await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD)).toEqual(expect.any(String));
      const c = new pg.Client(urlFor(name));
      await c.connect();
      const migrations = await c.query('SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM migrations');
      const admins = await c.query('SELECT count(*)::int AS n FROM account');
      await c.end();
      expect(migrations.rows[0].n).toBe(migrations.rows[0].d);
      expect(admins.rows[0].n).toBe(1);
      for (const server of servers) expect(server.stderr()).not.toMatch(/duplicate key|already exists|failed to start/);
    } finally {
      servers.forEach((server) => server.child.kill('SIGKILL'));
      await dropDatabase(name);
    }
  }, 180_000);

  it('runs on the embedded PostgreSQL when DATABASE_URL is unset, and keeps data across restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'courtside-embedded-'));
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(freePort()),
      PORT: String(freePort()),
      HOST: '127.0.0.1',
      ...FIRST_ADMIN,
    };
    try {
      const first = runServer(env);
      await waitForHealth(Number(env.PORT), first, 60_000);
      const token = await loginTo(Number(env.PORT), FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
      const res = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: '长兴县总工会', kind: 'county_union' }),
      });
      expect(res.status).toBe(201);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = runServer(env);
      await waitForHealth(Number(env.PORT), second, 60_000);
      const list = (await (await fetch(`http://127.0.0.1:${env.PORT}/api/v1/units`)).json()) as {
        items: Array<{ name: string }>;
      };
      expect(list.items.map((u) => u.name)).toEqual(['长兴县总工会']);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  describe('when the embedded PostgreSQL is killed under a running server', () => {
    let dataDir: string;
    let env: Record<string, string>;
    beforeEach(() => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'courtside-embedded-kill-'));
      env = {
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(freePort()),
        PORT: String(freePort()),
        HOST: '127.0.0.1',
        ...FIRST_ADMIN,
      };
    });
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    /** The postmaster's process id, as PostgreSQL writes it in its data folder. */
    const postmaster = () => Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const logLines = (server: ServerProcess) =>
      server
        .stdout()
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string; reason?: string; attempt?: number });

    it('starts it again, and the server takes writes again without a restart', async () => {
      const server = runServer(env);
      const port = Number(env.PORT);
      await waitForHealth(port, server, 60_000);
      const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
      const createUnit = (name: string) =>
        fetch(`http://127.0.0.1:${port}/api/v1/units`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ name, kind: 'county_union' }),
        }).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          code: ((await r.json()) as { code?: string }).code,
        }));
      expect((await createUnit('长兴县总工会')).status).toBe(201);

      // A backend busy with a long query when its postmaster dies goes on for minutes, holding the
      // old shared memory, so no new cluster could start: the restart must end it first.
      const busy = new pg.Client({ connectionString: embeddedUrl(Number(env.EMBEDDED_PG_PORT)) });
      busy.on('error', () => undefined);
      await busy.connect();
      const longQuery = busy.query('SELECT count(*) FROM generate_series(1, 1e11)').then(
        () => 'finished',
        (e: Error) => e.message,
      );
      const watcher = new pg.Client({ connectionString: embeddedUrl(Number(env.EMBEDDED_PG_PORT)) });
      await watcher.connect();
      for (let running = 0; running === 0;) {
        const { rows } = await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%generate_series(1, 1e11)%' AND pid <> pg_backend_pid()",
        );
        running = rows[0]!.n;
      }
      await watcher.end();

      // Writes while it is down are refused with 503 and Retry-After (never a 500), and none is half-written.
      const killed = postmaster();
      process.kill(killed, 'SIGKILL');
      const answers: Array<Awaited<ReturnType<typeof createUnit>>> = [];
      const health: number[] = [];
      try {
        for (const until = Date.now() + 60_000; Date.now() < until && answers.at(-1)?.status !== 201;) {
          health.push((await fetch(`http://127.0.0.1:${port}/api/health`)).status);
          answers.push(await createUnit('安吉县总工会'));
          await new Promise((r) => setTimeout(r, 20));
        }
      } catch (e) {
        // A request the server did not answer: say what the server was doing.
        throw new Error(
          `request ${answers.length + 1} failed (${String((e as Error).cause ?? e)}); server exit code ${server.child.exitCode}\n${server.stderr()}\n${server.stdout().slice(-20_000)}`,
          { cause: e },
        );
      }
      expect(answers.at(-1)?.status).toBe(201);
      expect(answers.length).toBeGreaterThan(1); // the outage was seen, not slept through
      for (const refused of answers.slice(0, -1))
        expect(refused).toEqual({ status: 503, retryAfter: '2', code: 'DATABASE_UNAVAILABLE' });
      expect(postmaster()).not.toBe(killed);
      expect(server.child.exitCode).toBeNull();
      const restarts = logLines(server).filter((l) => l.msg === 'the embedded PostgreSQL stopped; starting it again');
      expect(restarts[0]).toMatchObject({ level: 40, attempt: 1 });
      expect(restarts[0].reason).toContain('killed by SIGKILL');
      // The first try started it: the busy backend was ended, not waited for.
      expect(restarts.map((l) => l.attempt)).toEqual([1]);
      expect(await longQuery).toMatch(/terminated|closed|ECONNRESET/i);
      // Health saying the database is away is a warning in the log; only the failed writes are errors.
      // (The first poll may still find a backend the killed postmaster left running: any poll will do.)
      expect(health).toContain(503);
      const lines = logLines(server) as Array<{ level: number; msg: string; url?: string; code?: string }>;
      expect(lines.filter((l) => l.msg === 'unhandled error')).toEqual([]);
      expect(lines.find((l) => l.url === '/api/health' && l.code === 'DATABASE_UNAVAILABLE')).toMatchObject({
        level: 40,
      });

      const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/units`)).json()) as {
        items: Array<{ name: string }>;
      };
      expect(list.items.map((u) => u.name).sort()).toEqual(['安吉县总工会', '长兴县总工会'].sort());
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // The cluster it started again is stopped with the server, not left running.
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    }, 180_000);

    it('stops with one line when it cannot be started again (its port was taken meanwhile)', async () => {
      const server = runServer(env);
      await waitForHealth(Number(env.PORT), server, 60_000);
      process.kill(postmaster(), 'SIGKILL');
      const squatter = net.createServer();
      for (const until = Date.now() + 10_000; ;) {
        const bound = await new Promise<boolean>((resolve) => {
          squatter.once('error', () => resolve(false));
          squatter.listen(Number(env.EMBEDDED_PG_PORT), '127.0.0.1', () => resolve(true));
        });
        if (bound || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(squatter.listening).toBe(true);
      try {
        expect(await server.exited).toBe(1);
      } finally {
        squatter.close();
      }
      const lines = server.stderr().trim().split('\n');
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^courtside: the embedded PostgreSQL stopped and could not be started again: PostgreSQL stopped at start on port ${env.EMBEDDED_PG_PORT}: .*could not`,
        ),
      );
      expect(
        logLines(server)
          .filter((l) => l.msg === 'the embedded PostgreSQL stopped; starting it again')
          .map((l) => l.attempt),
      ).toEqual([1, 2, 3, 4]);
    }, 180_000);
  });

  it('starts from the bundle, keeps its compiled code for the next start, and loads one copy of each validation package', async () => {
    const name = `courtside_t_bundle_${process.pid}`;
    await emptyDatabase(name);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'courtside-bundle-'));
    const cacheDir = path.join(dataDir, 'cache');
    const port = freePort();
    const env = {
      DATABASE_URL: urlFor(name),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ID_HASH_KEY: 'k'.repeat(40),
      JWT_SECRET: 'j'.repeat(40),
      ...FIRST_ADMIN,
    };
    const api = (token: string, method: string, url: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // Node 20: one file the launcher writes; Node 22+: Node's own compile cache folder.
    const kept = () =>
      existsSync(cacheDir)
        ? readdirSync(cacheDir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => path.join(e.parentPath, e.name))
        : [];
    try {
      expect(MAIN).toMatch(/dist\/server\/start\.mjs$/);
      const first = runServer(env);
      await waitForHealth(port, first);
      const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
      const created = await api(token, 'POST', '/tournaments', {
        name: '打包测试赛',
        season: '2026',
        startsOn: '2026-05-11',
        endsOn: '2026-05-12',
      });
      expect(created.status).toBe(201);
      const tournamentId = ((await created.json()) as { id: string }).id;
      // A nested field of a mapped type (PartialType): its class-transformer metadata must be in the
      // copy the validation pipe reads, or the nested object would not be checked at all.
      const refused = await api(token, 'PATCH', `/tournaments/${tournamentId}`, { rules: { forfeitScore: 0 } });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain('rules.forfeitScore');
      // A package the bundle loads on first use (exceljs).
      const sheet = await fetch(`http://127.0.0.1:${port}/api/v1/tournaments/${tournamentId}/exports/schedule.xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(sheet.status).toBe(200);
      expect(
        Buffer.from(await sheet.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      const until = Date.now() + 30_000;
      while (kept().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      expect(kept().length).toBeGreaterThan(0);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      const before = new Map(kept().map((f) => [f, statSync(f).mtimeMs]));

      const second = runServer(env);
      await waitForHealth(port, second);
      const again = await api(token, 'PATCH', `/tournaments/${tournamentId}`, { rules: { forfeitScore: 101 } });
      expect(again.status).toBe(400);
      await new Promise((r) => setTimeout(r, 2000));
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      // The code kept by the first start fitted: the second neither refused nor rewrote it.
      if (process.versions.node.startsWith('20.'))
        expect(new Map(kept().map((f) => [f, statSync(f).mtimeMs]))).toEqual(before);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(name);
    }
  }, 300_000);

  it('has no administrator and no default password until one is created from the command line', async () => {
    const name = `courtside_t_admin_${process.pid}`;
    await emptyDatabase(name);
    const port = freePort();
    const server = runServer({ DATABASE_URL: urlFor(name), PORT: String(port), HOST: '127.0.0.1' });
    const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => {
      const { ADMIN_PASSWORD: _unset, ...inherited } = process.env;
      return spawnSync(process.execPath, [path.join(CLI_DIR, 'create-admin.js'), ...args], {
        input: options.input ?? '',
        env: { ...inherited, NODE_OPTIONS: '', DATABASE_URL: urlFor(name), ...options.env },
        encoding: 'utf8',
      });
    };
    try {
      await waitForHealth(port, server);
      const logs = server
        .stdout()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(logs.some((l) => l.level === 40 && /no administrator yet.*admin:create/.test(l.msg))).toBe(true);
      await expect(loginTo(port, 'admin', 'admin')).rejects.toThrow(/400|401/);

      const created = cli(['Chief'], { input: 'a long passphrase from stdin\n' });
      expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: '' });
      expect(created.stdout).toContain('Created administrator chief');
      const token = await loginTo(port, 'chief', 'a long passphrase from stdin');

      const again = cli(['chief'], { input: 'a long passphrase from stdin\n' });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('an account named chief already exists');
      const short = cli(['deputy'], { input: 'short\n' });
      expect(short.status).toBe(2);
      expect(short.stderr).toContain('at least 12 characters');

      // A forgotten password: reset from the command line; the old sessions end.
      const reset = cli(['chief', '--reset-password'], { env: { ADMIN_PASSWORD: 'a replacement passphrase' } });
      expect(reset.status).toBe(0);
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(401);
      await loginTo(port, 'chief', 'a replacement passphrase');
    } finally {
      server.child.kill('SIGKILL');
      await dropDatabase(name);
    }
  }, 180_000);
});
