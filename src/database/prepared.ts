import type { Pool, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * One statement on the data source's pool as a named (prepared) statement, as its own
 * transaction: PostgreSQL plans it once per connection instead of at every call, and it skips
 * TypeORM's query runner. For the few statements that run hundreds of times a second (a play,
 * a public read's version). `name` must always go with the same `sql`. Errors come as TypeORM's
 * QueryFailedError, as from any other query. Behind PgBouncer this needs 1.21+ with
 * `max_prepared_statements` (docs/deploy.md).
 */
export async function preparedQuery<R extends QueryResultRow>(
  dataSource: DataSource,
  name: string,
  sql: string,
  params: unknown[],
): Promise<R[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await pool.query<R>({ name, text: sql, values: params })).rows;
  } catch (e) {
    throw new QueryFailedError(sql, params, e as Error);
  }
}
