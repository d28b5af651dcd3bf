import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, map, of, type Observable } from 'rxjs';
import { HttpInterceptors, type HttpInterceptor } from './http-interceptors.js';

const contextOf = (type: 'http') => ({ getType: () => type }) as ExecutionContext;

/** Records when it runs and wraps the answer in its name, so the order shows in the result. */
const named = (name: string, ran: string[]): HttpInterceptor => ({
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    ran.push(name);
    return next.handle().pipe(map((value) => `${name}(${String(value)})`));
  },
});

describe('HttpInterceptors', () => {
  it('runs the HTTP interceptors outermost first around the handler', async () => {
    const ran: string[] = [];
    const chain = new HttpInterceptors([named('exports', ran), named('fresh', ran), named('shared', ran)]);
    const handler = { handle: () => of('handler') };
    await expect(lastValueFrom(chain.intercept(contextOf('http'), handler))).resolves.toBe(
      'exports(fresh(shared(handler)))',
    );
    expect(ran).toEqual(['exports', 'fresh', 'shared']);
  });

  it('runs an interceptor only when the one before it subscribes to what it handed on', async () => {
    const ran: string[] = [];
    const answersItself: HttpInterceptor = {
      intercept: (_context, next) => {
        ran.push('kept');
        next.handle(); // asked for, never subscribed: the next one must not run
        return of('kept answer');
      },
    };
    const chain = new HttpInterceptors([answersItself, named('shared', ran)]);
    await expect(lastValueFrom(chain.intercept(contextOf('http'), { handle: () => of('handler') }))).resolves.toBe(
      'kept answer',
    );
    expect(ran).toEqual(['kept']);
  });
});
