import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { defer, type Observable } from 'rxjs';

/** An interceptor that answers with an Observable at once (all of the HTTP ones here do). */
export interface HttpInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown>;
}

/**
 * The HTTP-only interceptors (public reads kept and shared, spreadsheets by Accept), registered
 * as one global interceptor that chains them itself, outermost first.
 *
 * Nest applies every global interceptor to socket.io commands too, and wraps each one in its own
 * layer per command (a deferred Observable, an AsyncResource, a `mergeAll`): three layers that
 * only said "not HTTP" cost each scorekeeper's play about a fifth of the allocations in Nest's
 * pipeline. Here a socket command passes through with one check, and an HTTP request goes from
 * one to the next through `defer`, so each one still runs only when the one before it asks.
 */
export class HttpInterceptors implements NestInterceptor {
  constructor(private readonly chain: readonly HttpInterceptor[]) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    return this.from(0, context, next).handle();
  }

  private from(i: number, context: ExecutionContext, last: CallHandler): CallHandler {
    const interceptor = this.chain[i];
    if (!interceptor) return last;
    return { handle: () => defer(() => interceptor.intercept(context, this.from(i + 1, context, last))) };
  }
}
