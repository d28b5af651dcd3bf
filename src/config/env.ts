import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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
    const given = source[e.property];
    const reasons = Object.values(e.constraints ?? {}).join(', ');
    return `${e.property}=${JSON.stringify(given)} is invalid: ${reasons}`;
  });
  if (env.NODE_ENV === 'production' && !env.ID_HASH_KEY) {
    problems.push('ID_HASH_KEY is required in production: a secret of at least 32 characters');
  }
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}
