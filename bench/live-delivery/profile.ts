/**
 * Where a Courtside server spends memory and time on fans: starts the compiled server with a
 * CPU profile and a heap-snapshot signal, joins BENCH_FANS fans (default 2,000) to one game,
 * records BENCH_EVENTS events (default 20), then writes a heap snapshot and prints the heap
 * by constructor (retained by self size, per fan) and the top functions of the CPU profile.
 *
 * Run: npx tsx bench/live-delivery/profile.ts   (profiles land in /tmp/courtside-profile)
 */
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildOnce,
  FIRST_ADMIN,
  freePort,
  loginTo,
  runServer,
  waitForHealth,
} from '../../test/support/server-process.js';
import { benchServerEnv, cpuMs, recreateDatabase } from '../support/server.js';
import { scorerTable } from './scorer-table.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/courtside_bench_profile';
const FANS = Number(process.env.BENCH_FANS ?? 2000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20);
const OUT = '/tmp/courtside-profile';
const here = path.dirname(new URL(import.meta.url).pathname);

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await recreateDatabase(DATABASE_URL);
  buildOnce();
  const port = freePort();
  const server = runServer(
    {
      ...benchServerEnv(DATABASE_URL),
      PORT: String(port),
      LIVE_MAX_CONNECTIONS_PER_ADDRESS: '100000',
      LIVE_POLLING: 'false',
    },
    ['--cpu-prof', `--cpu-prof-dir=${OUT}`, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${OUT}`],
  );
  try {
    await waitForHealth(port, server, 60_000);
    const url = `http://127.0.0.1:${port}`;
    const table = await scorerTable(url, await loginTo(port, FIRST_ADMIN.ADMIN_USERNAME, FIRST_ADMIN.ADMIN_PASSWORD));
    const fans = fork(path.join(here, 'fans.ts'), [], { execArgv: ['--import', 'tsx'] });
    const t0 = Date.now();
    await new Promise<void>((resolve) => {
      fans.once('message', () => resolve());
      fans.send({ type: 'connect', urls: [url], count: FANS, gameId: table.gameId });
    });
    console.log(`${FANS} fans joined in ${Date.now() - t0} ms`);
    const t1 = Date.now();
    const cpu0 = cpuMs(server.child.pid!);
    for (let i = 0; i < EVENTS; i++) await table.record(url);
    await new Promise((r) => setTimeout(r, 500));
    const wall = Date.now() - t1 - 500;
    const cpu = cpuMs(server.child.pid!) - cpu0;
    console.log(
      `${EVENTS} events recorded one after another in ${wall} ms; server CPU ${cpu} ms (${(cpu / EVENTS).toFixed(1)} ms per event, ${((cpu * 1000) / EVENTS / Math.max(FANS, 1)).toFixed(1)} µs per delivery)`,
    );
    await new Promise((r) => setTimeout(r, 1000));
    if (process.env.BENCH_HEAP !== '0') {
      server.child.kill('SIGUSR2');
      summariseHeap(await waitForFile(OUT, '.heapsnapshot'), FANS);
    }
    fans.kill();
    server.child.kill('SIGTERM');
    await server.exited;
    summariseCpu(await waitForFile(OUT, '.cpuprofile'));
  } finally {
    server.child.kill('SIGKILL');
  }
}

async function waitForFile(dir: string, ext: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const file = readdirSync(dir).find((f) => f.endsWith(ext));
    if (file) {
      const full = path.join(dir, file);
      const size = statSync(full).size;
      await new Promise((r) => setTimeout(r, 1000));
      if (size > 0 && statSync(full).size === size) return full;
    } else await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no ${ext} in ${dir}`);
}

function summariseHeap(file: string, fans: number) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const fields: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const nodes: number[] = snap.nodes;
  const by = new Map<string, { count: number; size: number }>();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + iType!]!]!;
    const name = type === 'object' || type === 'closure' ? snap.strings[nodes[i + iName!]!] : `(${type})`;
    const key = `${type === 'closure' ? 'closure ' : ''}${name}`;
    const e = by.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += nodes[i + iSize!]!;
    total += nodes[i + iSize!]!;
    by.set(key, e);
  }
  console.log(
    `\nheap: ${(total / 1024 / 1024).toFixed(1)} MB live, ${((total / fans) | 0).toLocaleString('en')} B per fan`,
  );
  console.log('| constructor | count | count per fan | KB | B per fan |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  [...by.entries()]
    .sort((a, b) => b[1].size - a[1].size)
    .slice(0, 40)
    .forEach(([k, v]) =>
      console.log(
        `| ${k.slice(0, 60)} | ${v.count} | ${(v.count / fans).toFixed(1)} | ${(v.size / 1024) | 0} | ${(v.size / fans) | 0} |`,
      ),
    );
}

function summariseCpu(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map<number, number>();
  const deltas: number[] = profile.timeDeltas;
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    total += t;
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')}:${cf.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  console.log(`\ncpu: ${(total / 1000).toFixed(0)} ms sampled; top self time`);
  [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.BENCH_TOP ?? 40))
    .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
