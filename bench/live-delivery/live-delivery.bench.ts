/**
 * Live delivery to fans: real socket.io clients (WebSocket, in two client processes) joined to
 * one game while a scorekeeper records events over HTTP at a steady rate. For 1,000 / 2,000 /
 * 5,000 / 10,000 fans it measures, in one run:
 *   - bare:        a bare socket.io server broadcasting the same payload at the same rate (the ceiling);
 *   - courtside:   the compiled server, one process, no Redis;
 *   - courtside×2: two server processes sharing rooms through Redis (fans split between them,
 *                  the scorekeeper writing through the first), to use both cores.
 * Latency is commit-to-fan: from `serverTime` (stamped right after the commit, or at the bare
 * server's emit) to arrival. Deliveries/s counts messages received per second of the phase.
 * Server memory is the largest RSS of the server process(es) during the phase.
 *
 * Run: cd /work/main && npx tsx bench/live-delivery/live-delivery.bench.ts
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/courtside_bench_delivery,
 * dropped and created), BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_FANS ('1000,2000,5000,10000'),
 * BENCH_RATE (events/s, 2), BENCH_SECONDS (per phase, 15), BENCH_KINDS ('bare,courtside,courtside×2').
 * Everything runs on 127.0.0.1; each phase is bounded in time. Needs `ulimit -n` above 2 × fans.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  runServer,
  waitForHealth,
  type ServerProcess,
} from '../../test/support/server-process.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_delivery';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FANS = (process.env.BENCH_FANS ?? '1000,2000,5000,10000').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const KINDS = (process.env.BENCH_KINDS ?? 'bare,courtside,courtside×2').split(',');
const CLIENT_PROCESSES = 2;
const here = path.dirname(new URL(import.meta.url).pathname);

const rssOf = (pid: number) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

function request<T>(child: ChildProcess, message: object, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: any) => {
      if (m?.type === answer) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

const forkTs = (file: string, args: string[] = []) =>
  fork(path.join(here, file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

function percentile(histogram: number[], total: number, p: number): number {
  const target = Math.ceil(total * p);
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms]!;
    if (seen >= target) return ms;
  }
  return histogram.length;
}

interface Row {
  fans: number;
  kind: string;
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  expectedPerSecond: number;
  lost: number;
  serverMemoryMb: number;
}

async function main() {
  const admin = new pg.Client({ connectionString: DATABASE_URL.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  const dbName = new URL(DATABASE_URL).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  buildOnce();

  const common = {
    DATABASE_URL,
    HOST: '127.0.0.1',
    ID_HASH_KEY: 'k'.repeat(40),
    JWT_SECRET: 'j'.repeat(40),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
    LIVE_MAX_CONNECTIONS_PER_ADDRESS: '100000',
    LIVE_POLLING: 'false',
    ...FIRST_ADMIN,
  };
  const servers: ServerProcess[] = [];
  const clients: ChildProcess[] = [];
  let bare: ChildProcess | undefined;
  const start = async (env: Record<string, string>) => {
    const port = freePort();
    const server = runServer({ ...common, PORT: String(port), ...env });
    servers.push(server);
    await waitForHealth(port, server, 60_000);
    return { port, server, url: `http://127.0.0.1:${port}` };
  };
  try {
    const single = await start({});
    const prefix = `courtside-bench-${randomUUID().slice(0, 8)}`;
    const workers = KINDS.includes('courtside×2')
      ? [
          await start({ REDIS_URL, REDIS_KEY_PREFIX: prefix }),
          await start({ REDIS_URL, REDIS_KEY_PREFIX: prefix, MIGRATIONS_RUN: 'false' }),
        ]
      : [];

    // One game, ready, and the scorer's table logged in with a game code.
    const token = await loginTo(single.port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD);
    const call = async (base: string, method: string, p: string, body?: unknown, auth: string | null = token) => {
      const res = await fetch(`${base}/api/v1${p}`, {
        method,
        headers: {
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${method} ${p} -> ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const base = single.url;
    const tournament = await call(base, 'POST', '/tournaments', {
      name: '决赛直播压测',
      season: '2024',
      startsOn: '2024-05-11',
      endsOn: '2024-05-19',
    });
    const teams: Array<{ id: string; players: string[] }> = [];
    for (const name of ['长兴天顺物流队', '德清乾元篮球队']) {
      const unit = await call(base, 'POST', '/units', { name: `${name}单位`, kind: 'enterprise' });
      const team = await call(base, 'POST', `/tournaments/${tournament.id}/teams`, { name, unitId: unit.id });
      const players: string[] = [];
      for (let j = 0; j < 8; j++)
        players.push(
          (await call(base, 'POST', `/teams/${team.id}/players`, { name: `队员${j}`, jerseyNumber: j + 4 })).id,
        );
      teams.push({ id: team.id, players });
    }
    const [home, away] = teams as [(typeof teams)[0], (typeof teams)[0]];
    const game = await call(base, 'POST', `/tournaments/${tournament.id}/games`, {
      homeTeamId: home.id,
      awayTeamId: away.id,
      court: '1号场',
    });
    const code = await call(base, 'POST', `/tournaments/${tournament.id}/game-codes`, { gameId: game.id });
    const device = (await call(base, 'POST', '/auth/game-code', { code: code.code }, null)).accessToken as string;
    await call(base, 'POST', `/games/${game.id}/transitions`, {
      to: 'ready',
      homeStartingFive: home.players.slice(0, 5),
      awayStartingFive: away.players.slice(0, 5),
    });
    let seq = 0;
    let n = 0;
    const record = async (writer: string, event: Record<string, unknown>) => {
      const ack = await call(
        writer,
        'POST',
        `/games/${game.id}/events`,
        { clientEventId: randomUUID(), expectedSeq: seq, event },
        device,
      );
      seq = ack.seq;
      return ack;
    };
    await record(base, { type: 'period_start' });
    const nextPlay = () => {
      const team = n % 2 === 0 ? home : away;
      const player = team.players[n++ % 5]!;
      return {
        type: 'field_goal_made',
        teamId: team.id,
        playerId: player,
        points: 2,
        gameClock: Math.max(0, 6000 - n),
      };
    };
    // The payload the bare server sends: a real delta (acknowledgement + clock + serverTime).
    const sample = await record(base, nextPlay());
    const { duplicate: _d, ...payload } = sample;
    Object.assign(payload, {
      clock: { running: true, remaining: 5998, asOfSeq: sample.seq, asOf: sample.recordedAt },
      serverTime: new Date().toISOString(),
    });
    process.stderr.write(`payload: ${JSON.stringify(payload).length} bytes\n`);

    for (let i = 0; i < CLIENT_PROCESSES; i++) clients.push(forkTs('fans.ts'));
    const barePort = freePort();
    if (KINDS.includes('bare')) {
      bare = forkTs('bare-server.ts', [String(barePort)]);
      await new Promise((r) => bare!.once('message', r));
    }
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const rows: Row[] = [];
    for (const fans of FANS) {
      for (const kind of KINDS) {
        const urls = kind === 'bare' ? [bareUrl] : kind === 'courtside' ? [single.url] : workers.map((w) => w.url);
        const pids =
          kind === 'bare'
            ? [bare!.pid!]
            : kind === 'courtside'
              ? [single.server.child.pid!]
              : workers.map((w) => w.server.child.pid!);
        const t0 = Date.now();
        const connected = await Promise.all(
          clients.map((c, i) =>
            request<{ failed: number }>(
              c,
              {
                type: 'connect',
                urls,
                count: Math.floor(fans / CLIENT_PROCESSES) + (i < fans % CLIENT_PROCESSES ? 1 : 0),
                gameId: game.id,
              },
              'connected',
            ),
          ),
        );
        const failed = connected.reduce((a, c) => a + c.failed, 0);
        process.stderr.write(`${kind} ${fans} fans: connected in ${Date.now() - t0} ms (${failed} failed)\n`);
        await new Promise((r) => setTimeout(r, 1000));
        await Promise.all(clients.map((c) => request(c, { type: 'reset' }, 'reset')));

        let peak = 0;
        const sampler = setInterval(
          () =>
            (peak = Math.max(
              peak,
              pids.reduce((a, pid) => a + rssOf(pid), 0),
            )),
          250,
        );
        let sent = 0;
        const until = Date.now() + SECONDS * 1000;
        if (kind === 'bare') {
          bare!.send({ type: 'start', gameId: game.id, payload, rate: RATE });
          await new Promise((r) => setTimeout(r, SECONDS * 1000));
          sent = (await request<{ sent: number }>(bare!, { type: 'stop' }, 'stopped')).sent;
        } else {
          const writer = urls[0]!;
          for (let next = Date.now(); Date.now() < until; next += 1000 / RATE) {
            await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
            await record(writer, nextPlay());
            sent++;
          }
        }
        await new Promise((r) => setTimeout(r, 3000)); // stragglers
        clearInterval(sampler);
        const reports = await Promise.all(
          clients.map((c) => request<{ received: number; histogram: number[] }>(c, { type: 'report' }, 'report')),
        );
        const histogram = reports[0]!.histogram.map((_, i) => reports.reduce((a, r) => a + r.histogram[i]!, 0));
        const received = reports.reduce((a, r) => a + r.received, 0);
        const expected = sent * (fans - failed);
        rows.push({
          fans,
          kind,
          p50: percentile(histogram, received, 0.5),
          p99: percentile(histogram, received, 0.99),
          deliveriesPerSecond: Math.round(received / SECONDS),
          expectedPerSecond: Math.round(expected / SECONDS),
          lost: expected - received,
          serverMemoryMb: Math.round(peak / 1024 / 1024),
        });
        process.stderr.write(`  ${JSON.stringify(rows.at(-1))}\n`);
        await Promise.all(clients.map((c) => request(c, { type: 'close' }, 'closed')));
        await new Promise((r) => setTimeout(r, 2000));
      }
    }

    const line = (r: Row) =>
      `| ${r.fans.toLocaleString('en')} | ${r.kind} | ${r.p50} | ${r.p99} | ${r.deliveriesPerSecond.toLocaleString('en')} / ${r.expectedPerSecond.toLocaleString('en')} | ${r.lost} | ${r.serverMemoryMb} |`;
    console.log(
      `\nLive delivery: 1 game, ${RATE} events/s for ${SECONDS} s per phase, ${CLIENT_PROCESSES} client processes\n`,
    );
    console.log('| fans | server | p50 ms | p99 ms | deliveries/s (received / sent×fans) | lost | server RSS MB |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    rows.forEach((r) => console.log(line(r)));
  } finally {
    for (const c of clients) c.kill();
    bare?.kill();
    for (const s of servers) s.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
