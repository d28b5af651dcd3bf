import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { FixedWindowCounter } from '../../common/rate-limit/fixed-window.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { rateLimited } from '../../domain/shared/domain-error.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Caps writes per minute: per session when logged in, per address otherwise (login, refresh,
 * game-code exchange). Runs after the access guard, so refused callers do not use up the budget
 * of the session they pretend to be.
 */
@Injectable()
export class WriteThrottleGuard implements CanActivate {
  private readonly writes = new FixedWindowCounter(60_000);
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.env.WRITE_RATE_LIMIT_PER_MINUTE;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return true;
    const key = request.principal ? `session:${request.principal.sessionId}` : `ip:${request.ip}`;
    const { allowed, retryAfterSeconds } = this.writes.hit(key, this.limit);
    if (!allowed)
      throw rateLimited(
        'TOO_MANY_WRITES',
        `Too many changes in a minute: try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      );
    return true;
  }
}
