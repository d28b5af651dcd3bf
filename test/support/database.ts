import pg from 'pg';

/** Names shared between the global setup and each test file (via environment variables). */
export const TEMPLATE_DB = 'courtside_template';

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
  const name = `courtside_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
