import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../common/auth/access.decorators.js';
import { principalOfSocket, sessionCheckDue, sessionReadOpen } from '../../common/auth/socket-principal.js';
import { ROLE_LABELS, type Role } from '../../domain/access/principal.js';
import { forbidden, unauthenticated } from '../../domain/shared/domain-error.js';
import { SessionsService } from '../sessions/sessions.service.js';

/**
 * Default deny, for every route of the app. A route is reachable only if it says who may call it:
 * - @Public(): anyone; no token is read (fans' reads cost no session lookup);
 * - @Roles([...]): a valid access token of a live session whose role is listed;
 * - neither: nobody (403 ROUTE_NOT_OPEN), so a new route is closed until someone opens it.
 * Socket commands follow the same metadata, with the principal their handshake resolved.
 * Object-level rules (whose tournament, which game) are the services' part.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType();
    if (type !== 'http' && type !== 'ws') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles || roles.length === 0)
      throw forbidden('ROUTE_NOT_OPEN', 'This route has no access rule yet, so nobody may call it');
    if (type === 'ws') return this.socketMay(context, roles);

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    const principal = await this.sessions.authenticate(token);
    if (!roles.includes(principal.role)) {
      throw forbidden(
        'ROLE_FORBIDDEN',
        `This needs one of these roles: ${roles.map((r) => ROLE_LABELS[r]).join(', ')}; you are logged in as ${ROLE_LABELS[principal.role]}`,
      );
    }
    request.principal = principal;
    return true;
  }

  /**
   * Socket commands (src/live): the handshake verified the socket's token; its session is read
   * again when the last reading is older than SESSION_RECHECK_MS or the session's expiry has
   * passed (401 SESSION_EXPIRED / SESSION_REVOKED), and writes check it once more inside their
   * transaction. A socket without a token is a fan.
   */
  private async socketMay(context: ExecutionContext, roles: Role[]): Promise<boolean> {
    const client = context.switchToWs().getClient<Parameters<typeof principalOfSocket>[0]>();
    const principal = principalOfSocket(client);
    if (!principal)
      throw unauthenticated(
        'AUTH_REQUIRED',
        'Connect with an access token (auth.token) to send this; without one a socket may only subscribe',
      );
    if (!roles.includes(principal.role)) {
      throw forbidden(
        'ROLE_FORBIDDEN',
        `This needs one of these roles: ${roles.map((r) => ROLE_LABELS[r]).join(', ')}; you are logged in as ${ROLE_LABELS[principal.role]}`,
      );
    }
    if (sessionCheckDue(client)) sessionReadOpen(client, await this.sessions.assertOpen(principal.sessionId));
    return true;
  }
}

function bearerToken(header: string | undefined): string {
  if (!header) throw unauthenticated('AUTH_REQUIRED', 'Log in first: send `Authorization: Bearer <access token>`');
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/i.exec(header);
  if (!match) throw unauthenticated('TOKEN_INVALID', 'The Authorization header must be `Bearer <access token>`');
  return match[1];
}
