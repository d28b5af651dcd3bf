import path from 'node:path';
import {
  describeEmbeddedFailure,
  embeddedUrl,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../database/embedded.js';
import { describeDatabase, waitForDatabase } from '../database/wait-for-database.js';

/** Why a command-line tool has no database to work on, in one line for the operator. */
export class DatabaseTargetError extends Error {
  override name = 'DatabaseTargetError';
}

/**
 * The database a command-line tool works on: DATABASE_URL; else the running server's embedded
 * PostgreSQL (EMBEDDED_PG_PORT); else the embedded one under DATA_DIR, started for this command
 * (`embedded`, which the caller stops when done).
 */
export async function connectTarget(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (process.env.DATABASE_URL) {
    await waitForDatabase(process.env.DATABASE_URL, 1, 0).catch((e: Error) => {
      throw new DatabaseTargetError(e.message);
    });
    return { url: process.env.DATABASE_URL };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const running = embeddedUrl(port);
  try {
    await waitForDatabase(running, 1, 0);
    return { url: running };
  } catch {
    const directory = path.resolve(process.env.DATA_DIR ?? './data', 'pg');
    try {
      const embedded = await startEmbeddedPostgres({ directory, port });
      return { url: embedded.url, embedded };
    } catch (e) {
      throw new DatabaseTargetError(
        `could not reach ${describeDatabase(running)} nor start the embedded PostgreSQL in ${directory}: ${describeEmbeddedFailure(e)}`,
      );
    }
  }
}
