import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ROLES, type Principal, type Role, type SessionScope } from '../../domain/access/principal.js';
import { unauthenticated } from '../../domain/shared/domain-error.js';

const ISSUER = 'courtside';
const AUDIENCE = 'courtside-api';

/** What a verified access token says; the session row still has the last word. */
export interface AccessClaims {
  accountId: string | null;
  sessionId: string;
  role: Role;
  scope: SessionScope;
}

/**
 * Short-lived access tokens: HS256 JWTs with sub (account, absent for a game-code device),
 * sid (session), role and scope. Only HS256 under our key is accepted: `alg: none`, other
 * algorithms, other issuers or audiences, and expired tokens are refused.
 */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;
  readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.jwtSecret);
    this.ttlSeconds = config.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  async sign(principal: Pick<Principal, 'accountId' | 'sessionId' | 'role' | 'scope'>): Promise<string> {
    const jwt = new SignJWT({ sid: principal.sessionId, role: principal.role, scope: principal.scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`);
    if (principal.accountId) jwt.setSubject(principal.accountId);
    return jwt.sign(this.key);
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sid'],
      });
      const { sid, role, scope, sub } = payload as { sid?: unknown; role?: unknown; scope?: unknown; sub?: unknown };
      if (typeof sid !== 'string' || !ROLES.includes(role as Role) || typeof scope !== 'object' || scope === null) {
        throw unauthenticated('TOKEN_INVALID', 'The access token is not one of ours');
      }
      return {
        accountId: typeof sub === 'string' ? sub : null,
        sessionId: sid,
        role: role as Role,
        scope: scope as SessionScope,
      };
    } catch (e) {
      if (e instanceof errors.JWTExpired)
        throw unauthenticated('TOKEN_EXPIRED', 'The access token has expired: refresh it or log in again');
      if (e instanceof errors.JOSEError) throw unauthenticated('TOKEN_INVALID', 'The access token is not valid');
      throw e;
    }
  }
}
