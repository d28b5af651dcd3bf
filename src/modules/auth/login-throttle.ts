import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type WindowCounter } from '../../common/rate-limit/rate-limit-store.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { rateLimited } from '../../domain/shared/domain-error.js';

/**
 * Slows down password and game-code guessing. Failed attempts are counted per username and per
 * address; past the limit every attempt (right or wrong) gets 429 with Retry-After until the
 * window ends. A success clears its username's count. Game codes have no username, so they are
 * counted per address and, against many addresses, in total. With REDIS_URL the counts are
 * shared by every instance (RateLimitStore).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures: WindowCounter;
  private readonly max: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimitStore) {
    this.failures = store.counter('login-failures', config.env.LOGIN_FAILURE_WINDOW_SECONDS * 1000);
    this.max = config.env.LOGIN_MAX_FAILURES;
  }

  private limits(kind: 'login' | 'code', username: string | null, ip: string): Array<[string, number]> {
    if (kind === 'login')
      return [
        [`user:${username}`, this.max],
        [`login-ip:${ip}`, this.max * 4],
      ];
    return [
      [`code-ip:${ip}`, this.max * 4],
      ['code-all', this.max * 40],
    ];
  }

  /** Refuses the attempt if a limit is used up. */
  async assertAllowed(kind: 'login' | 'code', username: string | null, ip: string): Promise<void> {
    for (const [key, limit] of this.limits(kind, username, ip)) {
      const { blocked, retryAfterSeconds } = await this.failures.blocked(key, limit);
      if (blocked)
        throw rateLimited(
          'TOO_MANY_ATTEMPTS',
          `Too many failed attempts: try again in ${retryAfterSeconds} seconds`,
          retryAfterSeconds,
        );
    }
  }

  async failed(kind: 'login' | 'code', username: string | null, ip: string): Promise<void> {
    for (const [key, limit] of this.limits(kind, username, ip)) await this.failures.hit(key, limit);
  }

  async succeeded(kind: 'login' | 'code', username: string | null): Promise<void> {
    if (kind === 'login') await this.failures.reset(`user:${username}`);
  }
}
