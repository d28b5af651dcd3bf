/**
 * What the benchmarks that start the compiled server share: a scratch database, the server's
 * environment, an API caller, and a process's CPU time and memory from /proc.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FIRST_ADMIN } from '../../test/support/server-process.js';

/** Drops and creates the database of `url` (a scratch database for one run). */
export async function recreateDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Runs `work` on a client of `url`'s database (ANALYZE after seeding, say). */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server's environment in a benchmark: production mode, quiet logs, limits out of the way. */
export const benchServerEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  HOST: '127.0.0.1',
  ID_HASH_KEY: 'k'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
  ...FIRST_ADMIN,
});

/** A JSON API call to `base`; throws with the answer on anything but success. */
export async function apiCall(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = null,
): Promise<any> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as unknown;
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** User + system CPU time of a process so far (ms). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time the hypervisor gave to other guests while this machine wanted it ("steal", ms, all
 * cores), so far. On a shared virtual machine it is what makes one run differ from the next.
 */
export function stolenMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  return (Number(fields[8] ?? 0) * 1000) / 100;
}

/** Resident memory of a process (bytes). */
export function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The p-th percentile (0–100) of ascending `sorted`, NaN when it is empty. */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
