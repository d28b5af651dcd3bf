import { spawn } from 'node:child_process';
import pg from 'pg';
import { factories, nationalId } from './support/factories.js';
import { startTestApp, type LoggedIn, type TestContext } from './support/test-app.js';

/**
 * Hostile and careless input over HTTP, generated from the OpenAPI document the app serves:
 * every write route (and every query parameter of every route) gets wrong types, nulls, NUL
 * characters, deep nesting, oversized values, prototype keys, broken encodings, injection
 * strings and impossible dates. Each answer must be under 500, within a second, name the field
 * when a field is at fault, and leave every table as it was when the request was refused.
 */

type Schema = {
  /** OpenAPI 3.1: a nullable field is a union with 'null' (resolve() turns it back into `nullable`). */
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  allOf?: Schema[];
  maxLength?: number;
};
type Operation = {
  parameters?: Array<{ name: string; in: string; schema?: Schema; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

interface Sent {
  status: number;
  body: any;
  ms: number;
}

const SLOW_MS = 1000;
/** The generated tests send thousands of requests; on a loaded machine that takes minutes. */
const LONG = 900_000;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Strings that must be stored as text or refused, never executed or interpreted. */
const INJECTIONS = [
  "' OR 1=1; DROP TABLE account; --",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}%s%n',
];
/** Impossible calendar dates in each format a field may take. */
const IMPOSSIBLE_DATES: Record<string, string[]> = {
  date: ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31'],
  'local-date-time': ['2024-02-30T10:00', '2024-04-31T08:00', '2024-05-01T24:00', '2024-05-01T10:60'],
  'date-time': ['2024-02-30T10:00:00+08:00', '2023-02-29T10:00:00Z'],
};

/** 20 clients, each sending 1 MB of nested arrays to the login in a loop until told to stop. */
const ATTACKER = `
const levels = 524000;
const body = Buffer.from('{"username":' + '['.repeat(levels) + ']'.repeat(levels) + ',"password":"x"}');
let stop = false, sent = 0;
const unexpected = [];
process.on('message', () => { stop = true; });
async function client() {
  while (!stop) {
    const res = await fetch(process.env.TARGET, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    if (res.status !== 400 && unexpected.length < 5) unexpected.push(String(res.status));
    if (++sent === 20) process.send('started');
  }
}
Promise.all(Array.from({ length: Number(process.env.CLIENTS) }, client)).then(() => {
  process.send({ sent, unexpected }, () => process.exit(0));
});
`;

function deepArray(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

describe('hostile input over HTTP', () => {
  let ctx: TestContext;
  let doc: OpenApi;
  let db: pg.Client;
  let tables: string[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startTestApp();
    doc = (await ctx.anon('GET', '/api/docs-json')).body as OpenApi;
    db = new pg.Client(ctx.databaseUrl);
    await db.connect();
    tables = (
      await db.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      )
    ).rows.map((r) => r.name);

    // Real objects behind every kind of path parameter, so validation (and the services behind
    // it, for whatever gets through) is really reached.
    const f = factories(ctx);
    const unit = await f.newUnit();
    const tournament = await f.newTournament({ hostUnitId: unit.id });
    const home = await f.newTeam(tournament.id);
    const away = await f.newTeam(tournament.id);
    const player = await f.newPlayer(home.id, { nationalId: nationalId(1) });
    const game = await f.newGame(tournament.id, { homeTeamId: home.id, awayTeamId: away.id });
    const scorekeeper = await ctx.newAccount('scorekeeper');
    const assignment = await f.ok('POST', `/api/v1/tournaments/${tournament.id}/scorekeepers`, {
      username: scorekeeper.username,
      gameId: game.id,
    });
    const code = await f.ok('POST', `/api/v1/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
    Object.assign(ids, {
      unit: unit.id,
      tournament: tournament.id,
      team: home.id,
      player: player.id,
      game: game.id,
      account: scorekeeper.accountId,
      assignment: assignment.id,
      code: code.id,
    });
  });
  afterAll(async () => {
    await db?.end();
    await ctx?.close();
  });

  /** A digest of every row of every table: any write shows. */
  async function snapshot(): Promise<Record<string, string>> {
    const select = tables
      .map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`)
      .join(', ');
    return (await db.query<Record<string, string>>(`SELECT ${select}`)).rows[0];
  }

  async function send(
    method: string,
    url: string,
    body: string | Buffer | undefined,
    contentType = 'application/json',
    token = ctx.admin.accessToken,
  ): Promise<Sent> {
    const started = performance.now();
    const res = await fetch(ctx.baseUrl + url, {
      method: method.toUpperCase(),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, ms };
  }

  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()!]);
    if (s.allOf?.length === 1) return { ...resolve(s.allOf[0]), nullable: s.nullable };
    const others = s.oneOf?.filter((o) => o.type !== 'null');
    if (others && others.length === 1 && others.length < s.oneOf!.length)
      return { ...resolve(others[0]), nullable: true };
    if (Array.isArray(s.type)) {
      const types = s.type.filter((t) => t !== 'null');
      return { ...s, type: types.length === 1 ? types[0] : undefined, nullable: s.type.includes('null') };
    }
    return s;
  };

  /** The path with every parameter replaced by a real object of the right kind. */
  function realUrl(path: string): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'key') return 'mvp';
      if (name === 'assignmentId') return ids.assignment;
      if (name === 'codeId') return ids.code;
      if (name === 'teamId') return ids.team;
      if (name === 'playerId') return ids.player;
      if (name === 'gameId') return ids.game;
      const kind = /\/api\/v1\/(\w+)\/\{/.exec(path)?.[1];
      const byKind: Record<string, string> = {
        units: ids.unit,
        tournaments: ids.tournament,
        teams: ids.team,
        players: ids.player,
        games: ids.game,
        accounts: ids.account,
      };
      return byKind[kind ?? ''] ?? '00000000-0000-4000-8000-000000000000';
    });
  }

  function fieldFormat(name: string, s: Schema): string | null {
    if (s.format === 'date') return 'date';
    if (s.format === 'date-time' || /At$/.test(name)) {
      return /T\d{2}:\d{2}$/.test(String((s as { example?: unknown }).example ?? '')) ? 'local-date-time' : 'date-time';
    }
    const example = String((s as { example?: unknown }).example ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(example)) return 'date';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(example)) return 'local-date-time';
    return null;
  }

  /** Values the field must refuse with 400 naming it. */
  function invalidValues(name: string, raw: Schema): Array<[string, unknown]> {
    const s = resolve(raw);
    const out: Array<[string, unknown]> = [];
    const type = s.type ?? (s.properties || s.oneOf ? 'object' : undefined);
    if (!s.nullable) out.push(['null', null]);
    if (type === 'string') {
      out.push(['number', 12345], ['boolean', true], ['object', { a: 1 }], ['array', ['x']]);
      out.push(['NUL', 'a\u0000b'], ['lone surrogate', 'a\ud800b'], ['oversized', 'x'.repeat(200_000)]);
      const format = fieldFormat(name, s);
      for (const d of format ? IMPOSSIBLE_DATES[format] : []) out.push([`impossible ${format} ${d}`, d]);
    } else if (type === 'integer' || type === 'number') {
      out.push(['string', '12'], ['boolean', true], ['object', {}], ['array', [1]], ['NUL', '1\u0000']);
      out.push(['huge', 1e308]);
      if (type === 'integer') out.push(['fraction', 1.5]);
    } else if (type === 'boolean') {
      out.push(['string', 'true'], ['number', 1], ['object', {}], ['array', [true]], ['NUL', '\u0000']);
    } else if (type === 'array') {
      out.push(['object', { a: 1 }], ['string', 'x'], ['number', 1], ['NUL', ['\u0000']]);
      out.push(['nested arrays', [[[[]]]]]);
      const items = resolve(s.items);
      if (items.type === 'object' || items.properties || items.oneOf) out.push(['array of numbers', [1, 2]]);
    } else if (type === 'object') {
      out.push(['array', []], ['array of objects', [{}]], ['string', 'x'], ['number', 1], ['NUL key', { '\u0000': 1 }]);
    }
    return out;
  }

  /** Values that may be accepted (stored as text) or refused, but never break anything. */
  function oddValues(raw: Schema): Array<[string, unknown]> {
    const s = resolve(raw);
    const out: Array<[string, unknown]> = [];
    if (s.type === 'string') for (const v of INJECTIONS) out.push([`injection ${v}`, v]);
    if (s.nullable) out.push(['null (nullable)', null]);
    return out;
  }

  function writeRoutes(): Array<{ method: string; path: string; op: Operation }> {
    const out = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if (WRITE_METHODS.includes(method)) out.push({ method, path, op });
    return out;
  }

  /**
   * The administrator's token, except on routes that end the session they are called with
   * (logout, password change): those get a fresh session of a throwaway account each time.
   */
  let throwaway: LoggedIn | undefined;
  async function tokenFor(url: string): Promise<string> {
    if (!/\/auth\/(logout|password)$/.test(url)) return ctx.admin.accessToken;
    throwaway ??= await ctx.newAccount('organiser');
    return (await ctx.login(throwaway.username, throwaway.password)).accessToken;
  }

  /** Sends, checks timing and status, and that a refusal changed no table. */
  async function check(
    problems: string[],
    label: string,
    method: string,
    url: string,
    body: string | Buffer | undefined,
    expect400Field: string | null,
    contentType?: string,
  ): Promise<Sent> {
    const token = await tokenFor(url);
    const before = await snapshot();
    const res = await send(method, url, body, contentType, token);
    const after = await snapshot();
    const where = `${method.toUpperCase()} ${url.slice(0, 120)} ${label}`;
    if (res.status >= 500) problems.push(`${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    if (res.ms > SLOW_MS) problems.push(`${where}: took ${Math.round(res.ms)} ms`);
    if (res.status >= 400) {
      const changed = tables.filter((t) => before[t] !== after[t]);
      if (changed.length) problems.push(`${where}: refused with ${res.status} but changed ${changed.join(', ')}`);
      if (typeof res.body !== 'object' || typeof res.body?.code !== 'string')
        problems.push(`${where}: error answer is not an ErrorBody: ${String(res.body).slice(0, 200)}`);
    }
    if (expect400Field !== null) {
      const details: Array<{ field: string }> = res.body?.details ?? [];
      const named = details.some(
        (d) =>
          d.field === expect400Field ||
          d.field.startsWith(`${expect400Field}.`) ||
          d.field.startsWith(`${expect400Field}[`),
      );
      if (res.status !== 400 || !named)
        problems.push(
          `${where}: expected 400 naming ${expect400Field}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
        );
    }
    return res;
  }

  it('serves an OpenAPI document listing the write routes', () => {
    expect(writeRoutes().length).toBeGreaterThan(40);
  });

  describe('every write route', () => {
    it(
      'refuses hostile bodies as a whole: not an object, too deep, too big, prototype keys, bad encodings',
      async () => {
        const problems: string[] = [];
        for (const { method, path, op } of writeRoutes()) {
          const url = realUrl(path);
          const json = op.requestBody?.content['application/json'];
          const wantsObject = !!json && resolve(json.schema).type !== 'array';
          const deep = `{"x":${deepArray(5000)}}`;
          await check(problems, 'deep nesting', method, url, deep, 'x');
          await check(problems, '1 MB nested', method, url, `{"x":${deepArray(500_000)}}`, null);
          await check(problems, 'oversized body', method, url, JSON.stringify({ x: 'y'.repeat(1_100_000) }), null);
          await check(problems, '__proto__', method, url, '{"__proto__":{"admin":true}}', '__proto__');
          await check(
            problems,
            'constructor.prototype',
            method,
            url,
            '{"constructor":{"prototype":{"a":1}}}',
            'constructor.prototype',
          );
          await check(problems, 'nested __proto__', method, url, '{"a":[{"__proto__":{}}]}', 'a[0].__proto__');
          await check(
            problems,
            'invalid UTF-8',
            method,
            url,
            Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
            'body',
          );
          await check(problems, 'latin1 charset', method, url, '{"a":"b"}', null, 'application/json; charset=latin1');
          await check(problems, 'malformed JSON', method, url, '{"a":', 'body');
          await check(problems, 'byte order mark', method, url, '\ufeff{"a":1}', 'body');
          await check(problems, 'text/plain', method, url, '{"a":1}', null, 'text/plain');
          await check(
            problems,
            'form body',
            method,
            url,
            'a=1&b[c]=%00&__proto__[x]=1',
            null,
            'application/x-www-form-urlencoded',
          );
          await check(problems, 'multipart', method, url, '--x\r\n\r\n--x--', null, 'multipart/form-data; boundary=x');
          if (wantsObject) {
            await check(problems, 'NUL key', method, url, '{"a\\u0000":1}', 'a\u0000');
            for (const [label, body] of [
              ['null body', 'null'],
              ['array body', '[]'],
              ['number body', '42'],
              ['string body', '"x"'],
            ])
              await check(problems, label, method, url, body, 'body');
          }
        }
        expect(problems).toEqual([]);
      },
      LONG,
    );

    it(
      'refuses wrong types, nulls, NUL, oversized strings and impossible dates in every body field, naming it',
      async () => {
        const problems: string[] = [];
        for (const { method, path, op } of writeRoutes()) {
          const json = op.requestBody?.content['application/json'];
          if (!json) continue;
          const schema = resolve(json.schema);
          const url = realUrl(path);
          for (const [field, raw] of Object.entries(schema.properties ?? {})) {
            for (const [label, value] of invalidValues(field, raw))
              await check(problems, `${field}: ${label}`, method, url, JSON.stringify({ [field]: value }), field);
            for (const [label, value] of oddValues(raw))
              await check(problems, `${field}: ${label}`, method, url, JSON.stringify({ [field]: value }), null);
            // One level down: nested objects, and the objects in arrays, are validated too.
            const items = resolve(resolve(raw).items);
            for (const [inner, innerRaw] of Object.entries(items.properties ?? {}))
              for (const [label, value] of invalidValues(inner, innerRaw))
                await check(
                  problems,
                  `${field}[0].${inner}: ${label}`,
                  method,
                  url,
                  JSON.stringify({ [field]: [{ [inner]: value }] }),
                  `${field}[0].${inner}`,
                );
            const nested = resolve(raw);
            for (const [inner, innerRaw] of Object.entries(nested.properties ?? {}))
              for (const [label, value] of invalidValues(inner, innerRaw))
                await check(
                  problems,
                  `${field}.${inner}: ${label}`,
                  method,
                  url,
                  JSON.stringify({ [field]: { [inner]: value } }),
                  `${field}.${inner}`,
                );
          }
        }
        expect(problems).toEqual([]);
      },
      LONG,
    );

    it(
      'refuses hostile path parameters with a 4xx, never a 5xx',
      async () => {
        const problems: string[] = [];
        for (const { method, path } of writeRoutes()) {
          if (!path.includes('{')) continue;
          for (const bad of ['a%00b', '..%2F..%2Fetc%2Fpasswd', "'%20OR%201=1--", '%3Cscript%3E', 'x'.repeat(5000)]) {
            const url = realUrl(path).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mvp/, bad);
            const res = await check(problems, `path ${bad.slice(0, 20)}`, method, url, '{}', null);
            if (res.status < 400) problems.push(`${method} ${url}: accepted a hostile path parameter`);
          }
        }
        expect(problems).toEqual([]);
      },
      LONG,
    );
  });

  it(
    'refuses NUL in every query parameter of every route with 400 naming it, and survives injection strings',
    async () => {
      const problems: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          if (method === 'delete') continue;
          for (const p of op.parameters ?? []) {
            if (p.in !== 'query') continue;
            const url = realUrl(path);
            const body = method === 'get' ? undefined : '{}';
            await check(problems, `${p.name}=NUL`, method, `${url}?${p.name}=a%00b`, body, p.name);
            const raw = [...INJECTIONS, '1e308', '99999999999999999999', '-1', '[]'].map(encodeURIComponent);
            // Invalid UTF-8, an encoded lone surrogate, the parameter twice.
            raw.push('%FF%FE', '%ED%A0%80', `a&${p.name}=b`);
            for (const v of raw) await check(problems, `${p.name}=${v}`, method, `${url}?${p.name}=${v}`, body, null);
          }
        }
      expect(problems).toEqual([]);
    },
    LONG,
  );

  describe('the cases of issue 13', () => {
    const post = (url: string, body: unknown) => ctx.admin.http('POST', url, body);

    it('a 5000-level nested username is refused with 400 naming it, quickly, anonymously', async () => {
      const started = performance.now();
      const res = await fetch(`${ctx.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"username":${deepArray(5000)},"password":"x"}`,
      });
      expect(performance.now() - started).toBeLessThan(SLOW_MS);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'BODY_TOO_DEEP',
        details: [{ field: 'username', reason: 'nests deeper than 32 levels' }],
      });
    });

    it('NUL in a body field or a query parameter is a 400 naming it', async () => {
      expect(await ctx.anon('POST', '/api/v1/auth/login', { username: 'a\u0000b', password: 'x' })).toMatchObject({
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          details: [{ field: 'username', reason: 'must not contain control characters' }],
        },
      });
      expect(await ctx.anon('GET', '/api/v1/tournaments?q=%00')).toMatchObject({
        status: 400,
        body: { details: [{ field: 'q' }] },
      });
      expect(await ctx.anon('GET', '/api/v1/units?q=a%00b')).toMatchObject({
        status: 400,
        body: { details: [{ field: 'q' }] },
      });
    });

    it('impossible dates are refused naming the field, never rolled over', async () => {
      const games = `/api/v1/tournaments/${ids.tournament}/games`;
      expect(await post(games, { scheduledAt: '2024-02-30T10:00' })).toMatchObject({
        status: 400,
        body: { details: [{ field: 'scheduledAt' }] },
      });
      expect((await post(games, { scheduledAt: '2024-02-29T10:00' })).status).toBe(201);
      const scorekeeper = await ctx.newAccount('scorekeeper');
      expect(
        await post(`/api/v1/tournaments/${ids.tournament}/scorekeepers`, {
          username: scorekeeper.username,
          court: '1号场',
          day: '2024-02-30',
        }),
      ).toMatchObject({ status: 400, body: { details: [{ field: 'day' }] } });
      expect(
        await post(`/api/v1/tournaments/${ids.tournament}/scorekeepers`, {
          username: scorekeeper.username,
          court: '1号场',
          day: null,
        }),
      ).toMatchObject({ status: 400, body: { details: [{ field: 'day' }] } });
      expect(
        await post('/api/v1/tournaments', { name: 'x', season: '2024', startsOn: '2023-02-29', endsOn: '2024-04-31' }),
      ).toMatchObject({ status: 400, body: { details: [{ field: 'startsOn' }, { field: 'endsOn' }] } });
    });

    it('null for a field that cannot be null is refused; where null clears, it clears', async () => {
      expect(await ctx.admin.http('PATCH', `/api/v1/accounts/${ids.account}`, { displayName: null })).toMatchObject({
        status: 400,
        body: { details: [{ field: 'displayName', reason: 'must not be null' }] },
      });
      const cleared = await ctx.admin.http('PATCH', `/api/v1/tournaments/${ids.tournament}`, { venue: null });
      expect(cleared).toMatchObject({ status: 200, body: { venue: null } });
    });

    it('a JSON null body is refused, not read as {}', async () => {
      const before = await snapshot();
      for (const [method, url] of [
        ['POST', `/api/v1/tournaments/${ids.tournament}/games`],
        ['PATCH', `/api/v1/tournaments/${ids.tournament}`],
      ]) {
        const res = await send(method, url, 'null');
        expect(res).toMatchObject({
          status: 400,
          body: { details: [{ field: 'body', reason: 'must be a JSON object' }] },
        });
      }
      expect(await snapshot()).toEqual(before);
    });

    it('nested objects of the wrong type are refused naming the path', async () => {
      expect(
        await ctx.admin.http('PATCH', `/api/v1/tournaments/${ids.tournament}`, { rules: { timeouts: [] } }),
      ).toMatchObject({ status: 400, body: { details: [{ field: 'rules.timeouts' }] } });
      expect(
        await ctx.admin.http('PUT', `/api/v1/tournaments/${ids.tournament}/awards/settings`, { mvp: [] }),
      ).toMatchObject({ status: 400, body: { details: [{ field: 'mvp' }] } });
    });

    it('a prototype key is refused naming the field', async () => {
      const res = await send('POST', '/api/v1/units', '{"name":"x","kind":"enterprise","__proto__":{"admin":true}}');
      expect(res).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [{ field: '__proto__' }] },
      });
    });
  });

  it(
    '20 anonymous clients sending 1 MB nested bodies to /auth/login do not delay /api/health',
    async () => {
      const health = async (n: number) => {
        const latencies: number[] = [];
        for (let i = 0; i < n; i++) {
          const started = performance.now();
          const res = await fetch(`${ctx.baseUrl}/api/health`);
          await res.arrayBuffer();
          latencies.push(performance.now() - started);
          expect(res.status).toBe(200);
          await new Promise((r) => setTimeout(r, 10));
        }
        latencies.sort((x, y) => x - y);
        return (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
      };
      const quiet = await health(100);
      // The attackers run in another process, so their own work does not count against the server.
      // At the lowest priority, so that on this shared machine they do not take the server's CPU as
      // remote attackers could not; the server still receives and refuses every byte they send.
      const attack = spawn('nice', ['-n', '19', process.execPath, '-e', ATTACKER], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, NODE_OPTIONS: '', TARGET: `${ctx.baseUrl}/api/v1/auth/login`, CLIENTS: '20' },
      });
      let started!: () => void;
      const attackStarted = new Promise<void>((resolve) => (started = resolve));
      const report = new Promise<{ sent: number; unexpected: string[] }>((resolve) =>
        attack.on('message', (m) => (m === 'started' ? started() : resolve(m as never))),
      );
      let at: (q: number) => number;
      try {
        await attackStarted;
        at = await health(200);
      } finally {
        if (attack.connected) attack.send('stop');
      }
      const { sent, unexpected } = await report;
      console.log(
        `[hostile] /api/health while 20 clients send 1 MB nested bodies: p50 ${at(0.5).toFixed(1)} ms, ` +
          `p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; ${sent} hostile bodies refused meanwhile ` +
          `(without the attack: p50 ${quiet(0.5).toFixed(1)} ms, p99 ${quiet(0.99).toFixed(1)} ms)`,
      );
      expect(unexpected).toEqual([]);
      expect(sent).toBeGreaterThan(20);
      expect(at(0.99)).toBeLessThan(500);
    },
    LONG,
  );
});
