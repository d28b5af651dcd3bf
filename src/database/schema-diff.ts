import type { DataSource } from 'typeorm';

/** The SQL TypeORM would run to make the database match the entities (empty when there is no drift). */
export async function schemaDiff(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => withParams(q.query, q.parameters)),
    down: log.downQueries.map((q) => withParams(q.query, q.parameters)),
  };
}

function withParams(query: string, parameters?: unknown[]): string {
  return parameters?.length ? `${query} -- params: ${JSON.stringify(parameters)}` : query;
}
