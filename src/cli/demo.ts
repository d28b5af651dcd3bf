import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory.js';
import { createLogger } from '../common/logging/logger.js';
import { loadEnv } from '../config/env.js';
import { resolveIdHashKey, resolveJwtSecret } from '../config/secrets.js';
import { dataSourceOptions } from '../database/data-source.js';
import { migrate } from '../database/migrate.js';
import { describeEmbeddedFailure, startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded.js';
import { describeDatabase, waitForDatabase } from '../database/wait-for-database.js';
import { AccountEntity } from '../modules/accounts/account.entity.js';
import { createAdministrator, resetAdministratorPassword } from '../modules/accounts/first-admin.js';
import { basketsToMargin, OVERTIME_MARGIN, REPLAY_AWARDS, replayMargin, replayWinner } from './demo-replay.js';

const USAGE = `usage: npm run demo [-- options]

Starts the server (as npm start does: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR),
creates the 2024 Huzhou 工BA tournament with full rosters if it is not there yet, and plays its
games live through the real API with simulated scorekeepers, two courts at a time.

  --speed N     game clock runs N times real time (default 1: the clock fans see is exact)
  --instant N   play the first N games at once, so standings and results exist (default 6)
  --no-play     create the tournament and stop there (the server keeps running)
  --new         create another demo tournament even if one exists
  --replay-2024 replay the real 2024 results (final places, the 3rd-place game in overtime, the
                decided awards) in a tournament of its own, instead of random results
  --period-minutes N  a new demo tournament's periods last N minutes (default: FIBA's 10), for a quick run
  --stay        keep the server running after the last game (default: stop once all are played)`;

const DEMO_NAME = '湖州市首届非公企业职工篮球赛（工BA）· 演示';
const REPLAY_NAME = '湖州市首届非公企业职工篮球赛（工BA）· 2024 回放';

/** The ten teams: district/county, unit, team, strength (a better team makes more shots). */
const TEAMS: Array<[string, string, string, number]> = [
  ['南浔区', '南浔彩蝶实业有限公司', '南浔彩蝶队', 0.62],
  ['德清县', '德清依蓄电器有限公司', '德清依蓄队', 0.6],
  ['长兴县', '长兴天顺物流有限公司', '长兴天顺物流队', 0.58],
  ['德清县', '德清乾元建设集团', '德清乾元篮球队', 0.56],
  ['吴兴区', '新凤鸣集团湖州中石科技', '吴兴新凤鸣队', 0.5],
  ['安吉县', '安吉白茶产业协会', '安吉白茶队', 0.46],
  ['南太湖新区', '南太湖新区快递物流联合会', '南太湖骑手队', 0.48],
  ['安吉县', '安吉竹海家居有限公司', '安吉竹海队', 0.44],
  ['吴兴区', '织里童装产业园', '吴兴织里队', 0.47],
  ['长兴县', '长兴太湖湾旅游发展公司', '长兴太湖湾队', 0.45],
];
/** Group draw by hand so the four who finished on top in 2024 can meet where they did. */
const GROUPS = [
  ['南浔彩蝶队', '德清乾元篮球队', '吴兴新凤鸣队', '安吉白茶队'],
  ['德清依蓄队', '南太湖骑手队', '安吉竹海队'],
  ['长兴天顺物流队', '吴兴织里队', '长兴太湖湾队'],
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤'.split(
    '',
  );
const GIVEN =
  '伟 磊 强 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 阳 文 博 晨 峰 亮 坤 洋 昊 睿 然 航 志远 子豪 浩然 宇轩 俊杰 家豪 晓东 建华 海峰 志强 春雨 天宇'.split(
    ' ',
  );
const POSITIONS = ['PG', 'SG', 'SF', 'PF', 'C'];

interface Options {
  speed: number;
  instant: number;
  play: boolean;
  fresh: boolean;
  replay: boolean;
  stay: boolean;
  periodMinutes: number | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    speed: 1,
    instant: 6,
    play: true,
    fresh: false,
    replay: false,
    stay: false,
    periodMinutes: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) fail(`${a} needs a number\n\n${USAGE}`, 2);
      return v;
    };
    if (a === '--speed') o.speed = Math.max(0.1, num());
    else if (a === '--instant') o.instant = Math.floor(num());
    else if (a === '--no-play') o.play = false;
    else if (a === '--new') o.fresh = true;
    else if (a === '--replay-2024') o.replay = true;
    else if (a === '--stay') o.stay = true;
    else if (a === '--period-minutes') o.periodMinutes = Math.min(30, Math.max(1, Math.round(num())));
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${a}\n\n${USAGE}`, 2);
  }
  return o;
}

function fail(message: string, code = 1): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(code);
}

/** A small deterministic random source, so the rosters are the same on every machine. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A logged-in API user. An access token lives 15 minutes: on a 401 the client refreshes once (logging in again if the refresh is refused) and repeats the request. */
class Client {
  token: string | null = null;
  private refreshToken: string | null = null;
  private credentials: [string, string] | null = null;
  private renewing: Promise<void> | null = null;
  constructor(private readonly base: string) {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo reads only the fields it needs
  async call<T = any>(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const res = await this.send(method, url, body, contentType);
    if (res.status === 401 && this.credentials) {
      await this.renew();
      return this.read<T>(method, url, await this.send(method, url, body, contentType));
    }
    return this.read<T>(method, url, res);
  }
  private send(method: string, url: string, body: unknown, contentType: string) {
    return fetch(this.base + url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': contentType } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  private async read<T>(method: string, url: string, res: Response): Promise<T> {
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${text.slice(0, 400)}`);
    return parsed as T;
  }
  /** One renewal for every request that met the expired token at the same time. */
  private renew(): Promise<void> {
    this.renewing ??= (async () => {
      const res = this.refreshToken
        ? await this.send('POST', '/api/v1/auth/refresh', { refreshToken: this.refreshToken }, 'application/json')
        : null;
      if (res?.ok) this.keep(await this.read('POST', '/api/v1/auth/refresh', res));
      else await this.login(...this.credentials!);
    })().finally(() => (this.renewing = null));
    return this.renewing;
  }
  private keep(tokens: { accessToken: string; refreshToken: string }) {
    this.token = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
  }
  async login(username: string, password: string) {
    this.credentials = null; // a refused login is not retried through renew()
    this.keep(await this.call('POST', '/api/v1/auth/login', { username, password }));
    this.credentials = [username, password];
    return this;
  }
}

interface Credentials {
  admin: [string, string];
  organiser: [string, string];
  scorekeeper: [string, string];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // The simulated scorekeepers of instantly played games write far faster than a person.
  const env = loadEnv({ WRITE_RATE_LIMIT_PER_MINUTE: '100000', ...process.env });
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const directory = path.resolve(env.DATA_DIR, 'pg');
    try {
      embedded = await startEmbeddedPostgres({ directory, port: env.EMBEDDED_PG_PORT });
    } catch (e) {
      fail(
        `could not start the embedded PostgreSQL in ${directory}: ${describeEmbeddedFailure(e)} (is npm start running? stop it, or set EMBEDDED_PG_PORT / DATABASE_URL)`,
      );
    }
    databaseUrl = embedded.url;
  }
  await waitForDatabase(databaseUrl, env.DB_CONNECT_ATTEMPTS, env.DB_CONNECT_RETRY_MS).catch((e: Error) =>
    fail(e.message),
  );

  // The demo's own accounts, with fresh passwords on every run (printed below).
  const password = () => randomBytes(9).toString('base64url');
  const creds: Credentials = {
    admin: ['demo-admin', password()],
    organiser: ['demo-organiser', password()],
    scorekeeper: ['demo-scorer', password()],
  };
  const ds = new DataSource(dataSourceOptions({ url: databaseUrl }));
  await ds.initialize();
  await migrate(ds);
  await ds.transaction(async (m) => {
    const exists = await m.getRepository(AccountEntity).existsBy({ username: creds.admin[0] });
    if (exists) await resetAdministratorPassword(m, creds.admin[0], creds.admin[1], 'demo');
    else await createAdministrator(m, creds.admin[0], creds.admin[1], 'demo');
  });
  await ds.destroy();

  const app = await createApp(
    {
      env,
      databaseUrl,
      idHashKey: resolveIdHashKey(env.ID_HASH_KEY, env.DATA_DIR).key,
      jwtSecret: resolveJwtSecret(env.JWT_SECRET, env.DATA_DIR).key,
      embeddedDatabase: !!embedded,
    },
    logger,
  );
  await app.listen({ port: env.PORT, host: env.HOST }).catch(async (e: Error) => {
    await embedded?.stop();
    fail(`could not listen on ${env.HOST}:${env.PORT}: ${e.message} (is npm start running?)`);
  });
  const stop = async () => {
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const base = `http://127.0.0.1:${env.PORT}`;
  const admin = await new Client(base).login(...creds.admin);
  await ensureAccount(admin, 'organiser', creds.organiser, '湖州市总工会赛事部（演示）');
  const organiser = await new Client(base).login(...creds.organiser);
  await ensureAccount(organiser, 'scorekeeper', creds.scorekeeper, '记录台（演示）');
  const scorer = await new Client(base).login(...creds.scorekeeper);

  const tournamentId = await ensureTournament(
    organiser,
    options.fresh,
    options.replay ? REPLAY_NAME : DEMO_NAME,
    options.periodMinutes,
  );
  const site = `http://localhost:${env.PORT}`;
  process.stdout.write(
    [
      '',
      `Courtside demo on ${describeDatabase(databaseUrl)}`,
      `  Fans:          ${site}/t/${tournamentId}`,
      `  Scorekeepers:  ${site}/score      user ${creds.scorekeeper[0]}  password ${creds.scorekeeper[1]}`,
      `  Organisers:    ${site}/desk       user ${creds.organiser[0]}  password ${creds.organiser[1]}`,
      `  Administrator: user ${creds.admin[0]}  password ${creds.admin[1]}`,
      '  (new passwords on every run; Ctrl-C stops the server)',
      '',
    ].join('\n') + '\n',
  );
  if (!options.play) return;
  await playTournament(organiser, scorer, creds.scorekeeper[0], tournamentId, options, site);
  if (options.replay) await decideReplayAwards(organiser, tournamentId);
  if (options.stay) return;
  process.stdout.write('Demo finished; the server stops (run with --stay to keep it running).\n');
  await stop();
}

/** The team and unit awards the organisers gave in 2024 (league.md). */
async function decideReplayAwards(organiser: Client, tournamentId: string) {
  const teams = await organiser.call<{ items: Array<{ id: string; name: string }> }>(
    'GET',
    `/api/v1/tournaments/${tournamentId}/teams?pageSize=100`,
  );
  const team = teams.items.find((x) => x.name === REPLAY_AWARDS.sportsmanship);
  const units = await organiser.call<{ items: Array<{ id: string; name: string }> }>(
    'GET',
    `/api/v1/units?q=${encodeURIComponent(REPLAY_AWARDS.bestOrganisingUnit)}&pageSize=100`,
  );
  const unit = units.items.find((u) => u.name === REPLAY_AWARDS.bestOrganisingUnit);
  const decide = (key: string, recipient: { type: string; id: string } | undefined) =>
    recipient
      ? organiser.call('PUT', `/api/v1/tournaments/${tournamentId}/awards/decisions/${key}`, {
          recipients: [recipient],
        })
      : Promise.reject(new Error(`${key}: recipient not found`));
  await decide('sportsmanship', team && { type: 'team', id: team.id });
  await decide('best_organising_unit', unit && { type: 'unit', id: unit.id });
  process.stdout.write(
    `Awards decided: 精神风尚团队奖 ${REPLAY_AWARDS.sportsmanship} · 优秀组织奖 ${REPLAY_AWARDS.bestOrganisingUnit}\n`,
  );
}

async function ensureAccount(by: Client, role: string, [username, pass]: [string, string], displayName: string) {
  const found = await by.call<{ items: Array<{ id: string; username: string }> }>(
    'GET',
    `/api/v1/accounts?q=${username}&pageSize=100`,
  );
  const account = found.items.find((a) => a.username === username);
  if (account) await by.call('POST', `/api/v1/accounts/${account.id}/password`, { newPassword: pass });
  else await by.call('POST', '/api/v1/accounts', { username, displayName, role, password: pass });
}

async function ensureTournament(
  api: Client,
  fresh: boolean,
  baseName: string,
  periodMinutes: number | null,
): Promise<string> {
  if (!fresh) {
    const mine = await api.call<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      '/api/v1/tournaments/mine?pageSize=100',
    );
    const existing = mine.items.find((t) => t.name.startsWith(baseName));
    if (existing) return existing.id;
  }
  const today = new Date();
  const later = new Date(today.getTime() + 2 * 86400_000);
  const random = seeded(2024);
  const units = new Map<string, string>();
  const unit = async (name: string, kind: string, parentId?: string) => {
    if (units.has(name)) return units.get(name)!;
    const found = await api.call<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `/api/v1/units?q=${encodeURIComponent(name)}&pageSize=100`,
    );
    const id =
      found.items.find((u) => u.name === name)?.id ??
      (await api.call<{ id: string }>('POST', '/api/v1/units', { name, kind, ...(parentId ? { parentId } : {}) })).id;
    units.set(name, id);
    return id;
  };
  const host = await unit('湖州市总工会', 'federation');
  const count = (await api.call<{ total: number }>('GET', '/api/v1/tournaments/mine?pageSize=1')).total;
  const tournament = await api.call<{ id: string }>('POST', '/api/v1/tournaments', {
    name: count ? `${baseName} ${count + 1}` : baseName,
    season: '2024',
    venue: '湖州市工人文化宫',
    startsOn: localDate(today),
    endsOn: localDate(later),
    hostUnitId: host,
    // 长兴天顺物流队 registered 15 players (league.md); FIBA's default roster maximum is 12.
    rules: {
      rosterMax: 15,
      ...(periodMinutes ? { periodMinutes, overtimeMinutes: Math.min(5, periodMinutes) } : {}),
    },
  });
  const teams = new Map<string, string>();
  for (const [district, company, name, strength] of TEAMS) {
    const union = await unit(`${district}总工会`, district.endsWith('区') ? 'district_union' : 'county_union');
    const unitId = await unit(company, 'enterprise', union);
    const team = await api.call<{ id: string }>('POST', `/api/v1/tournaments/${tournament.id}/teams`, {
      unitId,
      name,
      primaryColor: `#${Math.floor(strength * 0xffffff)
        .toString(16)
        .padStart(6, '0')}`,
    });
    teams.set(name, team.id);
    const size = name === '长兴天顺物流队' ? 15 : 10 + Math.floor(random() * 3);
    const used = new Set<string>();
    const rows = ['姓名,号码,位置,工作单位'];
    for (let i = 0; i < size; i++) {
      const person = (function draw(): string {
        const candidate = SURNAMES[Math.floor(random() * SURNAMES.length)] + GIVEN[Math.floor(random() * GIVEN.length)];
        return used.has(candidate) ? draw() : candidate;
      })();
      used.add(person);
      rows.push(`${person},${[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 23, 33][i]},${POSITIONS[i % 5]},${company}`);
    }
    await api.call('POST', `/api/v1/teams/${team.id}/players/import`, rows.join('\n'), 'text/csv');
  }
  const url = `/api/v1/tournaments/${tournament.id}/competition`;
  await api.call('PUT', url, { huzhou2024: 'three_groups_best_runner_up' });
  const window = (d: Date) => ({ start: `${localDate(d)}T08:00`, end: `${localDate(d)}T22:00` });
  const days = [today, new Date(today.getTime() + 86400_000), later];
  await api.call('PUT', `${url}/courts`, {
    courts: [
      { id: 'main', name: '主场', windows: days.map(window) },
      { id: 'side', name: '副场', windows: days.map(window) },
    ],
  });
  await api.call('POST', `${url}/draw`, {
    method: 'hand',
    groups: GROUPS.map((names, i) => ({ groupId: 'ABC'[i], teamIds: names.map((n) => teams.get(n)) })),
  });
  await api.call('POST', `${url}/schedule`, { slotMinutes: 60, minRestMinutes: 30 });
  await api.call('POST', `${url}/games`);
  await api.call('POST', `/api/v1/tournaments/${tournament.id}/start`);
  return tournament.id;
}

interface GameRow {
  id: string;
  status: string;
  competitionKey: string | null;
  court: string | null;
  scheduledAt: string | null;
  homeTeam: { id: string; name: string } | null;
  awayTeam: { id: string; name: string } | null;
}

async function playTournament(
  organiser: Client,
  scorer: Client,
  scorerName: string,
  tournamentId: string,
  options: Options,
  site: string,
) {
  const rules = (
    await organiser.call<{ rules: { periodMinutes: number; overtimeMinutes: number } }>(
      'GET',
      `/api/v1/tournaments/${tournamentId}`,
    )
  ).rules;
  let instant = options.instant;
  const running = new Map<string, Promise<void>>();
  for (;;) {
    // Games being played when the list is read: one that ends while the list is in flight is
    // still "live" in it, and must not be started again.
    const playing = new Set(running.keys());
    const games = (
      await organiser.call<{ items: GameRow[] }>('GET', `/api/v1/tournaments/${tournamentId}/games?pageSize=100`)
    ).items;
    const busy = (id: string) => running.has(id) || playing.has(id);
    if (games.every((g) => ['final', 'official', 'forfeit', 'lost_by_default', 'cancelled'].includes(g.status))) {
      process.stdout.write(`All games played: ${site}/t/${tournamentId}/bracket\n`);
      return;
    }
    // Confirm results that are final (as an organiser would), so teams advance officially.
    for (const g of games.filter((x) => x.status === 'final' && !busy(x.id)))
      await organiser.call('POST', `/api/v1/games/${g.id}/transitions`, { to: 'official' }).catch(() => undefined);
    const courtsBusy = new Set(games.filter((g) => running.has(g.id)).map((g) => g.court));
    const next = games.filter(
      (g) => g.status !== 'final' && g.status !== 'official' && g.homeTeam && g.awayTeam && !busy(g.id),
    );
    for (const g of next) {
      if (instant > 0) {
        instant -= 1;
        await playGame(organiser, scorer, scorerName, tournamentId, g, rules, null, options.replay);
        continue;
      }
      if (courtsBusy.has(g.court) || running.size >= 2) continue;
      courtsBusy.add(g.court);
      process.stdout.write(`Live now: ${g.homeTeam!.name} vs ${g.awayTeam!.name} — ${site}/g/${g.id}\n`);
      running.set(
        g.id,
        playGame(organiser, scorer, scorerName, tournamentId, g, rules, options.speed, options.replay)
          .catch((e: Error) => void process.stderr.write(`demo: ${g.competitionKey}: ${e.message}\n`))
          .finally(() => running.delete(g.id)),
      );
    }
    await Promise.race([sleep(3000), ...running.values()]);
  }
}

/**
 * One game, played by a simulated scorekeeper through the REST API. `speed` null plays it at
 * once; otherwise each possession waits its game-clock time divided by `speed`.
 */
async function playGame(
  organiser: Client,
  scorer: Client,
  scorerName: string,
  tournamentId: string,
  game: GameRow,
  rules: { periodMinutes: number; overtimeMinutes: number },
  speed: number | null,
  replay: boolean,
) {
  const random = seeded(game.id.charCodeAt(0) * 7919 + game.id.charCodeAt(1));
  const strength = (teamId: string) => TEAMS.find(([, , name]) => name === teamName(teamId))?.[3] ?? 0.5;
  const teamName = (teamId: string) => (teamId === game.homeTeam!.id ? game.homeTeam!.name : game.awayTeam!.name);
  const roster = async (teamId: string) =>
    (await organiser.call<{ items: Array<{ id: string }> }>('GET', `/api/v1/teams/${teamId}/players?pageSize=100`))
      .items;
  const sides = [game.homeTeam!.id, game.awayTeam!.id];
  const players = new Map<string, string[]>();
  for (const teamId of sides)
    players.set(
      teamId,
      (await roster(teamId)).map((p) => p.id),
    );
  const onCourt = new Map(sides.map((teamId) => [teamId, players.get(teamId)!.slice(0, 5)]));

  await organiser
    .call('POST', `/api/v1/tournaments/${tournamentId}/scorekeepers`, { username: scorerName, gameId: game.id })
    .catch(() => undefined);
  const current = await scorer.call<{
    status: string;
    live: {
      lastSeq: number;
      score: { home: number; away: number };
      period: { current: number; status: string };
      clock: { running: boolean; remaining: number | null };
      timeoutsLeft: { home: number; away: number };
    } | null;
  }>('GET', `/api/v1/games/${game.id}`);
  // Ended meanwhile (another pass of the loop played it): nothing left to do.
  if (!['scheduled', 'ready', 'live'].includes(current.status)) return;
  if (current.status === 'scheduled')
    await scorer.call('POST', `/api/v1/games/${game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: onCourt.get(sides[0]),
      awayStartingFive: onCourt.get(sides[1]),
    });
  let seq = current.live?.lastSeq ?? 0;
  if (current.status === 'live') {
    const box = await scorer.call<{
      teams: Array<{ teamId: string; players: Array<{ playerId: string; onCourt: boolean }> }>;
    }>('GET', `/api/v1/games/${game.id}/box-score`);
    for (const team of box.teams)
      onCourt.set(
        team.teamId,
        team.players.filter((p) => p.onCourt).map((p) => p.playerId),
      );
  }
  let score: { home: number; away: number } = current.live?.score ?? { home: 0, away: 0 };
  // What the rules still allow, as the last answer said (a refused time-out is not sent at all).
  let timeoutsLeft = current.live?.timeoutsLeft ?? { home: 0, away: 0 };
  const send = async (event: Record<string, unknown>) => {
    const command = { clientEventId: randomUUID(), expectedSeq: seq, event };
    let ack:
      | {
          seq: number;
          game: { score: { home: number; away: number }; timeoutsLeft: { home: number; away: number } };
        }
      | undefined;
    // A retry keeps the clientEventId: the server records the play once whatever happens.
    for (let attempt = 1; !ack; attempt++) {
      try {
        ack = await scorer.call('POST', `/api/v1/games/${game.id}/events`, command);
      } catch (e) {
        if (attempt >= 5) throw e;
        await sleep(2000 * attempt);
      }
    }
    seq = ack.seq;
    score = ack.game.score;
    timeoutsLeft = ack.game.timeoutsLeft;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const favourite = replay
    ? sides.find((id) => teamName(id) === replayWinner(game.homeTeam!.name, game.awayTeam!.name))!
    : strength(sides[0]) >= strength(sides[1])
      ? sides[0]
      : sides[1];
  const other = favourite === sides[0] ? sides[1] : sides[0];
  const knockout = game.competitionKey !== null && !game.competitionKey.startsWith('S1');
  const thirdPlace = game.competitionKey === '3P';
  const margin = (teamId: string) => (teamId === sides[0] ? score.home - score.away : score.away - score.home);

  // A game left half-played by an earlier run goes on from where it stopped.
  let period = current.live?.period.current ?? 0;
  let resume = current.live?.period.status === 'in_progress';
  let clock = current.live?.clock.remaining ?? 0;
  const ended = current.live?.period.status === 'ended' && period >= 4 && score.home !== score.away;
  for (; !ended;) {
    const overtime = period + (resume ? 0 : 1) > 4;
    if (!resume) {
      period += 1;
      clock = (overtime ? rules.overtimeMinutes : rules.periodMinutes) * 600;
      await send({ type: 'period_start', period });
    }
    if (!resume || !current.live?.clock.running) await send({ type: 'clock_start', period, gameClock: clock });
    resume = false;
    let offence = period % 2 === 1 ? sides[0] : sides[1];
    let subsAt = clock - 1500;
    while (clock > 0) {
      const spend = Math.min(clock, 80 + Math.floor(random() * 160));
      if (speed) await sleep((spend * 100) / speed);
      clock -= spend;
      const defence = offence === sides[0] ? sides[1] : sides[0];
      const shooter = pick(onCourt.get(offence)!);
      const at = { period, gameClock: clock };
      // Late in a knockout game the favourite pulls through; the 3rd-place game goes to overtime,
      // as it did in Huzhou in 2024.
      const late = period >= 4 && clock < 1200;
      let chance = 0.3 + strength(offence) * 0.35;
      if (knockout && late && !overtime) {
        if (thirdPlace) chance = margin(offence) < 0 ? 0.95 : 0.05;
        else chance = offence === favourite ? (margin(offence) <= 2 ? 0.95 : chance) : 0.1;
      }
      if (knockout && overtime) chance = offence === favourite ? 0.8 : 0.15;
      if (replay) chance = 0.3 + (offence === favourite ? 0.62 : 0.5) * 0.35;
      const roll = random();
      if (roll < 0.08) {
        const thief = pick(onCourt.get(defence)!);
        await send({ type: 'turnover', teamId: offence, playerId: shooter, ...at });
        await send({ type: 'steal', teamId: defence, playerId: thief, ...at });
      } else if (roll < 0.16) {
        const fouler = pick(onCourt.get(defence)!);
        await send({ type: 'foul', teamId: defence, kind: 'personal', committedBy: 'player', playerId: fouler, ...at });
        for (let n = 1; n <= 2; n++)
          await send({
            type: random() < 0.72 ? 'free_throw_made' : 'free_throw_missed',
            teamId: offence,
            playerId: shooter,
            attempt: n,
            of: 2,
            ...at,
          });
      } else {
        const points = random() < 0.3 ? 3 : 2;
        if (random() < chance - (points === 3 ? 0.12 : 0)) {
          const mates = onCourt.get(offence)!.filter((p) => p !== shooter);
          await send({
            type: 'field_goal_made',
            teamId: offence,
            playerId: shooter,
            points,
            ...(random() < 0.55 ? { assistPlayerId: pick(mates) } : {}),
            ...at,
          });
        } else {
          await send({ type: 'field_goal_missed', teamId: offence, playerId: shooter, points, ...at });
          if (random() < 0.08)
            await send({ type: 'block', teamId: defence, playerId: pick(onCourt.get(defence)!), ...at });
          const offensive = random() < 0.27;
          const team = offensive ? offence : defence;
          await send({
            type: 'rebound',
            teamId: team,
            kind: offensive ? 'offensive' : 'defensive',
            playerId: pick(onCourt.get(team)!),
            ...at,
          });
          if (offensive) continue;
        }
      }
      offence = defence;
      if (clock < subsAt && clock > 0) {
        subsAt -= 1500;
        await send({ type: 'clock_stop', gameClock: clock, period });
        for (const teamId of sides) {
          const bench = players.get(teamId)!.filter((p) => !onCourt.get(teamId)!.includes(p));
          if (bench.length === 0) continue;
          const out = pick(onCourt.get(teamId)!);
          const into = pick(bench);
          await send({ type: 'substitution', teamId, playerInId: into, playerOutId: out, ...at });
          onCourt.set(
            teamId,
            onCourt.get(teamId)!.map((p) => (p === out ? into : p)),
          );
        }
        const caller = pick(sides);
        if (random() < 0.3 && timeoutsLeft[caller === sides[0] ? 'home' : 'away'] > 0)
          await send({ type: 'timeout', teamId: caller, ...at });
        await send({ type: 'clock_start', gameClock: clock, period });
      }
    }
    // The replay settles the result in the last seconds: level after regulation for the
    // 3rd-place game, otherwise the real winner by its margin.
    if (replay && period >= 4) {
      const target = overtime ? OVERTIME_MARGIN : replayMargin(teamName(favourite), thirdPlace);
      for (const [side, points] of basketsToMargin(margin(favourite), target)) {
        const teamId = side === 'favourite' ? favourite : other;
        await send({
          type: 'field_goal_made',
          teamId,
          playerId: pick(onCourt.get(teamId)!),
          points,
          period,
          gameClock: 0,
        });
      }
    }
    await send({ type: 'clock_stop', gameClock: 0, period });
    await send({ type: 'period_end', period });
    if (period >= 4 && score.home !== score.away) break;
    if (speed) await sleep(Math.min(60_000, 120_000 / speed));
  }
  await scorer.call('POST', `/api/v1/games/${game.id}/transitions`, { to: 'final' });
  process.stdout.write(
    `Final (${game.competitionKey ?? '-'}): ${game.homeTeam!.name} ${score.home}:${score.away} ${game.awayTeam!.name}${period > 4 ? ' (加时)' : ''}\n`,
  );
}

main().catch((e: unknown) => fail((e as Error)?.stack ?? String(e)));
