import pg from 'pg';

/**
 * Names are per run (`COURTSIDE_TEST_RUN`, set by the global setup and inherited by the test
 * workers), so runs on one server at the same time never drop each other's databases.
 */
export const runId = (): string => {
  const id = process.env.COURTSIDE_TEST_RUN;
  if (!id) throw new Error('test/support/global-setup.mjs did not run (COURTSIDE_TEST_RUN unset)');
  return id;
};
export const templateDb = (): string => `courtside_tpl_${runId()}`;
/** Runs older than this are assumed dead and their databases are dropped. */
export const STALE_RUN_SECONDS = 3 * 3600;

/** The server tests run against: DATABASE_URL's server, or the embedded one global-setup started. */
export function serverUrl(): string {
  const url = process.env.COURTSIDE_TEST_SERVER_URL;
  if (!url) throw new Error('test/support/global-setup.ts did not run (COURTSIDE_TEST_SERVER_URL unset)');
  return url;
}

export function urlFor(database: string, base = serverUrl()): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `courtside_t_${runId()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb()}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A database with nothing in it, for what must start from empty (dropped first if a run left it). */
export const emptyDatabase = (name: string): Promise<void> =>
  withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });

export const dropDatabase = (name: string): Promise<void> =>
  withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
