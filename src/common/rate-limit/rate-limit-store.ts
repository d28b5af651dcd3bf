import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { connectRedis, type RedisClient } from '../redis/connect.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { FixedWindowCounter } from './fixed-window.js';

/** Events per key in fixed windows, against a limit given per call (FixedWindowCounter's contract). */
export interface WindowCounter {
  /** Adds one event; whether it is still within `limit` and, if not, when to try again. */
  hit(key: string, limit: number): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }>;
  /** Whether the key has already used up `limit` events in its window, without counting one. */
  blocked(key: string, limit: number): Promise<{ blocked: boolean; retryAfterSeconds: number }>;
  reset(key: string): Promise<void>;
}

/**
 * Where the abuse counters live (login failures, writes per minute). Without REDIS_URL, in this
 * process's memory (FixedWindowCounter). With REDIS_URL, in Redis, shared by every instance, so a
 * caller's limit is the same however a load balancer spreads its requests: rate-limiter-flexible's
 * RateLimiterRedis (one Lua script per hit: SET NX EX, INCRBY, PTTL: an atomic fixed window).
 * While Redis is unreachable each instance counts in its own memory meanwhile (the library's
 * insurance limiter) rather than refusing or waiting: limits loosen, nothing stops.
 */
@Injectable()
export class RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('RateLimitStore');
  private redis: RedisClient | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const url = this.config.env.REDIS_URL;
    if (!url) return;
    // Fail at once while disconnected (the insurance counters take over) instead of queueing.
    const client = await connectRedis(url, {
      purpose: 'the rate limits',
      offlineQueue: false,
      onError: (err) => this.log.warn({ err: err.message }, 'Redis connection problem (rate limits)'),
    });
    this.redis = client;
  }

  async onModuleDestroy(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    if (redis?.isOpen) await redis.close().catch(() => redis.destroy());
  }

  /**
   * A counter of `name` with windows of `windowMs` (whole seconds). Usable at once: it picks its
   * store on first use, after start-up connected to Redis.
   */
  counter(name: string, windowMs: number): WindowCounter {
    let store: WindowCounter | undefined;
    const pick = () => (store ??= this.redis ? this.redisCounter(name, windowMs, this.redis) : memoryCounter(windowMs));
    return {
      hit: (key, limit) => pick().hit(key, limit),
      blocked: (key, limit) => pick().blocked(key, limit),
      reset: (key) => pick().reset(key),
    };
  }

  private redisCounter(name: string, windowMs: number, client: RedisClient): WindowCounter {
    const duration = Math.max(1, Math.round(windowMs / 1000));
    const keyPrefix = `${this.config.env.REDIS_KEY_PREFIX}:rate:${name}`;
    // The limit differs per key (per user, per address…), so the limiter only counts: `points`
    // is a ceiling never reached, and each call compares the count with its own limit.
    const points = Number.MAX_SAFE_INTEGER;
    const limiter = new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
    const secondsLeft = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
    return {
      async hit(key, limit) {
        const res = await limiter.penalty(key, 1);
        return {
          allowed: res.consumedPoints <= limit,
          count: res.consumedPoints,
          retryAfterSeconds: secondsLeft(res.msBeforeNext),
        };
      },
      async blocked(key, limit) {
        const res = await limiter.get(key);
        if (!res) return { blocked: false, retryAfterSeconds: 0 };
        return { blocked: res.consumedPoints >= limit, retryAfterSeconds: secondsLeft(res.msBeforeNext) };
      },
      async reset(key) {
        await limiter.delete(key);
      },
    };
  }
}

function memoryCounter(windowMs: number): WindowCounter {
  const counter = new FixedWindowCounter(windowMs);
  return {
    hit: (key, limit) => Promise.resolve(counter.hit(key, limit)),
    blocked: (key, limit) => Promise.resolve(counter.blocked(key, limit)),
    reset: (key) => Promise.resolve(counter.reset(key)),
  };
}
