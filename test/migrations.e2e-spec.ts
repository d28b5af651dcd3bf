import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { migrate } from '../src/database/migrate.js';
import { schemaDiff } from '../src/database/schema-diff.js';
import { createTestDatabase, dropDatabase, emptyDatabase, urlFor } from './support/database.js';

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

  it('instances starting together on an empty database apply each migration once, neither failing', async () => {
    const name = `courtside_m_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await emptyDatabase(name);
    // Three, as replicas (and create-admin beside them) would: each its own pool.
    const sources = [1, 2, 3].map(() => new DataSource(dataSourceOptions({ url: urlFor(name), poolSize: 1 })));
    try {
      await Promise.all(sources.map((ds) => ds.initialize()));
      const outcomes = await Promise.allSettled(sources.map((ds) => migrate(ds)));
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      const applied = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.length : -1)).sort((a, b) => a - b);
      const all = sources[0]!.migrations.length;
      expect(applied).toEqual([0, 0, all]);
      const rows = await sources[0]!.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(all);
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      expect((await schemaDiff(sources[0]!)).up).toEqual([]);
    } finally {
      await Promise.all(sources.map((ds) => (ds.isInitialized ? ds.destroy() : undefined)));
      await dropDatabase(name);
    }
  });
});
