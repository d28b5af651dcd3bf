import { TEMPLATE_DB, withAdmin } from './database.js';

export async function teardownDatabases(): Promise<void> {
  const embedded = (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded;
  if (embedded) {
    await embedded.stop();
    return;
  }
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`));
}
