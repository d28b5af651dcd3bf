import pg from 'pg';

/** Where a database URL points, without the password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** Tries to connect a bounded number of times; throws an Error with one readable line if it never can. */
export async function waitForDatabase(
  url: string,
  attempts: number,
  delayMs: number,
  onRetry?: (n: number, e: Error) => void,
): Promise<void> {
  let last: Error | undefined;
  for (let i = 1; i <= attempts; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (e) {
      last = e as Error;
      await client.end().catch(() => undefined);
      if (i < attempts) {
        onRetry?.(i, last);
        await new Promise((r) => setTimeout(r, delayMs));
      }
    }
  }
  const reason = last?.message || (last as { code?: string } | undefined)?.code || 'unknown error';
  throw new Error(`Cannot reach the database at ${describeDatabase(url)} after ${attempts} attempt(s): ${reason}`);
}
