/**
 * Recording plays at the database's pace (issue 18): Courtside's live-scoring ingest side by side,
 * in one run, with anchors that do only what a play needs of PostgreSQL.
 *
 * Systems (each phase runs them one after the other, so they see the same machine):
 * - anchor: plain `pg` (pool of 10, 100 concurrent clients, one game row each): one INSERT of
 *   the play and one UPDATE of the game row's score, in one transaction (one statement, one round trip).
 * - anchor + old state: the same, also writing a JSON state as large as Courtside's used to with
 *   every play (a real reducer state, stored as the old migration did: MAIN, lz4).
 * - anchor, same data: what Courtside writes now — the play with its acknowledgement (`after`),
 *   the game row with its scoreboard (`live`), and the full state every 32nd play.
 * - Courtside: the compiled server as its own process (pool of 10), 100 games, each with its own
 *   scorekeeper device (game-code session) on its own socket.io connection; the live-scoring
 *   bench's mix of plays, an undo every 40 plays.
 *
 * Phases: open loop at 500/s and 1,000/s offered (5 and 10 plays/s per game, on a fixed
 * schedule; a game's next play goes when it is due or, if the previous one is still waiting,
 * as soon as it is answered) — latency is counted from when the play was DUE, so a backlog
 * shows (no coordinated omission); then closed loop (next play on the answer), for the ceiling.
 * CPU: the server process, and the PostgreSQL backends of the scratch database (pg_stat_activity).
 *
 * Run: cd /work/main && npx tsx bench/ingest/ingest.bench.ts
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/courtside_bench_ingest,
 * dropped and created), BENCH_GAMES (100), BENCH_SECONDS (15 per open-loop phase, closed loop 10),
 * BENCH_RATES ('500,1000', plays/s offered in all), BENCH_SERVER_NODE_ARGS (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'),
 * BENCH_ONLY ('Courtside' to run only it), BENCH_ORDER (the systems' order in each phase, default
 * 'plain,old state,same data,Courtside'), BENCH_ROUNDS (1; each round rotates that order by one),
 * BENCH_VACUUM ('1', or a table such as 'game': VACUUM (ANALYZE) before each phase), BENCH_SERVER_LOG (a file for the server's output, e.g. with
 * BENCH_SERVER_NODE_ARGS='--trace-gc'), BENCH_GC_LOG (a file: the server's and this process's collector pauses
 * are recorded there, and each open-loop phase's plays at or above its p99 are split by what they
 * waited for: a pause of the server's collector, of this process's, this process sending late, or
 * none of these), BENCH_SHARED_ROOMS=1 (Courtside shares its rooms through Redis,
 * BENCH_REDIS_URL or redis://127.0.0.1:6379, with a second instance that holds no sockets: what
 * publishing each play to the other instances costs the recording one, and what reading them
 * costs the other, as in a deployment of several instances).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { replay, type GameState } from '../../src/domain/game/index.js';
import { overtime, regulation, thirdPlaceContext } from '../../src/domain/game/fixtures/huzhou-third-place.js';
import { playScript } from '../../src/domain/game/fixtures/play-script.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/live/events.js';
import { toGameLiveDto } from '../../src/modules/games/game.mapper.js';
import {
  GC_PAUSES_PRELOAD,
  readPauses,
  recordOwnPauses,
  slowRequests,
  type SlowRequests,
  type TimedRequest,
} from '../support/pauses.js';
import { apiCall, benchServerEnv, cpuMs, percentile, recreateDatabase, stolenMs } from '../support/server.js';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  runServer,
  waitForHealth,
} from '../../test/support/server-process.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_ingest';
const GAMES = Number(process.env.BENCH_GAMES ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLOSED_SECONDS = Math.max(10, Math.round(SECONDS * 0.67));
const SHARED_ROOMS = process.env.BENCH_SHARED_ROOMS === '1';
const RATES = (process.env.BENCH_RATES ?? '500,1000').split(',').map(Number);
const POOL = 10;
// The order the systems run in, within each phase (BENCH_ORDER, names comma-separated): whether
// running after the others changes a system's figures.
const ORDER = (process.env.BENCH_ORDER ?? 'plain,old state,same data,Courtside').split(',');
// Rounds (BENCH_ROUNDS): the whole set of phases again, the order rotated by one each round, so a
// disturbance of the machine (a slow fsync on this virtual disk holds every commit for 50–150 ms)
// falls on one system's phase in one round, and the ratios are read as the median of the rounds.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const GC_LOG = process.env.BENCH_GC_LOG;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An open-loop play as BENCH_TRACE and BENCH_GC_LOG see it. */
interface TracedPlay extends TimedRequest {
  undo: boolean;
  /** The game's seq after the play, -1 where the device does not know it. */
  seq: number;
}

/** One game's device: sends its next play and resolves when it is answered. */
interface Device {
  /** Sends the next play; answers whether it was an undo, to time those apart. */
  send(): Promise<boolean | void>;
  /** The game's seq after its last answered play, where the device knows it (BENCH_TRACE). */
  readonly seq?: number;
}

interface System {
  name: string;
  /** Its name in BENCH_ORDER and BENCH_ONLY. */
  key: string;
  devices: Device[];
  /** The server process whose CPU counts (none for the anchors: the pool runs in this process). */
  serverPid: number | null;
  /** With BENCH_SHARED_ROOMS: the second instance, which only reads the plays from Redis. */
  otherPid?: number;
}

interface Row {
  /** Which round (BENCH_ROUNDS) the phase ran in. */
  round?: number;
  system: string;
  phase: string;
  plays: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  serverCpu: number | null;
  pgCpu: number;
  pgCpuMsPerPlay: number;
  /** Plays per committed transaction: how many plays group commit puts in one. */
  playsPerCommit: number;
  /** This process: the scorekeepers' devices (socket.io clients) or the anchor's pg client. */
  clientCpu: number;
  /** Server (both instances with BENCH_SHARED_ROOMS) + PostgreSQL + this process, per play: on 2 shared cores, the ceiling is 2,000 ms ÷ this. */
  totalCpuMsPerPlay: number;
  /** With BENCH_SHARED_ROOMS: the second instance's CPU per play (reading the plays from Redis). */
  otherCpuMsPerPlay: number | null;
  /** CPU the hypervisor gave elsewhere during the phase, as a share of one core (see stolenMs). */
  stolen: number;
  /** Courtside's undos alone (one play in 40): their p50 and p99 (ms). */
  undo: { count: number; p50: number; p99: number } | null;
  /** With BENCH_GC_LOG, open loop: what the plays at or above the phase's p99 waited for. */
  slow?: SlowRequests;
}

/** CPU ms so far of the PostgreSQL backends serving the scratch database. */
async function backendCpuMs(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
    new URL(DATABASE_URL).pathname.slice(1),
  ]);
  return rows.reduce((n, r) => n + cpuMs(r.pid), 0);
}

/**
 * Transactions committed so far in the scratch database (PostgreSQL's statistics, which each
 * backend reports at most once a second: about right over a phase of 10 s or more).
 */
async function commits(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Open loop when `rate` is given (plays/s in all, spread evenly over the devices and over each
 * interval; latency from the due time), closed loop otherwise (latency from the send).
 */
async function phase(system: System, rate: number | null, seconds: number, admin: pg.Client): Promise<Row> {
  const latencies: number[] = [];
  const undos: number[] = [];
  // Each open-loop play, for BENCH_TRACE (when a tail happens and which plays make it) and
  // BENCH_GC_LOG (which pauses the slow ones waited for).
  const timed: TracedPlay[] | undefined = (process.env.BENCH_TRACE || GC_LOG) && rate !== null ? [] : undefined;
  const serverBefore = system.serverPid ? cpuMs(system.serverPid) : 0;
  const otherBefore = system.otherPid ? cpuMs(system.otherPid) : 0;
  const pgBefore = await backendCpuMs(admin);
  const commitsBefore = await commits(admin);
  const clientBefore = process.cpuUsage();
  const stolenBefore = stolenMs();
  const started = performance.now();
  const until = started + seconds * 1000;
  const n = system.devices.length;
  await Promise.all(
    system.devices.map(async (device, d) => {
      if (rate === null) {
        while (performance.now() < until) {
          const sent = performance.now();
          const undo = await device.send();
          latencies.push(performance.now() - sent);
          if (undo) undos.push(latencies.at(-1)!);
        }
        return;
      }
      const interval = (1000 * n) / rate;
      for (let due = started + (d / n) * interval; due < until; due += interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const sent = performance.now();
        const undo = await device.send();
        latencies.push(performance.now() - due);
        if (undo) undos.push(latencies.at(-1)!);
        timed?.push({
          due: performance.timeOrigin + due,
          latency: latencies.at(-1)!,
          late: sent - due,
          undo: Boolean(undo),
          seq: device.seq ?? -1,
        });
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const pgCpu = (await backendCpuMs(admin)) - pgBefore;
  // Let every backend report its last second of commits before they are counted.
  await new Promise((r) => setTimeout(r, 1100));
  const committed = (await commits(admin)) - commitsBefore;
  const client = process.cpuUsage(clientBefore);
  const clientCpu = (client.user + client.system) / 1000;
  const serverCpu = system.serverPid ? cpuMs(system.serverPid) - serverBefore : 0;
  const otherCpu = system.otherPid ? cpuMs(system.otherPid) - otherBefore : 0;
  const stolen = stolenMs() - stolenBefore;
  // BENCH_TRACE=file: each open-loop play's due time (ms into the phase), latency, whether it was
  // an undo (1/0) and the game's seq after it (-1 where unknown; a multiple of 32 stores the whole
  // state); `startedAt` (ms since the epoch) lines the plays up with other records.
  if (process.env.BENCH_TRACE && timed?.length) {
    const startedAt = performance.timeOrigin + started;
    appendFileSync(
      process.env.BENCH_TRACE,
      JSON.stringify({
        system: system.name,
        rate,
        startedAt: Math.round(startedAt),
        plays: timed
          .map((p) => [Math.round(p.due - startedAt), Math.round(p.latency * 10) / 10, p.undo ? 1 : 0, p.seq])
          .sort((a, b) => a[0]! - b[0]!),
      }) + '\n',
    );
  }
  latencies.sort((a, b) => a - b);
  undos.sort((a, b) => a - b);
  return {
    system: system.name,
    phase: rate === null ? 'closed loop' : `${rate}/s offered`,
    plays: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    serverCpu: system.serverPid ? serverCpu / 1000 / elapsed : null,
    pgCpu: pgCpu / 1000 / elapsed,
    pgCpuMsPerPlay: pgCpu / latencies.length,
    playsPerCommit: latencies.length / Math.max(1, committed),
    clientCpu: clientCpu / 1000 / elapsed,
    totalCpuMsPerPlay: (serverCpu + otherCpu + pgCpu + clientCpu) / latencies.length,
    otherCpuMsPerPlay: system.otherPid ? otherCpu / latencies.length : null,
    stolen: stolen / 1000 / elapsed,
    undo: undos.length > 0 ? { count: undos.length, p50: percentile(undos, 50), p99: percentile(undos, 99) } : null,
    // The pauses of the last second are in the file: the wait for the commit statistics above.
    ...(GC_LOG && timed?.length
      ? {
          slow: slowRequests(
            timed,
            percentile(latencies, 99),
            readPauses(GC_LOG!),
            [system.serverPid, system.otherPid].filter((pid): pid is number => typeof pid === 'number'),
            process.pid,
          ),
        }
      : {}),
  };
}

/** A real reducer state (the Huzhou 3rd-place game after 120 plays, two 12-player rosters). */
function oldSizedState(): GameState {
  const context = thirdPlaceContext();
  const script = playScript(context);
  regulation.forEach((period) => script.addAll(period));
  script.addAll(overtime);
  return replay(script.log.slice(0, 120), context);
}

type AnchorKind = 'plain' | 'old state' | 'same data';

/** The anchor's tables, as Courtside's would be for what it stores (fresh per kind). */
async function anchor(kind: AnchorKind, pool: pg.Pool, state: GameState): Promise<System> {
  const t = `anchor_${kind.replace(' ', '_')}`;
  await pool.query(`DROP TABLE IF EXISTS ${t}_play, ${t}_game`);
  await pool.query(
    `CREATE TABLE ${t}_game (id int PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'live', last_seq int NOT NULL DEFAULT 0,
       home_score int NOT NULL DEFAULT 0, away_score int NOT NULL DEFAULT 0, period smallint NOT NULL DEFAULT 1,
       live jsonb, state jsonb, updated_at timestamptz NOT NULL DEFAULT now())${kind === 'same data' ? ' WITH (fillfactor = 70)' : ''}`,
  );
  if (kind === 'old state') {
    await pool.query(`ALTER TABLE ${t}_game ALTER COLUMN state SET STORAGE MAIN`);
    await pool.query(
      `DO $$ BEGIN ALTER TABLE ${t}_game ALTER COLUMN state SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$`,
    );
  }
  await pool.query(
    `CREATE TABLE ${t}_play (game_id int NOT NULL REFERENCES ${t}_game (id), seq int NOT NULL, client_event_id uuid NOT NULL,
       body jsonb NOT NULL, after jsonb, recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (game_id, seq))`,
  );
  await pool.query(`CREATE UNIQUE INDEX ON ${t}_play (game_id, client_event_id)`);
  await pool.query(`INSERT INTO ${t}_game (id, state) SELECT g, $1::jsonb FROM generate_series(0, $2 - 1) g`, [
    JSON.stringify(state),
    GAMES,
  ]);
  const [home, away] = state.teams.map((team) => team.teamId) as [string, string];
  const players = Object.values(state.players);
  const devices = Array.from({ length: GAMES }, (_, g): Device => {
    let seq = 0;
    let score = { home: 0, away: 0 };
    return {
      async send() {
        seq++;
        const player = players[seq % players.length]!;
        const body = { type: 'field_goal_made', teamId: player.teamId, playerId: player.playerId, points: 2 };
        score = player.teamId === home ? { ...score, home: score.home + 2 } : { ...score, away: score.away + 2 };
        const now = { ...state, lastSeq: seq, score: { [home]: score.home, [away]: score.away } };
        const common = [g, seq, randomUUID(), JSON.stringify(body), score.home, score.away];
        if (kind === 'plain') {
          await pool.query(
            `WITH play AS (INSERT INTO ${t}_play (game_id, seq, client_event_id, body) VALUES ($1, $2, $3, $4) RETURNING recorded_at)
             UPDATE ${t}_game SET last_seq = $2, home_score = $5, away_score = $6, updated_at = now()
              WHERE id = $1 RETURNING (SELECT recorded_at FROM play)`,
            common,
          );
        } else if (kind === 'old state') {
          await pool.query(
            `WITH play AS (INSERT INTO ${t}_play (game_id, seq, client_event_id, body) VALUES ($1, $2, $3, $4) RETURNING recorded_at)
             UPDATE ${t}_game SET last_seq = $2, home_score = $5, away_score = $6, state = $7, updated_at = now()
              WHERE id = $1 RETURNING (SELECT recorded_at FROM play)`,
            [...common, JSON.stringify(now)],
          );
        } else {
          const after = JSON.stringify(toGameLiveDto(now, 'live', { homeTeamId: home, awayTeamId: away }, 'last'));
          const snapshot = seq % 32 === 0;
          await pool.query(
            `WITH play AS (INSERT INTO ${t}_play (game_id, seq, client_event_id, body, after) VALUES ($1, $2, $3, $4, $7) RETURNING recorded_at)
             UPDATE ${t}_game SET last_seq = $2, home_score = $5, away_score = $6, live = $7::jsonb,
                    ${snapshot ? 'state = $8::jsonb, ' : ''}updated_at = now()
              WHERE id = $1 RETURNING (SELECT recorded_at FROM play)`,
            [...common, after, ...(snapshot ? [JSON.stringify(now)] : [])],
          );
        }
      },
    };
  });
  return {
    name: `anchor${kind === 'plain' ? '' : kind === 'old state' ? ' + old-size state' : ', same data'}`,
    key: kind,
    devices,
    serverPid: null,
  };
}

/** A realistic mix of plays in one long period, with an undo every 40 plays (at a different moment in each game). */
function nextCommand(
  i: number,
  offset: number,
  home: { id: string; players: string[] },
  away: { id: string; players: string[] },
): { kind: 'event' | 'undo'; body?: Record<string, unknown> } {
  if (i === 0) return { kind: 'event', body: { type: 'period_start' } };
  if (i >= 20 && (i + offset) % 40 === 0) return { kind: 'undo' };
  const [a, b] = i % 2 === 0 ? [home, away] : [away, home];
  const p = (team: typeof a, k: number) => team.players[(i + k) % 5]!;
  switch (i % 8) {
    case 0:
      return {
        kind: 'event',
        body: { type: 'field_goal_made', teamId: a.id, playerId: p(a, 0), points: 2, assistPlayerId: p(a, 1) },
      };
    case 1:
      return { kind: 'event', body: { type: 'field_goal_missed', teamId: a.id, playerId: p(a, 2), points: 3 } };
    case 2:
      return { kind: 'event', body: { type: 'rebound', teamId: b.id, playerId: p(b, 0), kind: 'defensive' } };
    case 3:
      return { kind: 'event', body: { type: 'field_goal_made', teamId: b.id, playerId: p(b, 3), points: 3 } };
    case 4:
      return { kind: 'event', body: { type: 'steal', teamId: a.id, playerId: p(a, 4) } };
    case 5:
      return { kind: 'event', body: { type: 'turnover', teamId: b.id, playerId: p(b, 1) } };
    case 6:
      return { kind: 'event', body: { type: 'free_throw_made', teamId: a.id, playerId: p(a, 3) } };
    default:
      return { kind: 'event', body: { type: 'score_adjust', teamId: b.id, points: 2 } };
  }
}

/** 100 games on the compiled server, each with its own game-code device on socket.io. */
async function courtside(port: number, serverPid: number, sockets: Client[], otherPid?: number): Promise<System> {
  const base = `http://127.0.0.1:${port}`;
  const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
  const call = (method: string, path: string, body?: unknown, auth: string | null = token) =>
    apiCall(base, method, path, body, auth);
  const tournament = await call('POST', '/tournaments', {
    name: '录入压测赛',
    season: '2024',
    startsOn: '2024-05-11',
    endsOn: '2024-05-19',
  });
  const teams: Array<{ id: string; players: string[] }> = [];
  for (let t = 0; t < 20; t++) {
    const unit = await call('POST', '/units', { name: `录入单位${t}`, kind: 'enterprise' });
    const team = await call('POST', `/tournaments/${tournament.id}/teams`, { name: `录入${t}队`, unitId: unit.id });
    const players: string[] = [];
    // Twelve players a team, as a real roster: the state is as large as a real game's.
    for (let j = 0; j < 12; j++)
      players.push((await call('POST', `/teams/${team.id}/players`, { name: `队员${j}`, jerseyNumber: j + 4 })).id);
    teams.push({ id: team.id, players });
  }
  const devices: Device[] = [];
  for (let g = 0; g < GAMES; g++) {
    const home = teams[(2 * g) % 20]!;
    const away = teams[(2 * g + 1) % 20]!;
    const game = await call('POST', `/tournaments/${tournament.id}/games`, {
      homeTeamId: home.id,
      awayTeamId: away.id,
      court: `${(g % 10) + 1}号场`,
    });
    const code = await call('POST', `/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
    const device = await call('POST', '/auth/game-code', { code: code.code }, null);
    await call('POST', `/games/${game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: home.players.slice(0, 5),
      awayStartingFive: away.players.slice(0, 5),
    });
    const socket: Client = io(base, {
      transports: ['websocket'],
      auth: { token: device.accessToken },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
    const starting = {
      home: { ...home, players: home.players.slice(0, 5) },
      away: { ...away, players: away.players.slice(0, 5) },
    };
    let seq = 0;
    let n = 0;
    devices.push({
      get seq() {
        return seq;
      },
      async send() {
        const command = nextCommand(n++, (g * 7) % 40, starting.home, starting.away);
        const base = { gameId: game.id, clientEventId: randomUUID(), expectedSeq: seq };
        const ack =
          command.kind === 'undo'
            ? await socket.emitWithAck('game:undo', base)
            : await socket.emitWithAck('game:event', { ...base, event: command.body } as never);
        if (!ack.ok) throw new Error(`game ${game.id}: ${JSON.stringify(ack.error)}`);
        seq = ack.data.seq;
        return command.kind === 'undo';
      },
    });
  }
  return { name: 'Courtside', key: 'Courtside', devices, serverPid, otherPid };
}

/** Two seconds of unmeasured plays, every game at once (as the closed loop sends them). */
async function warmUp(system: System): Promise<void> {
  const until = performance.now() + 2000;
  await Promise.all(
    system.devices.map(async (d) => {
      while (performance.now() < until) await d.send();
    }),
  );
}

const fmt = (x: number | null, digits = 1) =>
  x === null || Number.isNaN(x)
    ? '—'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  await recreateDatabase(DATABASE_URL);
  buildOnce();
  if (GC_LOG) {
    rmSync(GC_LOG, { force: true });
    await recordOwnPauses(GC_LOG);
  }
  const pauseLog: Record<string, string> = GC_LOG ? { GC_PAUSES_FILE: GC_LOG } : {};
  const pausePreload = GC_LOG ? ['--import', GC_PAUSES_PRELOAD] : [];
  const port = freePort();
  const sharedRooms: Record<string, string> = SHARED_ROOMS
    ? {
        REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: `bench-ingest-${process.pid}`,
      }
    : {};
  const server = runServer(
    { ...benchServerEnv(DATABASE_URL), PORT: String(port), DB_POOL_SIZE: String(POOL), ...sharedRooms, ...pauseLog },
    [...pausePreload, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
  );
  let other: ReturnType<typeof runServer> | null = null;
  const sockets: Client[] = [];
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: POOL, idleTimeoutMillis: 0 });
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  try {
    await waitForHealth(port, server, 60_000);
    // The second instance holds no sockets and records nothing: it only reads what the first
    // publishes. Started once the first has applied the migrations.
    const otherPort = freePort();
    if (SHARED_ROOMS) {
      other = runServer(
        {
          ...benchServerEnv(DATABASE_URL),
          PORT: String(otherPort),
          DB_POOL_SIZE: '2',
          ...sharedRooms,
          ...pauseLog,
        },
        pausePreload,
      );
      await waitForHealth(otherPort, other, 60_000);
    }
    await admin.connect();
    process.stderr.write(`setting up ${GAMES} games on Courtside and the anchors…\n`);
    const state = oldSizedState();
    const systems = [
      await anchor('plain', pool, state),
      await anchor('old state', pool, state),
      await anchor('same data', pool, state),
      await courtside(port, server.child.pid!, sockets, other?.child.pid),
    ]
      .filter((system) => !process.env.BENCH_ONLY || system.key === process.env.BENCH_ONLY)
      .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
    // Warm up (JIT, pools, plans): a few plays per game and system.
    for (const system of systems) await warmUp(system);

    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const rows: Row[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Each round starts the order one system later: over as many rounds as systems, each runs in every place.
      const order = systems.map((_, i) => systems[(i + round - 1) % systems.length]!);
      for (const rate of [...RATES, null]) {
        for (const system of order) {
          process.stderr.write(`round ${round}: ${system.name}, ${rate === null ? 'closed loop' : `${rate}/s`}…\n`);
          // Every system starts clean: the WAL the one before wrote is checkpointed now, not in
          // the middle of the next one's phase (the anchor writing the old-size state writes
          // 140 MB a phase), and autovacuum, where it runs, gets a moment.
          // BENCH_VACUUM ('1' for the database, or a table's name): vacuum before each phase, as
          // autovacuum would have by then where it runs. This machine's PostgreSQL has it off
          // (conf.d/90-ci.conf), so without this nothing reclaims the game rows' dead versions.
          if (process.env.BENCH_VACUUM)
            await admin.query(
              `VACUUM (ANALYZE) ${process.env.BENCH_VACUUM === '1' ? '' : pg.escapeIdentifier(process.env.BENCH_VACUUM)}`,
            );
          await admin.query('CHECKPOINT');
          await new Promise((r) => setTimeout(r, 2000));
          // Each system warms up right before its own phase, not only once at the start: a server
          // idle for the minute the others took has let V8 drop compiled code and shrink its heap.
          await warmUp(system);
          rows.push({ ...(await phase(system, rate, rate === null ? CLOSED_SECONDS : SECONDS, admin)), round });
        }
      }
    }
    const { rows: hot } = await admin.query<{ relname: string; upd: string; hot: string }>(
      `SELECT relname, n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname LIKE '%game'`,
    );
    const { rows: sizes } = await admin.query<{ state: number; live: number }>(
      `SELECT avg(length(state::text))::int AS state, avg(length(live::text))::int AS live FROM game WHERE state IS NOT NULL`,
    );

    process.stdout.write(
      `\nIngest, ${GAMES} games, pool ${POOL}, ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, load average at start ${load}\n` +
        `Old-size state in the anchor: ${JSON.stringify(state).length} bytes of JSON; Courtside's stored state ${sizes[0]?.state} bytes, its 'live' summary ${sizes[0]?.live} bytes.\n` +
        (SHARED_ROOMS
          ? 'Courtside shares its rooms through Redis with a second instance (its CPU per play: "Other instance").\n\n'
          : '\n'),
    );
    process.stdout.write(
      `|${ROUNDS > 1 ? ' Round |' : ''} Phase | System | Plays | Achieved/s | Ack p50 (ms) | Ack p99 (ms) | Max (ms) | Server CPU | PostgreSQL CPU | PG CPU ms/play | Plays/commit | Client CPU | All CPU ms/play | Stolen |${SHARED_ROOMS ? ' Other instance ms/play |' : ''}\n` +
        `|${ROUNDS > 1 ? ' ---: |' : ''} --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${SHARED_ROOMS ? ' ---: |' : ''}\n`,
    );
    for (const r of rows)
      process.stdout.write(
        `|${ROUNDS > 1 ? ` ${r.round} |` : ''} ${r.phase} | ${r.system} | ${r.plays} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max, 0)} | ${r.serverCpu === null ? '—' : `${fmt(r.serverCpu * 100, 0)}%`} | ${fmt(r.pgCpu * 100, 0)}% | ${fmt(r.pgCpuMsPerPlay, 2)} | ${fmt(r.playsPerCommit, 1)} | ${fmt(r.clientCpu * 100, 0)}% | ${fmt(r.totalCpuMsPerPlay, 2)} | ${fmt(r.stolen * 100, 0)}% |${SHARED_ROOMS ? ` ${fmt(r.otherCpuMsPerPlay, 2)} |` : ''}\n`,
      );
    process.stdout.write("\nCourtside's undos alone (one play in 40):\n");
    for (const r of rows)
      if (r.undo)
        process.stdout.write(
          `- ${r.phase}: ${r.undo.count} undos, p50 ${fmt(r.undo.p50)} ms, p99 ${fmt(r.undo.p99)} ms\n`,
        );
    if (rows.some((r) => r.slow)) {
      process.stdout.write(
        "\nWhat the plays at or above each open-loop phase's p99 waited for (BENCH_GC_LOG; a play counts under the first that applies):\n\n" +
          `|${ROUNDS > 1 ? ' Round |' : ''} Phase | System | p99 (ms) | Plays ≥ p99 | Server's collector | This process's collector | Sent > 1 ms late | None of these | Server's pauses: count, total, longest (ms) |\n` +
          `|${ROUNDS > 1 ? ' ---: |' : ''} --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n`,
      );
      for (const r of rows)
        if (r.slow)
          process.stdout.write(
            `|${ROUNDS > 1 ? ` ${r.round} |` : ''} ${r.phase} | ${r.system} | ${fmt(r.slow.threshold)} | ${r.slow.count} | ${r.slow.serverGc} | ${r.slow.benchGc} | ${r.slow.sentLate} | ${r.slow.other} | ${r.serverCpu === null ? '—' : `${r.slow.serverPauses.count}, ${fmt(r.slow.serverPauses.totalMs, 0)}, ${fmt(r.slow.serverPauses.longestMs)}`} |\n`,
          );
    }
    process.stdout.write('\nHOT updates of the game rows (whole run): ');
    process.stdout.write(
      hot.map((h) => `${h.relname} ${Math.round((100 * Number(h.hot)) / Math.max(1, Number(h.upd)))}%`).join(', ') +
        '\n',
    );
    const find = (system: string, phase: string, round: number) =>
      rows.find((r) => r.system === system && r.phase === phase && r.round === round)!;
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = sorted.length / 2;
      return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
    };
    const rounds = Array.from({ length: ROUNDS }, (_, i) => i + 1);
    process.stdout.write(
      `\nRatios (Courtside against each anchor${ROUNDS > 1 ? '; the median of the rounds, then each round' : ''}):\n`,
    );
    for (const phaseName of [...RATES.map((r) => `${r}/s offered`), 'closed loop']) {
      const parts = systems
        .filter((s) => s.name !== 'Courtside')
        .map((s) => {
          const achieved = rounds.map(
            (k) => find('Courtside', phaseName, k).perSecond / find(s.name, phaseName, k).perSecond,
          );
          const p99 = rounds.map((k) => find('Courtside', phaseName, k).p99 / find(s.name, phaseName, k).p99);
          const each = (xs: number[]) => (ROUNDS > 1 ? ` (${xs.map((x) => fmt(x, 2)).join(', ')})` : '');
          return `${s.name}: achieved ${fmt(median(achieved), 2)}×${each(achieved)}, p99 ${fmt(median(p99), 2)}×${each(p99)}`;
        });
      process.stdout.write(`- ${phaseName}: ${parts.join('; ')}\n`);
    }
    process.stdout.write(JSON.stringify(rows) + '\n');
  } finally {
    sockets.forEach((s) => s.close());
    await pool.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
    server.child.kill('SIGTERM');
    other?.child.kill('SIGTERM');
    await Promise.all([server.exited, other?.exited]);
    if (process.env.BENCH_SERVER_LOG)
      writeFileSync(process.env.BENCH_SERVER_LOG, `${server.stdout()}\n--- stderr\n${server.stderr()}`);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
