import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/access/principal.js';

/** The caller of a command: who (from the session) and which request (for the audit log). */
export interface Actor extends Principal {
  requestId: string;
}

/** Anonymous callers of the public write routes (login, refresh, game-code exchange). */
export interface Caller {
  ip: string;
  requestId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access guard on routes that need a login. */
    principal?: Principal;
  }
}

/** The logged-in caller; only on routes with @Roles (the guard has set the principal). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  if (!request.principal) throw new Error('CurrentActor used on a route without @Roles: no principal was resolved');
  return { ...request.principal, requestId: String(request.id) };
});

/** The network caller, for throttling anonymous routes. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { ip: request.ip, requestId: String(request.id) };
});

/** The account behind a password session (every organiser and administrator has one). */
export function accountIdOf(principal: Principal): string {
  if (!principal.accountId) throw new Error('this command needs an account, and a game-code device has none');
  return principal.accountId;
}
