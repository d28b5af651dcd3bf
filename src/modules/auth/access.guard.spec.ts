import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import type { Principal } from '../../domain/access/principal.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import { AccessGuard } from './access.guard.js';

class Routes {
  forgotten() {}
  @Public()
  open() {}
  @Roles(['organiser', 'admin'], 'organisers')
  organisers() {}
}

const organiser: Principal = { accountId: 'a', sessionId: 's', role: 'organiser', kind: 'password', scope: {} };

function contextFor(handler: keyof Routes, headers: Record<string, string> = {}) {
  const request: { headers: Record<string, string>; principal?: Principal } = { headers };
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const sessions = (principal: Principal) =>
  ({
    authenticate: async (token: string) => (token === 'h.p.s' ? principal : Promise.reject(new Error('bad token'))),
  }) as unknown as SessionsService;
const guard = (principal = organiser) => new AccessGuard(new Reflector(), sessions(principal));
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DomainError) => e.code,
  );

describe('AccessGuard: default deny', () => {
  it('closes a route that has neither @Public nor @Roles, even to an administrator', async () => {
    const admin = { ...organiser, role: 'admin' as const };
    expect(
      await codeOf(guard(admin).canActivate(contextFor('forgotten', { authorization: 'Bearer h.p.s' }).context)),
    ).toBe('ROUTE_NOT_OPEN');
  });

  it('opens @Public routes without reading any token', async () => {
    expect(await guard().canActivate(contextFor('open', { authorization: 'Bearer garbage' }).context)).toBe(true);
  });

  it('needs a token of a listed role on @Roles routes, and hands the principal to the handler', async () => {
    expect(await codeOf(guard().canActivate(contextFor('organisers').context))).toBe('AUTH_REQUIRED');
    const { context, request } = contextFor('organisers', { authorization: 'Bearer h.p.s' });
    expect(await guard().canActivate(context)).toBe(true);
    expect(request.principal).toEqual(organiser);
    const scorekeeper = { ...organiser, role: 'scorekeeper' as const };
    expect(
      await codeOf(guard(scorekeeper).canActivate(contextFor('organisers', { authorization: 'Bearer h.p.s' }).context)),
    ).toBe('ROLE_FORBIDDEN');
  });
});
