import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { loadEnv } from '../../src/config/env.js';
import { stopAtEnd, trackStart } from './cleanup.js';
import { createTestDatabase } from './database.js';

export interface HttpResult {
  status: number;
  body: any;
  headers: Record<string, string>;
}

/** Sends a request through the real HTTP stack: JSON in, parsed JSON out. */
export type Http = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<HttpResult>;

/** A logged-in account and an `http` that sends its access token. */
export interface LoggedIn {
  accountId: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  http: Http;
}

export interface TestContext {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  /** As the default organiser, who owns what the factories create. */
  http: Http;
  /** Without a token: a fan. */
  anon: Http;
  /** With this access token (null: none). */
  as: (accessToken: string | null) => Http;
  /** The first administrator (created from ADMIN_USERNAME/ADMIN_PASSWORD at start). */
  admin: LoggedIn;
  /** The default organiser. */
  organiser: LoggedIn;
  /** Creates an account (organisers by the administrator, scorekeepers by `createdBy` or the default organiser) and logs it in. */
  newAccount: (
    role: 'admin' | 'organiser' | 'scorekeeper',
    options?: { username?: string; displayName?: string; createdBy?: LoggedIn },
  ) => Promise<LoggedIn>;
  login: (username: string, password: string) => Promise<LoggedIn>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };
const PASSWORD = 'correct horse battery staple';
let accounts = 0;

/**
 * Boots the real application on a fresh database cloned from the migrated template, with an
 * administrator and a logged-in organiser. `env` overrides settings (tiny TTLs, low limits).
 *
 * The app is stopped at the end of the file even if the file never gets to `close()` (a
 * `beforeAll` that ran past its timeout): see test/support/cleanup.ts. `close()` may be called
 * more than once.
 */
export function startTestApp(options: { env?: Record<string, string> } = {}): Promise<TestContext> {
  return trackStart(start(options));
}

async function start(options: { env?: Record<string, string> }): Promise<TestContext> {
  const db = await createTestDatabase();
  const env = loadEnv({
    ...process.env,
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    NODE_ENV: 'test',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Tests write fast from one address; the throttling tests set their own limits.
    WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp(
      { env, databaseUrl: db.url, idHashKey: env.ID_HASH_KEY!, jwtSecret: env.JWT_SECRET!, embeddedDatabase: false },
      createLogger(env.LOG_LEVEL),
    );
  } catch (e) {
    await db.drop().catch(() => undefined);
    throw e;
  }
  const close = stopAtEnd(`the test app on ${db.name}`, async () => {
    try {
      await app.close();
    } finally {
      await db.drop();
    }
  });
  let baseUrl: string;
  try {
    // A real listening server on a free port: requests go through the whole HTTP stack.
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  } catch (e) {
    await close();
    throw e;
  }

  const as =
    (accessToken: string | null): Http =>
    async (method, url, body, headers = {}) => {
      const isText = typeof body === 'string';
      const res = await fetch(baseUrl + url, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': isText ? 'text/csv; charset=utf-8' : 'application/json' } : {}),
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
          ...headers,
        },
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
    };
  try {
    return await loggedInContext(app, db, close, baseUrl, as, env.ADMIN_USERNAME!, env.ADMIN_PASSWORD!);
  } catch (e) {
    await close();
    throw e;
  }
}

async function loggedInContext(
  app: NestFastifyApplication,
  db: { url: string },
  close: () => Promise<void>,
  baseUrl: string,
  as: (accessToken: string | null) => Http,
  adminUsername: string,
  adminPassword: string,
): Promise<TestContext> {
  const anon = as(null);
  const login = async (username: string, password: string): Promise<LoggedIn> => {
    const res = await anon('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} -> ${res.status} ${JSON.stringify(res.body)}`);
    const me = await as(res.body.accessToken)('GET', '/api/v1/auth/me');
    return {
      accountId: me.body.account.id,
      username,
      password,
      accessToken: res.body.accessToken,
      refreshToken: res.body.refreshToken,
      http: as(res.body.accessToken),
    };
  };

  const admin = await login(adminUsername, adminPassword);
  const defaults: { organiser?: LoggedIn } = {};
  const newAccount: TestContext['newAccount'] = async (role, opts = {}) => {
    const username = opts.username ?? `${role}${++accounts}x${process.pid}`;
    const creator = opts.createdBy ?? (role === 'scorekeeper' && defaults.organiser ? defaults.organiser : admin);
    const res = await creator.http('POST', '/api/v1/accounts', {
      username,
      displayName: opts.displayName ?? `测试${role}`,
      role,
      password: PASSWORD,
    });
    if (res.status !== 201) throw new Error(`create ${role} -> ${res.status} ${JSON.stringify(res.body)}`);
    return login(username, PASSWORD);
  };
  const organiser = await newAccount('organiser', { displayName: '湖州市总工会赛事部' });
  defaults.organiser = organiser;

  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    http: organiser.http,
    anon,
    as,
    admin,
    organiser,
    newAccount,
    login,
    close,
  };
}
