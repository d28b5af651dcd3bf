import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '../../common/auth/access.decorators.js';
import { principalOfSocket } from '../../common/auth/socket-principal.js';
import { RateLimitStore, type WindowCounter } from '../../common/rate-limit/rate-limit-store.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { rateLimited } from '../../domain/shared/domain-error.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Caps writes per minute: per session when logged in, per address otherwise (login, refresh,
 * game-code exchange). Socket commands that need a login (game:event, game:undo,
 * game:transition) are writes too and share their session's budget with its HTTP writes; a
 * refused one is answered `{ ok: false, error }` with the same 429 TOO_MANY_WRITES and
 * `context.retryAfterSeconds`. Runs after the access guard, so refused callers do not use up the
 * budget of the session they pretend to be. With REDIS_URL the counts are shared by every
 * instance (RateLimitStore).
 */
@Injectable()
export class WriteThrottleGuard implements CanActivate {
  private readonly writes: WindowCounter;
  private readonly limit: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    store: RateLimitStore,
    private readonly reflector: Reflector,
  ) {
    this.writes = store.counter('writes', 60_000);
    this.limit = config.env.WRITE_RATE_LIMIT_PER_MINUTE;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const key = this.writerOf(context);
    if (key === null) return true;
    const { allowed, retryAfterSeconds } = await this.writes.hit(key, this.limit);
    if (!allowed)
      throw rateLimited(
        'TOO_MANY_WRITES',
        `Too many changes in a minute: try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      );
    return true;
  }

  /** Whose budget this write counts against; null for a read. */
  private writerOf(context: ExecutionContext): string | null {
    if (context.getType() === 'ws') {
      // Subscriptions are the public reads of the socket; everything else acts for a session.
      if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
        return null;
      const principal = principalOfSocket(context.switchToWs().getClient());
      return principal ? `session:${principal.sessionId}` : null;
    }
    if (context.getType() !== 'http') return null;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return null;
    return request.principal ? `session:${request.principal.sessionId}` : `ip:${request.ip}`;
  }
}
