import { EnvError, loadEnv } from './env.js';

const problemsOf = (source: Record<string, string>) => {
  try {
    loadEnv(source);
    return [];
  } catch (e) {
    return (e as EnvError).problems;
  }
};

describe('access settings in the environment', () => {
  it('has safe defaults for tokens and limits', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 30 * 86400,
      LOGIN_MAX_FAILURES: 5,
      WRITE_RATE_LIMIT_PER_MINUTE: 240,
    });
    expect(env.JWT_SECRET).toBeUndefined();
  });

  it('requires a JWT_SECRET of at least 32 characters in production', () => {
    const key = 'k'.repeat(40);
    expect(problemsOf({ NODE_ENV: 'production', ID_HASH_KEY: key })).toEqual([
      expect.stringContaining('JWT_SECRET is required in production'),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ID_HASH_KEY: key, JWT_SECRET: 'short' })[0]).toMatch(
      /^JWT_SECRET="\[hidden\]" is invalid: must be at least 32 characters/,
    );
    expect(problemsOf({ NODE_ENV: 'production', ID_HASH_KEY: key, JWT_SECRET: key })).toEqual([]);
  });

  it('takes ADMIN_USERNAME and ADMIN_PASSWORD together, a valid name and a long password, and never echoes the password', () => {
    expect(problemsOf({ ADMIN_USERNAME: 'chief' })).toEqual([expect.stringContaining('go together')]);
    expect(problemsOf({ ADMIN_PASSWORD: 'a long enough password' })).toEqual([expect.stringContaining('go together')]);
    const bad = problemsOf({ ADMIN_USERNAME: 'Chief Admin', ADMIN_PASSWORD: 'secret-short' });
    expect(bad.join(';')).toContain('ADMIN_USERNAME="Chief Admin" is invalid');
    expect(problemsOf({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'short1' }).join(';')).toContain(
      'at least 12 characters',
    );
    expect(problemsOf({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'short1' }).join(';')).not.toContain('short1');
    expect(loadEnv({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'a long enough password' }).ADMIN_USERNAME).toBe('chief');
  });

  it('refuses token lifetimes and limits out of range', () => {
    expect(
      problemsOf({ ACCESS_TOKEN_TTL_SECONDS: '0', WRITE_RATE_LIMIT_PER_MINUTE: 'lots' }).map((p) => p.split('=')[0]),
    ).toEqual(['ACCESS_TOKEN_TTL_SECONDS', 'WRITE_RATE_LIMIT_PER_MINUTE']);
  });
});

describe('live delivery settings in the environment', () => {
  it('runs alone without Redis, with deliberate heartbeat and limits', () => {
    const env = loadEnv({});
    expect(env.REDIS_URL).toBeUndefined();
    expect(env).toMatchObject({
      REDIS_KEY_PREFIX: 'courtside',
      LIVE_RESUME_MAX_EVENTS: 100,
      LIVE_MAX_CONNECTIONS_PER_ADDRESS: 500,
      LIVE_MAX_QUEUED_MESSAGES: 100,
      LIVE_PING_INTERVAL_MS: 20000,
      LIVE_PING_TIMEOUT_MS: 15000,
      LIVE_POLLING: true,
    });
  });

  it('takes a redis:// or rediss:// URL and never echoes a bad one (it may hold a password)', () => {
    expect(loadEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(loadEnv({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).REDIS_URL).toBe(
      'rediss://:pw@cache.internal:6380/2',
    );
    const bad = problemsOf({ REDIS_URL: 'http://user:hunter2@cache:6379' }).join(';');
    expect(bad).toContain('REDIS_URL="[hidden]" is invalid');
    expect(bad).not.toContain('hunter2');
  });

  it('refuses limits out of range', () => {
    expect(
      problemsOf({ LIVE_MAX_CONNECTIONS_PER_ADDRESS: '0', LIVE_PING_INTERVAL_MS: '10', LIVE_POLLING: 'maybe' }).map(
        (p) => p.split('=')[0],
      ),
    ).toEqual(['LIVE_MAX_CONNECTIONS_PER_ADDRESS', 'LIVE_PING_INTERVAL_MS', 'LIVE_POLLING']);
  });
});
