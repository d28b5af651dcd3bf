import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  logging?: boolean;
}

/**
 * The pool's connections, each listening for its own errors from the moment it exists.
 *
 * `pg` emits `error` on a connection that fails while no query of its is running (PostgreSQL
 * stopped or restarted, its backend ended), and an `error` event nobody listens for ends the
 * process. pg-pool listens only while a connection is idle; one handed out has only what its
 * holder adds (TypeORM's query runner adds a listener, its `obtainMasterConnection` does not). A
 * kill of the embedded PostgreSQL under load once ended the server that way (eighteenth
 * session). This listener is always there: it logs the failure only when nothing else took it,
 * and the pool drops the connection when it comes back with the error, as before.
 */
class WatchedConnection extends pg.Client {
  private static readonly log = new Logger('Database');

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (err: Error) => {
      if (this.listenerCount('error') === 1)
        WatchedConnection.log.warn({ err: err.message }, 'a database connection failed while no query was running');
    });
  }
}

/** One definition of the data source for the app, the tests and the migration CLI. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    // Never on initialize: migrate() applies them under a lock (src/database/migrate.ts).
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Failed queries surface as errors through the exception filter; SQL logging is for debugging.
    logging: settings.logging ? ['error', 'warn', 'migration'] : false,
    // A fixed-size pool (as HikariCP advises): connections once opened stay open, so the first
    // plays after a quiet spell do not wait for new connections, each with its statements to
    // prepare and its caches to fill (half a second for the first plays of 100 games, issue 18).
    extra: {
      max: settings.poolSize ?? 10,
      min: settings.poolSize ?? 10,
      application_name: 'courtside',
      Client: WatchedConnection,
    },
    applicationName: 'courtside',
  } as DataSourceOptions;
}

/**
 * The TypeORM CLI entry (`npm run typeorm -- migration:run`): reads DATABASE_URL, or uses the
 * embedded database's address when it is running (see embedded.ts).
 */
export default new DataSource(
  dataSourceOptions({
    url:
      process.env.DATABASE_URL ??
      `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/courtside`,
  }),
);
