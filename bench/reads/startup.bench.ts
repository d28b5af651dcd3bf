/**
 * Issue 18, start-up: time from `node dist/server/start.mjs` (what `npm start` and the image run)
 * to the first 200 from /api/health on an existing embedded data folder (no DATABASE_URL: the
 * server starts its own PostgreSQL), with the compiled code the launcher keeps and without it (a
 * new build's first start); in the same run, the time to import the unbundled app factory alone
 * and a bare `node -e 0`.
 * The first start creates the data folder and is not counted.
 *
 * Env: BENCH_RUNS (5), BENCH_DATA_DIR (a fresh temporary folder).
 * Run: npx tsx bench/reads/startup.bench.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIRST_ADMIN, freePort } from '../../test/support/server-process.js';
import { buildServer } from './build.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds to the first 200 from /api/health; the server then runs `lingerMs` more before SIGTERM. */
async function startOnce(main: string, dataDir: string, lingerMs = 0): Promise<number> {
  const port = freePort();
  const { DATABASE_URL: _none, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    cwd: path.dirname(path.dirname(path.dirname(main))),
    env: {
      ...env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      ID_HASH_KEY: 'k'.repeat(40),
      JWT_SECRET: 'j'.repeat(40),
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(port + 1),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...FIRST_ADMIN,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the server exited before it was healthy');
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (res?.ok) {
        const took = performance.now() - started;
        await sleep(lingerMs);
        return took;
      }
      await sleep(10);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function timed(args: string[], cwd: string): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const entry = buildServer();
  const dist = path.dirname(path.dirname(entry));
  const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'courtside-startup-'));
  try {
    // The first start creates the folder; it runs a few seconds, as any server does, so the
    // launcher keeps the compiled code (src/build/launcher.ts) for the starts after it.
    process.stderr.write(
      `first start (creates ${dataDir}): ${(await startOnce(entry, dataDir, 3000)).toFixed(0)} ms\n`,
    );
    const healthy: number[] = [];
    const uncached: number[] = [];
    const imports: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      healthy.push(await startOnce(entry, dataDir));
      // A new build's first start: no kept code yet (it is written again while this one lingers).
      rmSync(path.join(dataDir, 'cache'), { recursive: true, force: true });
      uncached.push(await startOnce(entry, dataDir, 3000));
      imports.push(
        timed(
          ['--input-type=module', '-e', `await import(${JSON.stringify(path.join(dist, 'src/app.factory.js'))})`],
          dist,
        ),
      );
      bare.push(timed(['-e', '0'], dist));
    }
    const row = (name: string, xs: number[]) =>
      `| ${name} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`;
    console.log(`| Start-up (${RUNS} runs, ${os.loadavg()[0]!.toFixed(1)} load) | median (ms) | min | max |`);
    console.log('| --- | ---: | ---: | ---: |');
    console.log(row('to healthy, existing embedded data folder', healthy));
    console.log(row('the same, first start of a new build (no kept compiled code)', uncached));
    console.log(row('importing the unbundled app factory alone (dist/src)', imports));
    console.log(row('`node -e 0`', bare));
  } finally {
    if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
