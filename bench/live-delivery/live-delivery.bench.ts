/**
 * Live delivery to fans: real socket.io clients (WebSocket, in two client processes) joined to
 * one game while a scorekeeper records events over HTTP. For 1,000 / 2,000 / 5,000 / 10,000
 * fans it measures, in one run:
 *   - bare:        a bare socket.io server broadcasting the same payload on the same schedule
 *                  (the ceiling);
 *   - courtside:   the compiled server, one process, no Redis;
 *   - courtside×2: two server processes sharing rooms through Redis (fans split between them,
 *                  the scorekeeper writing through the first), to use both cores;
 *   - courtside×2+nginx: the same two processes behind nginx (bench/support/nginx.ts, the set-up
 *                  of docs/deploy.md): fans and the scorekeeper connect to the proxy only, which
 *                  spreads them over the instances (issue 18: scale past one machine). nginx's
 *                  CPU and memory count with the servers'.
 * Each phase has two parts:
 *   - steady: BENCH_RATE events/s, BENCH_RATE × BENCH_SECONDS events on a fixed schedule (a late
 *     event goes out at once, none is dropped). Latency is commit-to-fan: from `serverTime`
 *     (stamped right after the commit, or at the bare server's emit) to arrival, p50/p99.
 *     Deliveries/s = messages received ÷ (last arrival − first send): a server that falls
 *     behind stretches the window and delivers less per second.
 *   - burst: BENCH_BURST events back to back (the scorekeeper sends the next on the previous
 *     acknowledgement; the bare server emits the next as soon as its event loop is free).
 *     Deliveries/s as above. The bare server's back-to-back broadcasts find sockets still
 *     busy with the previous write, so several messages leave in one system call; a
 *     scorekeeper's events each wait for a commit and a round trip and rarely bunch up.
 *     Server CPU per 1,000 deliveries is measured over this part.
 * Server memory is the largest RSS of the server process(es) during the phase.
 *
 * Run: cd /work/main && npx tsx bench/live-delivery/live-delivery.bench.ts
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/courtside_bench_delivery,
 * dropped and created), BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_FANS ('1000,2000,5000,10000'),
 * BENCH_RATE (events/s, 2), BENCH_SECONDS (steady part, 10), BENCH_BURST (events, 20),
 * BENCH_KINDS ('bare,courtside,courtside×2,courtside×2+nginx'), BENCH_SERVER_NODE_ARGS (Node flags
 * for every server), BENCH_NGINX (/usr/sbin/nginx).
 * Everything runs on 127.0.0.1. Needs `ulimit -n` above 2 × fans.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  runServer,
  waitForHealth,
  type ServerProcess,
} from '../../test/support/server-process.js';
import { startNginx, type Nginx } from '../support/nginx.js';
import { benchServerEnv, cpuMs, recreateDatabase, rssOf } from '../support/server.js';
import { scorerTable } from './scorer-table.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_delivery';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FANS = (process.env.BENCH_FANS ?? '1000,2000,5000,10000').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 20);
const KINDS = (process.env.BENCH_KINDS ?? 'bare,courtside,courtside×2,courtside×2+nginx').split(',');
const TWO_WORKERS = KINDS.some((k) => k.startsWith('courtside×2'));
/** Node flags for the servers (bare and Courtside alike), e.g. '--max-semi-space-size=32'. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const CLIENT_PROCESSES = 2;
const here = path.dirname(new URL(import.meta.url).pathname);

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

const forkTs = (file: string, args: string[] = [], nodeArgs: string[] = []) =>
  fork(path.join(here, file), args, {
    execArgv: [...nodeArgs, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

function percentile(histogram: number[], total: number, p: number): number {
  const target = Math.ceil(total * p);
  let seen = 0;
  for (let ms = 0; ms < histogram.length; ms++) {
    seen += histogram[ms]!;
    if (seen >= target) return ms;
  }
  return histogram.length;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Report {
  received: number;
  lastArrival: number;
  histogram: number[];
}

interface Row {
  fans: number;
  kind: string;
  p50: number;
  p99: number;
  steadyLost: number;
  steadyPerSecond: number;
  burstPerSecond: number;
  burstLost: number;
  /** Server CPU (all its processes) per 1,000 deliveries in the burst, ms. */
  cpuPerThousand: number;
  serverMemoryMb: number;
}

async function main() {
  await recreateDatabase(DATABASE_URL);
  buildOnce();

  const common = {
    ...benchServerEnv(DATABASE_URL),
    LIVE_MAX_CONNECTIONS_PER_ADDRESS: '100000',
    LIVE_POLLING: 'false',
  };
  const servers: ServerProcess[] = [];
  const clients: ChildProcess[] = [];
  let bare: ChildProcess | undefined;
  let proxy: Nginx | undefined;
  const start = async (env: Record<string, string>) => {
    for (let attempt = 1; ; attempt++) {
      const port = freePort();
      const server = runServer({ ...common, PORT: String(port), ...env }, SERVER_NODE_ARGS);
      try {
        await waitForHealth(port, server, 60_000);
        servers.push(server);
        return { port, server, url: `http://127.0.0.1:${port}` };
      } catch (e) {
        // The random port can be one the fans' sockets hold on to; try another.
        if (attempt === 3 || !server.stderr().includes('EADDRINUSE')) throw e;
      }
    }
  };
  try {
    const single = await start({});
    const prefix = `courtside-bench-${randomUUID().slice(0, 8)}`;
    const workers = TWO_WORKERS
      ? [
          await start({ REDIS_URL, REDIS_KEY_PREFIX: prefix }),
          await start({ REDIS_URL, REDIS_KEY_PREFIX: prefix, MIGRATIONS_RUN: 'false' }),
        ]
      : [];

    const table = await scorerTable(
      single.url,
      await loginTo(single.port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD),
    );
    // The payload the bare server sends: a real delta (acknowledgement + clock + serverTime).
    const sample = await table.record(single.url);
    const { duplicate: _d, ...payload } = sample;
    Object.assign(payload, {
      clock: { running: true, remaining: 5998, asOfSeq: sample.seq, asOf: sample.recordedAt },
      serverTime: new Date().toISOString(),
    });
    process.stderr.write(`payload: ${JSON.stringify(payload).length} bytes\n`);

    if (KINDS.includes('courtside×2+nginx'))
      proxy = await startNginx(
        workers.map((w) => w.port),
        freePort(),
      );
    for (let i = 0; i < CLIENT_PROCESSES; i++) clients.push(forkTs('fans.ts'));
    const barePort = freePort();
    if (KINDS.includes('bare')) {
      bare = forkTs('bare-server.ts', [String(barePort)], SERVER_NODE_ARGS);
      await new Promise((r) => bare!.once('message', r));
    }
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const steadyCount = RATE * SECONDS;

    /** Sends `count` events (on the steady schedule, or back to back); resolves with the first send's time. */
    const send = async (kind: string, writer: string, count: number, steady: boolean): Promise<number> => {
      if (kind === 'bare') {
        const started = request<{ started: number }>(
          bare!,
          steady
            ? { type: 'steady', gameId: table.gameId, payload, rate: RATE, count }
            : { type: 'burst', gameId: table.gameId, payload, count },
          'done',
        );
        return (await started).started;
      }
      const started = Date.now();
      for (let k = 0; k < count; k++) {
        if (steady) await sleep(Math.max(0, started + (k * 1000) / RATE - Date.now()));
        await table.record(writer);
      }
      return started;
    };

    const collect = async () => {
      const reports = await Promise.all(clients.map((c) => request<Report>(c, { type: 'report' }, 'report')));
      return {
        histogram: reports[0]!.histogram.map((_, i) => reports.reduce((a, r) => a + r.histogram[i]!, 0)),
        received: reports.reduce((a, r) => a + r.received, 0),
        lastArrival: Math.max(...reports.map((r) => r.lastArrival)),
      };
    };
    /** Waits until every fan has every message, or `ms` pass with nothing new. */
    const settle = async (expected: number, ms: number) => {
      let last = -1;
      for (let quiet = 0; quiet < ms; quiet += 250) {
        const { received } = await collect();
        if (received >= expected) return;
        if (received !== last) quiet = 0;
        last = received;
        await sleep(250);
      }
    };
    const reset = () => Promise.all(clients.map((c) => request(c, { type: 'reset' }, 'reset')));

    const rows: Row[] = [];
    for (const fans of FANS) {
      for (const kind of KINDS) {
        const urls =
          kind === 'bare'
            ? [bareUrl]
            : kind === 'courtside'
              ? [single.url]
              : kind === 'courtside×2+nginx'
                ? [proxy!.url]
                : workers.map((w) => w.url);
        const pids =
          kind === 'bare'
            ? [bare!.pid!]
            : kind === 'courtside'
              ? [single.server.child.pid!]
              : [...workers.map((w) => w.server.child.pid!), ...(kind === 'courtside×2+nginx' ? proxy!.pids() : [])];
        const t0 = Date.now();
        const connected = await Promise.all(
          clients.map((c, i) =>
            request<{ failed: number }>(
              c,
              {
                type: 'connect',
                urls,
                count: Math.floor(fans / CLIENT_PROCESSES) + (i < fans % CLIENT_PROCESSES ? 1 : 0),
                gameId: table.gameId,
              },
              'connected',
            ),
          ),
        );
        const failed = connected.reduce((a, c) => a + c.failed, 0);
        const listening = fans - failed;
        process.stderr.write(`${kind} ${fans} fans: connected in ${Date.now() - t0} ms (${failed} failed)\n`);
        await sleep(1000);

        let peak = 0;
        const sampler = setInterval(
          () =>
            (peak = Math.max(
              peak,
              pids.reduce((a, pid) => a + rssOf(pid), 0),
            )),
          250,
        );

        await reset();
        const steadyStart = await send(kind, urls[0]!, steadyCount, true);
        await settle(steadyCount * listening, 3000);
        const steady = await collect();

        await reset();
        const cpuBefore = pids.reduce((a, pid) => a + cpuMs(pid), 0);
        const burstStart = await send(kind, urls[0]!, BURST, false);
        await settle(BURST * listening, 3000);
        const burst = await collect();
        const cpu = pids.reduce((a, pid) => a + cpuMs(pid), 0) - cpuBefore;
        clearInterval(sampler);

        rows.push({
          fans,
          kind,
          p50: percentile(steady.histogram, steady.received, 0.5),
          p99: percentile(steady.histogram, steady.received, 0.99),
          steadyLost: steadyCount * listening - steady.received,
          steadyPerSecond: Math.round(steady.received / ((steady.lastArrival - steadyStart) / 1000)),
          burstPerSecond: Math.round(burst.received / ((burst.lastArrival - burstStart) / 1000)),
          burstLost: BURST * listening - burst.received,
          cpuPerThousand: Math.round((cpu / Math.max(burst.received, 1)) * 1000 * 10) / 10,
          serverMemoryMb: Math.round(peak / 1024 / 1024),
        });
        process.stderr.write(`  ${JSON.stringify(rows.at(-1))}\n`);
        await Promise.all(clients.map((c) => request(c, { type: 'close' }, 'closed')));
        await sleep(2000);
      }
    }

    const line = (r: Row) =>
      `| ${r.fans.toLocaleString('en')} | ${r.kind} | ${r.p50} | ${r.p99} | ${r.steadyPerSecond.toLocaleString('en')} | ${r.steadyLost} | ${r.burstPerSecond.toLocaleString('en')} | ${r.burstLost} | ${r.cpuPerThousand} | ${r.serverMemoryMb} |`;
    console.log(
      `\nLive delivery: 1 game; steady ${RATE} events/s × ${SECONDS} s, then a burst of ${BURST}; ${CLIENT_PROCESSES} client processes\n`,
    );
    console.log(
      '| fans | server | p50 ms | p99 ms | deliveries/s (steady) | lost | deliveries/s (burst) | lost | server CPU ms per 1,000 (burst) | server RSS MB |',
    );
    console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    rows.forEach((r) => console.log(line(r)));
  } finally {
    for (const c of clients) c.kill();
    bare?.kill();
    await proxy?.stop();
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
