import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient } from '@redis/client';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { loadEnv } from '../../src/config/env.js';
import { stopAtEnd, trackStart } from './cleanup.js';

/** The Redis the scale-out tests share (CI starts one on 127.0.0.1:6379). */
export const TEST_REDIS_URL = process.env.COURTSIDE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function assertRedisUp(url = TEST_REDIS_URL): Promise<void> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new Error(
      `These tests need Redis at ${url} (set COURTSIDE_TEST_REDIS_URL, or start one: redis-server --port 6379 --save ""): ${(e as Error).message}`,
      { cause: e },
    );
  } finally {
    if (client.isOpen) await client.close();
  }
}

export interface Instance {
  app: NestFastifyApplication;
  port: number;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * One more server instance on an existing database (another instance behind the same load
 * balancer), listening on `port` (0: any free one).
 */
export function startInstance(databaseUrl: string, env: Record<string, string>, port = 0): Promise<Instance> {
  return trackStart(start(databaseUrl, env, port));
}

async function start(databaseUrl: string, env: Record<string, string>, port: number): Promise<Instance> {
  const config = loadEnv({
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    NODE_ENV: 'test',
    WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const app = await createApp(
    {
      env: config,
      databaseUrl,
      idHashKey: config.ID_HASH_KEY!,
      jwtSecret: config.JWT_SECRET!,
      embeddedDatabase: false,
    },
    createLogger(config.LOG_LEVEL),
  );
  // Stopped at the end of the file even if the file never gets to close() (test/support/cleanup.ts).
  const close = stopAtEnd('a second server instance', () => app.close());
  try {
    await app.listen({ port, host: '127.0.0.1' });
  } catch (e) {
    await close();
    throw e;
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    port: address.port,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close,
  };
}
