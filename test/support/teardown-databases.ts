import { runId, templateDb, withAdmin } from './database.js';

export async function teardownDatabases(): Promise<void> {
  const embedded = (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded;
  if (embedded) {
    await embedded.stop();
    return;
  }
  await withAdmin(async (c) => {
    const mine = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `courtside_t\\_${runId()}\\_%`,
    ]);
    for (const { datname } of mine.rows as Array<{ datname: string }>)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${templateDb()}" WITH (FORCE)`);
  });
}
