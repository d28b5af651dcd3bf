import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { defer, type Observable } from 'rxjs';

/** The HTTP interceptors, outermost first (provided by AppModule). */
export const HTTP_INTERCEPTOR_CHAIN = Symbol('HTTP_INTERCEPTOR_CHAIN');

/** An interceptor that answers with an Observable at once (all of the HTTP ones here do). */
export interface HttpInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown>;
}

/**
 * The HTTP interceptors (public reads kept and shared, spreadsheets by Accept), bound to every
 * controller as one interceptor that chains them itself, outermost first (`@ApiController`).
 * An HTTP request goes from one to the next through `defer`, so each one still runs only when
 * the one before it asks. Socket commands never reach it: it is not global (api-controller.ts).
 */
@Injectable()
export class HttpInterceptors implements NestInterceptor {
  constructor(@Inject(HTTP_INTERCEPTOR_CHAIN) private readonly chain: readonly HttpInterceptor[]) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return this.from(0, context, next).handle();
  }

  private from(i: number, context: ExecutionContext, last: CallHandler): CallHandler {
    const interceptor = this.chain[i];
    if (!interceptor) return last;
    return { handle: () => defer(() => interceptor.intercept(context, this.from(i + 1, context, last))) };
  }
}
