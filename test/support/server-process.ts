import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopAtEnd } from './cleanup.js';

const root = path.resolve(import.meta.dirname, '../..');
/** What `npm start` and the image run: the launcher of the bundled server (src/build/). */
export const MAIN = path.join(root, 'dist/server/start.mjs');
/** The compiled command-line tools (`npm run admin:create:prod` runs these, unbundled). */
export const CLI_DIR = path.join(root, 'dist/src/cli');

/**
 * Compiles the server once per run (the process tests run the real build): the stamp names the
 * run (COURTSIDE_TEST_RUN) that built it, so later files of the same run skip the compile, which
 * takes minutes on a loaded machine. Outside a run, a build younger than a minute is reused.
 */
export function buildOnce(): void {
  const stamp = path.join(root, 'dist/.test-build-stamp');
  const run = process.env.COURTSIDE_TEST_RUN ?? '';
  if (existsSync(stamp)) {
    if (run && readFileSync(stamp, 'utf8') === run) return;
    if (!run && Date.now() - statSync(stamp).mtimeMs < 60_000) return;
  }
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [path.join(root, 'dist/src/build/bundle-server.js')], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, run);
}

export interface ServerProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the compiled server with `env` (and `nodeArgs` before the script, e.g. profiler flags). */
export function runServer(env: Record<string, string>, nodeArgs: string[] = []): ServerProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: root,
    env: { ...inherited, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A server the file left running (a hook that timed out) is stopped at the end of the file:
  // SIGTERM first, so that it stops an embedded PostgreSQL it started; SIGKILL after 15 s.
  const stop = stopAtEnd(`server process ${child.pid}`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  });
  void exited.then(stop);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls /api/health until the server answers; the default allows for a loaded machine. */
export async function waitForHealth(port: number, server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}\n${server.stdout()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy: ${server.stderr()}\n${server.stdout()}`);
}

/**
 * A port for a server a test starts: below Linux's ephemeral range (32768-60999), so the
 * outgoing connections of a busy test run (clients, sockets, fetches) never hold it already.
 */
export const freePort = () => 20000 + Math.floor(Math.random() * 12000);

/** Logs in to a running server and returns the access token. */
export async function loginTo(port: number, username: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken)
    throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/** The first administrator every server test starts with (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const FIRST_ADMIN = { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'chief-password-for-tests' };
