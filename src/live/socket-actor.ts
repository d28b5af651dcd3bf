import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../common/auth/actor.js';
import { principalOfSocket } from '../common/auth/socket-principal.js';

/**
 * The caller of a socket command, from the token its handshake presented. Only on handlers
 * with @Roles: the access guard has refused sockets without a principal by then. Each command
 * gets its own request id for the logs and the audit log.
 */
export const SocketActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const principal = principalOfSocket(ctx.switchToWs().getClient());
  if (!principal) throw new Error('SocketActor used on a handler without @Roles: no principal was resolved');
  return { ...principal, requestId: randomUUID() };
});
