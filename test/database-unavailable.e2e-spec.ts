import type pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { databaseUnavailable } from '../src/database/pg-errors.js';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { createTestDatabase } from './support/database.js';

/**
 * Which failures mean "the database cannot serve now" (a 503 with Retry-After) and which are
 * ordinary errors: checked on the errors `pg` and TypeORM really throw, not on made-up ones.
 */
describe('databaseUnavailable', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions({ url: db.url })).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const thrown = async (work: () => Promise<unknown>): Promise<unknown> => {
    try {
      await work();
    } catch (e) {
      return e;
    }
    throw new Error('expected a failure');
  };
  const expectUnavailable = (error: unknown) => {
    const mapped = databaseUnavailable(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      kind: 'unavailable',
      context: { retryAfterSeconds: 2 },
    });
  };

  it('maps a connection ended by the server (a restart, a crash) during a query', async () => {
    const error = await thrown(() => ds.query('SELECT pg_terminate_backend(pg_backend_pid())'));
    expectUnavailable(error);
    // The pool drops the broken connection: queries work again at once, or after answers that
    // are themselves "unavailable" (the pool noticing a dead connection), never another error.
    let answer: unknown;
    for (const until = Date.now() + 5_000; answer === undefined && Date.now() < until;) {
      answer = await ds.query('SELECT 1 AS one').catch((e: unknown) => {
        expectUnavailable(e);
        return undefined;
      });
    }
    expect(answer).toEqual([{ one: 1 }]);
  });

  it('outlives a connection that fails while handed out and idle (no unhandled error event)', async () => {
    // pg emits 'error' on a connection whose backend ends while no query of its runs; pg-pool
    // stops listening while the connection is handed out. Unwatched, that event ends the process.
    const pool = (ds.driver as unknown as { master: pg.Pool }).master;
    const held = await pool.connect();
    const pid = (held as unknown as { processID: number }).processID;
    // Nothing but the connection's own listener (the test adds none: one would hide the crash).
    expect(held.listenerCount('error')).toBe(1);
    await ds.query('SELECT pg_terminate_backend($1)', [pid]);
    // pg marks the connection unusable when it takes the error (an internal flag, read only here).
    const state = held as unknown as { _queryable: boolean };
    for (const until = Date.now() + 10_000; state._queryable && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 20));
    expect(state._queryable).toBe(false);
    held.release(new Error('its backend was ended'));
    expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('maps a refused connection (nothing listening on the port)', async () => {
    const refused = new DataSource(dataSourceOptions({ url: 'postgres://postgres@127.0.0.1:1/nowhere' }));
    expectUnavailable(await thrown(() => refused.initialize()));
  });

  it('leaves ordinary failures alone: bad SQL, a constraint, a cancelled statement, a plain bug', async () => {
    await ds.query('CREATE TABLE IF NOT EXISTS unavailable_probe (id int PRIMARY KEY)');
    await ds.query('INSERT INTO unavailable_probe VALUES (1)');
    const duplicate = await thrown(() => ds.query('INSERT INTO unavailable_probe VALUES (1)'));
    const syntax = await thrown(() => ds.query('SELEC 1'));
    const timeout = await thrown(() =>
      ds.transaction(async (m) => {
        await m.query(`SET LOCAL statement_timeout = '10ms'`);
        await m.query('SELECT pg_sleep(1)');
      }),
    );
    for (const error of [duplicate, syntax, timeout, new TypeError('x is undefined'), 'a string', null])
      expect(databaseUnavailable(error)).toBeUndefined();
  });
});
