import 'reflect-metadata';
import { channel } from 'node:diagnostics_channel';
import path from 'node:path';
import { LISTENING_CHANNEL, type ListeningMessage } from './common/lifecycle/listening.js';
import { createLogger } from './common/logging/logger.js';
import { EnvError, loadEnv, type Env } from './config/env.js';
import { resolveIdHashKey, resolveJwtSecret } from './config/secrets.js';
import { describeEmbeddedFailure, startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded.js';
import { describeDatabase, waitForDatabase } from './database/wait-for-database.js';

function fail(message: string, code = 1): never {
  process.stderr.write(`courtside: ${message}\n`);
  process.exit(code);
}

async function main() {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(`invalid configuration: ${e.problems.join('; ')}`, 2);
    throw e;
  }
  const logger = createLogger(env.LOG_LEVEL);
  // Loading the application's modules takes longer than starting the embedded PostgreSQL: both at once.
  const appFactory = import('./app.factory.js');
  appFactory.catch(() => undefined);

  let embedded: EmbeddedDatabase | undefined;
  // Until the server is up, losing the embedded PostgreSQL ends the start; after, a drained shutdown.
  let databaseLost = (reason: string): void => {
    void embedded
      ?.stop()
      .finally(() => fail(`the embedded PostgreSQL stopped and could not be started again: ${reason}`));
  };
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const directory = path.resolve(env.DATA_DIR, 'pg');
    logger.info({ directory, port: env.EMBEDDED_PG_PORT }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    try {
      embedded = await startEmbeddedPostgres({
        directory,
        port: env.EMBEDDED_PG_PORT,
        log: (m) => logger.debug({ context: 'embedded-postgres' }, m),
        onRestart: (reason, attempt) =>
          logger.warn(
            { context: 'embedded-postgres', reason, attempt },
            'the embedded PostgreSQL stopped; starting it again',
          ),
        onLost: (reason) => databaseLost(reason),
      });
    } catch (e) {
      fail(`could not start the embedded PostgreSQL in ${directory}: ${describeEmbeddedFailure(e)}`);
    }
    databaseUrl = embedded.url;
  }

  try {
    await waitForDatabase(databaseUrl, env.DB_CONNECT_ATTEMPTS, env.DB_CONNECT_RETRY_MS, (n, e) =>
      logger.warn(
        { attempt: n, of: env.DB_CONNECT_ATTEMPTS, reason: e.message },
        `database at ${describeDatabase(databaseUrl)} not reachable yet; retrying`,
      ),
    );
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    fail((e as Error).message);
  }

  const idHash = resolveIdHashKey(env.ID_HASH_KEY, env.DATA_DIR);
  if (idHash.generated)
    logger.warn('ID_HASH_KEY is not set: generated one under DATA_DIR/secrets (set it explicitly in production)');

  const jwt = resolveJwtSecret(env.JWT_SECRET, env.DATA_DIR);
  if (jwt.generated)
    logger.warn('JWT_SECRET is not set: generated one under DATA_DIR/secrets (set it explicitly in production)');

  const { createApp } = await appFactory;
  const app = await createApp(
    { env, databaseUrl, idHashKey: idHash.key, jwtSecret: jwt.key, embeddedDatabase: !!embedded },
    logger,
  );
  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (e) {
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    fail(`could not listen on ${env.HOST}:${env.PORT}: ${(e as Error).message}`);
  }
  channel(LISTENING_CHANNEL).publish({ dataDir: env.DATA_DIR } satisfies ListeningMessage);
  logger.info(
    {
      url: `http://localhost:${env.PORT}`,
      docs: `http://localhost:${env.PORT}/api/docs`,
      database: describeDatabase(databaseUrl),
    },
    'Courtside is ready',
  );

  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    embedded?.stopping();
    logger.info({ signal }, 'shutting down: no new connections, draining requests');
    const force = setTimeout(() => {
      logger.error('shutdown grace period over; exiting');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_SECONDS * 1000);
    force.unref();
    try {
      await app.close(); // stops the listener, waits for in-flight requests, closes sockets and the pool
      await embedded?.stop();
      logger.info('stopped');
      process.exit(code);
    } catch (e) {
      logger.error({ err: e }, 'error during shutdown');
      process.exit(1);
    }
  };
  databaseLost = (reason) => {
    logger.fatal(
      { context: 'embedded-postgres', reason },
      'the embedded PostgreSQL stopped and could not be started again',
    );
    process.stderr.write(`courtside: the embedded PostgreSQL stopped and could not be started again: ${reason}\n`);
    void shutdown('database lost', 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => fail(`failed to start: ${(e as Error)?.stack ?? String(e)}`));
