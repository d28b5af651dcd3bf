import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { startEmbeddedPostgres } from '../../src/database/embedded.js';
import { TEMPLATE_DB, urlFor, withAdmin } from './database.js';

/**
 * Once per run: pick the server (DATABASE_URL, or an embedded PostgreSQL in a temp folder),
 * migrate a template database, and let every test file clone it.
 */
export async function setupDatabases(): Promise<void> {
  let server = process.env.DATABASE_URL;
  if (!server) {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), 'courtside-test-')), 'pg');
    const port = 55000 + Math.floor(Math.random() * 5000);
    const db = await startEmbeddedPostgres({ directory, port, database: 'postgres', persistent: false });
    (globalThis as { __embedded?: typeof db }).__embedded = db;
    server = db.url;
    process.stdout.write(`\n[tests] embedded PostgreSQL on port ${port}\n`);
  } else {
    process.stdout.write(`\n[tests] PostgreSQL server from DATABASE_URL\n`);
  }
  process.env.COURTSIDE_TEST_SERVER_URL = server;
  process.env.ID_HASH_KEY ??= 'test-key-test-key-test-key-test-key-0123456789';

  await withAdmin(async (c) => {
    // Leftovers from interrupted runs.
    const stale = await c.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'courtside_t\\_%' OR datname = $1`,
      [TEMPLATE_DB],
    );
    for (const row of stale.rows) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const ds = new DataSource(dataSourceOptions({ url: urlFor(TEMPLATE_DB, server) }));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
}
