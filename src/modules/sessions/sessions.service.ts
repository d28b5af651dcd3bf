import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import type { Principal, Role, SessionKind, SessionScope } from '../../domain/access/principal.js';
import { unauthenticated, type DomainError } from '../../domain/shared/domain-error.js';
import { AccessTokens } from './access-tokens.js';
import { SessionEvents } from './session-events.js';
import { SessionEntity } from './session.entity.js';

/** What a client keeps after logging in or refreshing. */
export interface TokenPair {
  accessToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  /** Exchange at POST /auth/refresh for a new pair; works once. */
  refreshToken: string;
  /** When the session ends unless refreshed (password logins) or at all (game codes). */
  sessionExpiresAt: string;
}

export interface OpenSession {
  accountId: string | null;
  kind: SessionKind;
  role: Role;
  scope: SessionScope;
  expiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sessions and their tokens. The refresh token is `<session id>.<random>`; only its SHA-256 is
 * stored, and each refresh replaces it (rotation). Presenting the replaced refresh token again
 * means it was copied: the session is revoked (OAuth 2.0 Security BCP, refresh token reuse).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly tokens: AccessTokens,
    private readonly events: SessionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(SessionEntity);
  }

  /** When a new password session ends (each refresh moves it this far again). */
  passwordSessionExpiry(now = new Date()): Date {
    return new Date(now.getTime() + this.config.env.REFRESH_TOKEN_TTL_SECONDS * 1000);
  }

  /** Opens a session in the current transaction and returns its first tokens. */
  async open(spec: OpenSession): Promise<{ session: SessionEntity; tokens: TokenPair }> {
    const id = randomUUID();
    const refreshToken = `${id}.${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    const session = await this.repo.save(
      this.repo.create({
        id,
        ...spec,
        refreshTokenHash: sha256(refreshToken),
        previousRefreshTokenHash: null,
        revokedAt: null,
        revokedReason: null,
        lastUsedAt: now,
      }),
    );
    return { session, tokens: await this.pair(session, refreshToken) };
  }

  /**
   * The caller behind an access token: the token must verify and its session must still be
   * open. One primary-key read per request is what makes revocation immediate.
   */
  async authenticate(accessToken: string): Promise<Principal> {
    return (await this.authenticateSession(accessToken)).principal;
  }

  /** As `authenticate`, with when the session ends (a socket keeps it to know when to look again). */
  async authenticateSession(accessToken: string): Promise<{ principal: Principal; expiresAt: Date }> {
    const claims = await this.tokens.verify(accessToken);
    const session = await this.repo.findOneBy({ id: claims.sessionId });
    if (!session || session.accountId !== claims.accountId || session.role !== claims.role) {
      throw unauthenticated('TOKEN_INVALID', 'The access token is not valid');
    }
    assertOpen(session);
    return {
      principal: {
        accountId: session.accountId,
        sessionId: session.id,
        role: session.role,
        kind: session.kind,
        scope: session.scope,
      },
      expiresAt: session.expiresAt,
    };
  }

  /**
   * Refuses (401 SESSION_REVOKED / SESSION_EXPIRED) unless the session is still open; returns
   * when it ends. Inside a transaction the row is read FOR SHARE and stays locked until the
   * commit, so a revocation (which locks the row first, see revokeWhere) either waits for this
   * command to commit or is seen by it: nothing is written in a session after it ended.
   */
  async assertOpen(sessionId: string): Promise<Date> {
    const session = await this.repo.findOne({
      where: { id: sessionId },
      select: { id: true, revokedAt: true, expiresAt: true },
      ...(this.txHost.inTransaction ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!session) throw unauthenticated('TOKEN_INVALID', 'The access token is not valid');
    assertOpen(session);
    return session.expiresAt;
  }

  /** Swaps a refresh token for a new pair. A replaced token revokes its session (it was copied). */
  async refresh(refreshToken: string): Promise<{ session: SessionEntity; tokens: TokenPair }> {
    const outcome = await this.txHost.run(
      async (): Promise<{ session: SessionEntity; tokens: TokenPair } | { error: DomainError }> => {
        const invalidToken = {
          error: unauthenticated('REFRESH_TOKEN_INVALID', 'The refresh token is not valid: log in again'),
        };
        const [id] = refreshToken.split('.');
        if (!/^[0-9a-f-]{36}$/.test(id ?? '')) return invalidToken;
        const session = await this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!session) return invalidToken;
        if (session.revokedAt)
          return {
            error: unauthenticated('SESSION_REVOKED', 'This session has ended (logged out or revoked): log in again'),
          };
        if (session.expiresAt.getTime() <= Date.now())
          return { error: unauthenticated('SESSION_EXPIRED', 'This session has expired: log in again') };
        const presented = sha256(refreshToken);
        if (!sameHash(session.refreshTokenHash, presented)) {
          if (!session.previousRefreshTokenHash || !sameHash(session.previousRefreshTokenHash, presented))
            return invalidToken;
          await this.revokeWhere({ id: session.id }, 'refresh_token_reused');
          return {
            error: unauthenticated(
              'REFRESH_TOKEN_REUSED',
              'This refresh token was already used; the session is now closed for safety: log in again',
            ),
          };
        }
        const next = `${session.id}.${randomBytes(32).toString('base64url')}`;
        session.previousRefreshTokenHash = session.refreshTokenHash;
        session.refreshTokenHash = sha256(next);
        session.lastUsedAt = new Date();
        if (session.kind === 'password') session.expiresAt = this.passwordSessionExpiry(session.lastUsedAt);
        await this.repo.save(session);
        return { session, tokens: await this.pair(session, next) };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome;
  }

  @Transactional()
  async revoke(sessionId: string, reason: string): Promise<number> {
    return this.revokeWhere({ id: sessionId }, reason);
  }

  /** Ends every open session of an account (password change, account disabled, scorekeeper removed). */
  @Transactional()
  async revokeAllOfAccount(accountId: string, reason: string): Promise<number> {
    return this.revokeWhere({ accountId }, reason);
  }

  /** Marks the sessions revoked and, once committed, tells the subscribers (the live gateway). */
  private async revokeWhere(where: { id?: string; accountId?: string }, reason: string): Promise<number> {
    // Locking first waits for commands holding the row (assertOpen), so the time written is after
    // everything they recorded; later commands wait for this commit and see the session ended.
    const open = await this.repo.find({
      where: { ...where, revokedAt: IsNull() },
      select: { id: true, accountId: true },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (open.length === 0) return 0;
    await this.repo.update(
      open.map((s) => s.id),
      { revokedAt: () => 'clock_timestamp()', revokedReason: reason },
    );
    for (const s of open)
      this.txHost.afterCommit(() => this.events.emitRevoked({ sessionId: s.id, accountId: s.accountId, reason }));
    return open.length;
  }

  private async pair(session: SessionEntity, refreshToken: string): Promise<TokenPair> {
    return {
      accessToken: await this.tokens.sign({
        accountId: session.accountId,
        sessionId: session.id,
        role: session.role,
        scope: session.scope,
      }),
      expiresIn: this.tokens.ttlSeconds,
      refreshToken,
      sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }
}

function assertOpen(session: Pick<SessionEntity, 'revokedAt' | 'expiresAt'>): void {
  if (session.revokedAt)
    throw unauthenticated('SESSION_REVOKED', 'This session has ended (logged out or revoked): log in again');
  if (session.expiresAt.getTime() <= Date.now())
    throw unauthenticated('SESSION_EXPIRED', 'This session has expired: log in again');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
