import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { loadEnv } from '../../src/config/env.js';
import { createTestDatabase } from './database.js';

export interface TestContext {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  /** Sends a request through the real HTTP stack (Fastify inject): JSON in, parsed JSON out. */
  http: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Boots the real application on a fresh database cloned from the migrated template. */
export async function startTestApp(): Promise<TestContext> {
  const db = await createTestDatabase();
  const env = loadEnv({ ...process.env, DATABASE_URL: db.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', MIGRATIONS_RUN: 'false', NODE_ENV: 'test' });
  const app = await createApp({ env, databaseUrl: db.url, idHashKey: env.ID_HASH_KEY!, embeddedDatabase: false }, createLogger(env.LOG_LEVEL));
  // A real listening server on a free port: requests go through the whole HTTP stack.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = await app.getUrl();
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    http: async (method, url, body, headers = {}) => {
      const isText = typeof body === 'string';
      const res = await fetch(baseUrl.replace('[::1]', '127.0.0.1') + url, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': isText ? 'text/csv; charset=utf-8' : 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (e.g. the docs page)
      }
      return { status: res.status, body: parsed, headers: Object.fromEntries(res.headers.entries()) };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
