import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { startEmbeddedPostgres } from '../../src/database/embedded.js';
import { STALE_RUN_SECONDS, templateDb, urlFor, withAdmin } from './database.js';

/**
 * Once per run: pick the server (DATABASE_URL, or an embedded PostgreSQL in a temp folder),
 * migrate a template database, and let every test file clone it.
 */
export async function setupDatabases(): Promise<void> {
  let server = process.env.DATABASE_URL;
  if (!server) {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), 'courtside-test-')), 'pg');
    // Below the ephemeral range (32768-60999): no outgoing connection can be holding it.
    const port = 10000 + Math.floor(Math.random() * 10000);
    const db = await startEmbeddedPostgres({ directory, port, database: 'postgres', persistent: false });
    (globalThis as { __embedded?: typeof db }).__embedded = db;
    server = db.url;
    process.stdout.write(`\n[tests] embedded PostgreSQL on port ${port}\n`);
  } else {
    process.stdout.write(`\n[tests] PostgreSQL server from DATABASE_URL\n`);
  }
  process.env.COURTSIDE_TEST_SERVER_URL = server;
  process.env.ID_HASH_KEY ??= 'test-key-test-key-test-key-test-key-0123456789';
  process.env.JWT_SECRET ??= 'test-jwt-secret-test-jwt-secret-0123456789';

  const now = Math.floor(Date.now() / 1000);
  process.env.COURTSIDE_TEST_RUN = `${now}_${Math.random().toString(36).slice(2, 6)}`;
  await withAdmin(async (c) => {
    // Leftovers of runs that died long ago; runs in progress (other engineers, CI) are left alone.
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname ~ '^courtside_(t|tpl)_[0-9]+_'`);
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      const started = Number(/^courtside_(?:t|tpl)_(\d+)_/.exec(datname)?.[1]);
      if (now - started > STALE_RUN_SECONDS) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE "${templateDb()}"`);
  });
  const ds = new DataSource(dataSourceOptions({ url: urlFor(templateDb(), server) }));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
}
