import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { schemaDiff } from '../src/database/schema-diff.js';
import { createTestDatabase } from './support/database.js';

describe('migrations', () => {
  it('match the entities: generating a migration finds no drift', async () => {
    const db = await createTestDatabase(); // cloned from the template the migrations built
    const ds = new DataSource(dataSourceOptions({ url: db.url }));
    try {
      await ds.initialize();
      expect(await schemaDiff(ds)).toEqual({ up: [], down: [] });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('revert all the way down and apply again cleanly', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions({ url: db.url }));
    try {
      await ds.initialize();
      const applied = ds.migrations.length;
      for (let i = 0; i < applied; i++) await ds.undoLastMigration();
      const tables = await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables[0].n).toBe(0);
      expect(await ds.runMigrations()).toHaveLength(applied);
      expect((await schemaDiff(ds)).up).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
