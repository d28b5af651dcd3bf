import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { TransactionHost } from '../src/database/transaction.js';
import { createTestDatabase } from './support/database.js';

/**
 * The transaction each command runs in, found by its async context. The context store is off
 * between transactions (a cost on every promise otherwise), so these check that turning it
 * off and on never hands one command another's transaction, or none.
 */
describe('TransactionHost', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let host: TransactionHost;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions({ url: db.url })).initialize();
    await ds.query('CREATE TABLE tx_probe (name text PRIMARY KEY)');
    host = new TransactionHost(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query('TRUNCATE tx_probe'));

  const names = async (manager = ds.manager) =>
    ((await manager.query('SELECT name FROM tx_probe ORDER BY name')) as Array<{ name: string }>).map((r) => r.name);
  const insert = (name: string) => host.tx.query('INSERT INTO tx_probe (name) VALUES ($1)', [name]);
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    return { open, opened };
  };

  it('keeps a transaction that outlives another one that began earlier and ended first', async () => {
    const firstEnded = gate();
    const seen: string[][] = [];
    const first = host.run(async () => {
      await insert('first');
    });
    const second = host.run(async () => {
      await insert('second');
      await firstEnded.opened;
      // The first transaction has committed and was the only other one: the store must still be ours.
      expect(host.inTransaction).toBe(true);
      await insert('second-after');
      seen.push(await names(host.tx));
    });
    await first;
    firstEnded.open();
    await second;
    expect(seen).toEqual([['first', 'second', 'second-after']]);
    expect(host.inTransaction).toBe(false);
    expect(await names()).toEqual(['first', 'second', 'second-after']);
  });

  it('finds its transaction again in a run that starts after every earlier one has ended', async () => {
    await host.run(() => insert('one'));
    expect(host.inTransaction).toBe(false);
    await expect(
      host.run(async () => {
        await insert('two');
        expect(host.inTransaction).toBe(true);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    // The second run's insert went through its own transaction, so it rolled back with it.
    expect(await names()).toEqual(['one']);
  });

  it('joins a nested run to the outer transaction and runs after-commit work once, after the commit', async () => {
    const order: string[] = [];
    await host.run(async () => {
      await insert('outer');
      await host.run(async () => {
        await insert('inner');
        host.afterCommit(async () => {
          order.push(`after commit: ${(await names()).join(',')}`);
        });
      });
      // Outside this transaction nothing is visible yet.
      order.push(`before commit, outside: ${(await names()).join(',')}`);
    });
    expect(order).toEqual(['before commit, outside: ', 'after commit: inner,outer']);
  });

  it('gives each of many overlapping runs its own transaction', async () => {
    const runs = Array.from({ length: 30 }, (_, i) =>
      host.run(async () => {
        await new Promise((r) => setTimeout(r, (i * 7) % 23));
        await insert(`run-${String(i).padStart(2, '0')}`);
        // Each run sees its own row and no uncommitted row of another run.
        const mine = await names(host.tx);
        if (i % 3 === 0) throw new Error(`roll back ${i}`);
        return mine.includes(`run-${String(i).padStart(2, '0')}`);
      }),
    );
    const settled = await Promise.allSettled(runs);
    expect(settled.filter((s) => s.status === 'fulfilled').every((s) => s.value)).toBe(true);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(10);
    const kept = await names();
    expect(kept).toEqual(
      Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => `run-${String(i).padStart(2, '0')}`),
    );
    expect(host.inTransaction).toBe(false);
  });
});
