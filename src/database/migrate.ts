import { MigrationExecutor, type DataSource, type Migration } from 'typeorm';

/**
 * The advisory lock migrations run under: one bigint, the same in every version of Courtside
 * (it names "Courtside's migrations", nothing in the schema).
 */
export const MIGRATION_LOCK_KEY = 4_270_913_811;

/**
 * Applies the pending migrations (in transactions as the data source's options say) while holding a session-level
 * advisory lock, all on one connection: instances starting at once on an empty database (two
 * replicas, or the server beside `create-admin`) apply them one after the other, and the second
 * finds nothing left to do, where TypeORM alone lets both create the same tables and one fail.
 * One connection, so a pool of one does not wait on itself. Answers the migrations applied here.
 */
export async function migrate(ds: DataSource): Promise<Migration[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = ds.options.migrationsTransactionMode ?? 'all';
      return await executor.executePendingMigrations();
    } finally {
      // Failing only with the connection, which takes the lock with it: the first error is the one to tell.
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
