import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME } from './credentials.js';

/**
 * Every setting the server reads from the environment, validated once at start.
 * A bad value stops the process with one line naming the variable (see main.ts).
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** postgres://user:password@host:port/db. When unset, an embedded PostgreSQL under DATA_DIR is used. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Where the embedded database and generated secrets live. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Run pending migrations when the server starts. */
  @Transform(({ value }) => parseBool(value))
  @IsIn([true, false], { message: 'must be true or false' })
  MIGRATIONS_RUN = true;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  DB_CONNECT_ATTEMPTS = 5;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60000)
  DB_CONNECT_RETRY_MS = 1000;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Key for the keyed hash (HMAC-SHA256) of national ID numbers. Required in production;
   * elsewhere a random key is generated once and kept under DATA_DIR.
   */
  @IsOptional()
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  ID_HASH_KEY?: string;

  /**
   * Key that signs access tokens (HS256). Required in production; elsewhere a random key is
   * generated once and kept under DATA_DIR. Changing it invalidates current access tokens
   * (clients refresh) and unused game codes.
   */
  @IsOptional()
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of an access token; a revoked session is refused at once whatever this is. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** How long a login lasts without use (each refresh extends it this far again). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365 * 86400)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 86400;

  /** With ADMIN_PASSWORD: creates this administrator at start if there is no administrator yet. */
  @IsOptional()
  @Matches(USERNAME, { message: 'must be 3-40 characters: lower-case letters, digits, dot, dash or underscore' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` })
  ADMIN_PASSWORD?: string;

  /** Failed logins for one username (or one game code per address) before 429 until the window ends. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES = 5;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Writes (POST, PUT, PATCH, DELETE) one session, or one address when anonymous, may send per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  WRITE_RATE_LIMIT_PER_MINUTE = 240;

  /**
   * Trust X-Forwarded-For from a reverse proxy in front (for client addresses in rate limits
   * and logs). Off by default: without a proxy, clients could forge their address.
   */
  @Transform(({ value }) => parseBool(value))
  @IsIn([true, false], { message: 'must be true or false' })
  TRUST_PROXY = false;

  /**
   * The address people open, when it is fixed (https://gba.example.org). With https:// the pages
   * tell browsers to stay on HTTPS (CSP upgrade-insecure-requests, HSTS). Unset: plain HTTP on
   * whatever address the venue's Wi-Fi gives the machine, which must not upgrade anything.
   */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /**
   * redis://[user:password@]host:port[/db] (rediss:// for TLS). Set it when several instances run
   * behind a load balancer: socket.io rooms are shared through Redis streams, so a fan hears an
   * event whichever instance recorded it. Unset: one instance on its own.
   */
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  /** Prefix of this deployment's Redis keys and channels (several deployments can share one Redis). */
  @Matches(/^[A-Za-z0-9:_-]{1,40}$/, { message: 'must be 1-40 letters, digits, colon, dash or underscore' })
  REDIS_KEY_PREFIX = 'courtside';

  /**
   * A returning fan who missed at most this many events of a game gets them one by one; one
   * further behind gets a fresh snapshot (about the size of 15-20 events, and it has the box score).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(10000)
  LIVE_RESUME_MAX_EVENTS = 100;

  /**
   * Open sockets one client address may hold on one instance (the address from X-Forwarded-For
   * with TRUST_PROXY). Generous on purpose: a venue's Wi-Fi puts many fans behind one address.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LIVE_MAX_CONNECTIONS_PER_ADDRESS = 500;

  /**
   * Messages waiting for one socket before it is dropped as too slow (it reconnects and catches
   * up from its last seq). Bounds the memory a stalled phone holds; others never wait for it.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  LIVE_MAX_QUEUED_MESSAGES = 100;

  /**
   * socket.io heartbeat: a ping every 20 s keeps the connection alive through carrier NATs and
   * load balancers that drop idle connections after 30-60 s; a pong within 15 s more (a crowded
   * venue Wi-Fi needs a few) or the socket is closed, so a phone that vanished is gone in 35 s.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  @Max(300_000)
  LIVE_PING_INTERVAL_MS = 20_000;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  @Max(300_000)
  LIVE_PING_TIMEOUT_MS = 15_000;

  /**
   * Allow HTTP long-polling besides WebSocket (for networks that block WebSocket). Behind a load
   * balancer it needs sticky sessions (docs/deploy.md); set false where it has none.
   */
  @Transform(({ value }) => parseBool(value))
  @IsIn([true, false], { message: 'must be true or false' })
  LIVE_POLLING = true;

  /**
   * Let webhooks reach private, loopback and link-local addresses (a receiver on the venue's LAN).
   * Off by default: a public server must not be made to call into its own network.
   */
  @Transform(({ value }) => parseBool(value))
  @IsIn([true, false], { message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = false;

  /** Wait before a failed webhook delivery's first retry; each further retry waits twice as long. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  /** Seconds to wait for in-flight requests on SIGTERM before closing anyway. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(600)
  SHUTDOWN_GRACE_SECONDS = 10;
}

function parseBool(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Reads and validates the environment; throws EnvError listing `VARIABLE: reason` for each problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => {
    const given =
      e.property.endsWith('PASSWORD') ||
      e.property.endsWith('SECRET') ||
      e.property.endsWith('KEY') ||
      // may carry a password
      e.property === 'REDIS_URL'
        ? '[hidden]'
        : source[e.property];
    const reasons = Object.values(e.constraints ?? {}).join(', ');
    return `${e.property}=${JSON.stringify(given)} is invalid: ${reasons}`;
  });
  if (env.NODE_ENV === 'production' && !env.ID_HASH_KEY) {
    problems.push('ID_HASH_KEY is required in production: a secret of at least 32 characters');
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET is required in production: a secret of at least 32 characters');
  }
  if (!!env.ADMIN_USERNAME !== !!env.ADMIN_PASSWORD) {
    problems.push(
      'ADMIN_USERNAME and ADMIN_PASSWORD go together: set both to create the first administrator, or neither',
    );
  }
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}
