/**
 * Live scoring under load: 100 games at once, each with its own scorekeeper device (a game-code
 * session) on its own socket.io connection, sending play-by-play events to the compiled server
 * running as a separate process against the machine's PostgreSQL (a scratch database).
 *
 * Phases: paced at 5 and 10 events/s per game (500 and 1,000 events/s in all), then closed loop
 * (each device sends its next event as soon as the last is acknowledged) for the ceiling.
 * Reports acknowledgement latency (send -> ack, i.e. after commit) and sustained events/s.
 *
 * Run: cd /work/main && npx tsx bench/live-scoring/live-scoring.bench.ts
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/courtside_bench_live, dropped
 * and created), BENCH_GAMES (100), BENCH_SECONDS (20 per paced phase), BENCH_RATES (events/s per game of the
 * paced phases, '5,10'), DB_POOL_SIZE (server pool, 10).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/live/events.js';
import { apiCall, benchServerEnv, percentile, recreateDatabase } from '../support/server.js';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  MAIN,
  runServer,
  waitForHealth,
  type ServerProcess,
} from '../../test/support/server-process.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_live';
const GAMES = Number(process.env.BENCH_GAMES ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const POOL = process.env.DB_POOL_SIZE ?? '10';
const RATES = (process.env.BENCH_RATES ?? '5,10').split(',').map(Number);

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Game {
  id: string;
  /** Staggers the undos, so the games do not all correct at the same moment. */
  offset: number;
  socket: Client;
  seq: number;
  n: number;
  home: { id: string; players: string[] };
  away: { id: string; players: string[] };
}

/** A realistic mix of plays in one long period, with an undo every 40 events (at a different moment in each game). */
function nextCommand(game: Game): { kind: 'event' | 'undo'; body?: Record<string, unknown> } {
  const i = game.n++;
  if (i === 0) return { kind: 'event', body: { type: 'period_start' } };
  if (i >= 20 && (i + game.offset) % 40 === 0) return { kind: 'undo' };
  const [a, b] = i % 2 === 0 ? [game.home, game.away] : [game.away, game.home];
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

async function send(game: Game): Promise<number> {
  const command = nextCommand(game);
  const base = { gameId: game.id, clientEventId: randomUUID(), expectedSeq: game.seq };
  const started = performance.now();
  const ack =
    command.kind === 'undo'
      ? await game.socket.emitWithAck('game:undo', base)
      : await game.socket.emitWithAck('game:event', { ...base, event: command.body } as never);
  const latency = performance.now() - started;
  if (!ack.ok) throw new Error(`game ${game.id}: ${JSON.stringify(ack.error)}`);
  game.seq = ack.data.seq;
  return latency;
}

/** CPU seconds used so far by every PostgreSQL process of the machine (backends included). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
}

async function phase(name: string, games: Game[], perGameRate: number | null, seconds: number, serverPid: number) {
  const latencies: number[] = [];
  const timeline: Array<[number, number]> = [];
  const until = performance.now() + seconds * 1000;
  const cpuBefore = cpuSeconds(serverPid);
  const pgBefore = postgresCpuSeconds();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    games.map(async (game, g) => {
      if (perGameRate === null) {
        while (performance.now() < until) latencies.push(await send(game));
        return;
      }
      // Paced: the k-th event is due at start + k/rate (spread over the games); late ones go at once.
      const interval = 1000 / perGameRate;
      let due = started + (g / games.length) * interval;
      while (due < until) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const l = await send(game);
        latencies.push(l);
        timeline.push([performance.now() - started, l]);
        due += interval;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (process.env.BENCH_TIMELINE) {
    const buckets = new Map<number, number[]>();
    for (const [t, l] of timeline) buckets.set(Math.floor(t / 500), [...(buckets.get(Math.floor(t / 500)) ?? []), l]);
    process.stderr.write(
      [...buckets].map(([b, ls]) => `${(b / 2).toFixed(1)}s:${Math.max(...ls).toFixed(0)}`).join(' ') + '\n',
    );
  }
  const cpu = (cpuSeconds(serverPid) - cpuBefore) / elapsed;
  const pgCpu = (postgresCpuSeconds() - pgBefore) / elapsed;
  const clientUsage = process.cpuUsage(clientBefore);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / elapsed;
  latencies.sort((a, b) => a - b);
  const row = {
    name,
    events: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1]!,
    serverCpu: cpu,
    pgCpu,
    clientCpu,
  };
  process.stdout.write(
    `| ${row.name} | ${row.events} | ${row.perSecond.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p90.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.max.toFixed(1)} | ${(row.serverCpu * 100).toFixed(0)}% | ${(row.pgCpu * 100).toFixed(0)}% | ${(row.clientCpu * 100).toFixed(0)}% |\n`,
  );
  return row;
}

/** The compiled server as its own process (test/support's runServer, plus node flags from BENCH_SERVER_NODE_ARGS, e.g. --cpu-prof). */
function startServer(env: Record<string, string>): ServerProcess {
  const flags = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  if (flags.length === 0) return runServer(env);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: { ...inherited, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => '', stderr: () => '', exited };
}

async function main() {
  await recreateDatabase(DATABASE_URL);

  buildOnce();
  const port = freePort();
  const server = startServer({ ...benchServerEnv(DATABASE_URL), PORT: String(port), DB_POOL_SIZE: POOL });
  const sockets: Client[] = [];
  try {
    await waitForHealth(port, server, 60_000);
    const base = `http://127.0.0.1:${port}`;
    const token = await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
    const call = (method: string, path: string, body?: unknown, auth: string | null = token) =>
      apiCall(base, method, path, body, auth);

    process.stderr.write(`setting up ${GAMES} games…\n`);
    const tournament = await call('POST', '/tournaments', {
      name: '压力测试赛',
      season: '2024',
      startsOn: '2024-05-11',
      endsOn: '2024-05-19',
    });
    const teams: Array<{ id: string; players: string[] }> = [];
    for (let t = 0; t < 20; t++) {
      const unit = await call('POST', '/units', { name: `压测单位${t}`, kind: 'enterprise' });
      const team = await call('POST', `/tournaments/${tournament.id}/teams`, { name: `压测${t}队`, unitId: unit.id });
      const players: string[] = [];
      for (let j = 0; j < 5; j++)
        players.push((await call('POST', `/teams/${team.id}/players`, { name: `队员${j}`, jerseyNumber: j + 4 })).id);
      teams.push({ id: team.id, players });
    }
    const games: Game[] = [];
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
        homeStartingFive: home.players,
        awayStartingFive: away.players,
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
      const sub = await socket.emitWithAck('game:subscribe', { gameId: game.id });
      if (!sub.ok) throw new Error(JSON.stringify(sub.error));
      games.push({ id: game.id, offset: (g * 7) % 40, socket, seq: 0, n: 0, home, away });
    }
    // Warm up (JIT, pool, plans) with a few events per game.
    for (let k = 0; k < 3; k++) await Promise.all(games.map((g) => send(g)));

    process.stdout.write(
      `\nLive scoring, ${GAMES} games at once, server pool ${POOL}, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n\n`,
    );
    process.stdout.write(
      '| Phase | Events | Events/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | Server CPU | PostgreSQL CPU | Clients CPU |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
    );
    for (const rate of RATES)
      await phase(
        `paced ${rate}/s per game (${GAMES * rate}/s offered), ${SECONDS} s`,
        games,
        rate,
        SECONDS,
        server.child.pid!,
      );
    await phase(
      `closed loop (next event on ack), ${Math.max(10, SECONDS / 2)} s`,
      games,
      null,
      Math.max(10, SECONDS / 2),
      server.child.pid!,
    );

    // Sanity: the log is gap-free and the state column matches it.
    const check = new pg.Client({ connectionString: DATABASE_URL });
    await check.connect();
    const { rows } = await check.query(
      `SELECT count(*)::int AS games, sum(last_seq)::int AS events,
              bool_and(last_seq = (SELECT count(*) FROM play_event e WHERE e.game_id = g.id)) AS gap_free
         FROM game g`,
    );
    await check.end();
    process.stdout.write(
      `\nDatabase after the run: ${rows[0].games} games, ${rows[0].events} events, logs gap-free and complete: ${rows[0].gap_free}\n`,
    );
  } finally {
    sockets.forEach((s) => s.close());
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
