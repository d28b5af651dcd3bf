import { Injectable, Logger } from '@nestjs/common';
import type { Actor, Caller } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { forbidden, invalid, unauthenticated } from '../../domain/shared/domain-error.js';
import { toAccountDto } from '../accounts/account.dto.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { verifyPassword } from '../accounts/password-hasher.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService, type TokenPair } from '../sessions/sessions.service.js';
import type { ChangePasswordDto, LoginDto, MeDto, TokensDto } from './auth.dto.js';
import { LoginThrottle } from './login-throttle.js';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly txHost: TransactionHost,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Password login. Unknown user and wrong password get the same answer, in the same time. */
  async login(caller: Caller, dto: LoginDto): Promise<TokensDto> {
    const username = dto.username.trim().toLowerCase();
    await this.throttle.assertAllowed('login', username, caller.ip);
    const account = await this.accounts.findByUsername(username);
    const matches = await verifyPassword(account?.passwordHash ?? null, dto.password);
    if (!account || !matches) {
      await this.throttle.failed('login', username, caller.ip);
      this.logger.warn({ username, ip: caller.ip, requestId: caller.requestId }, 'failed login');
      throw unauthenticated('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.throttle.succeeded('login', username);
    if (account.disabledAt) throw forbidden('ACCOUNT_DISABLED', 'This account is disabled: ask an administrator');
    return this.openPasswordSession(caller, account.id, account.role);
  }

  @Transactional()
  private async openPasswordSession(caller: Caller, accountId: string, role: TokensDto['role']): Promise<TokensDto> {
    const { session, tokens } = await this.sessions.open({
      accountId,
      kind: 'password',
      role,
      scope: {},
      expiresAt: this.sessions.passwordSessionExpiry(),
    });
    await this.audit.record(
      { accountId, role, sessionId: session.id, requestId: caller.requestId },
      {
        action: 'auth.login',
        entity: 'session',
        entityId: session.id,
        tournamentId: null,
        after: { kind: 'password', ip: caller.ip },
      },
    );
    return withRole(tokens, role);
  }

  async refresh(refreshToken: string): Promise<TokensDto> {
    const { session, tokens } = await this.sessions.refresh(refreshToken);
    return withRole(tokens, session.role);
  }

  @Transactional()
  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, 'logout');
    await this.audit.record(actor, {
      action: 'auth.logout',
      entity: 'session',
      entityId: actor.sessionId,
      tournamentId: null,
    });
  }

  /** Changes one's own password; every session of the account ends (log in again everywhere). */
  async changePassword(actor: Actor, caller: Caller, dto: ChangePasswordDto): Promise<void> {
    if (!actor.accountId) throw forbidden('PASSWORD_SESSION_REQUIRED', 'A game-code device has no password to change');
    const account = await this.accounts.getEntity(actor.accountId);
    await this.throttle.assertAllowed('login', account.username, caller.ip);
    if (!(await verifyPassword(account.passwordHash, dto.currentPassword))) {
      await this.throttle.failed('login', account.username, caller.ip);
      throw invalid('CURRENT_PASSWORD_WRONG', 'The current password is wrong', [
        { field: 'currentPassword', reason: 'does not match' },
      ]);
    }
    if (dto.newPassword === dto.currentPassword) {
      throw invalid('PASSWORD_UNCHANGED', 'Choose a password different from the current one', [
        { field: 'newPassword', reason: 'is the current password' },
      ]);
    }
    await this.txHost.run(async () => {
      await this.accounts.setPassword(account, dto.newPassword);
      await this.audit.record(actor, {
        action: 'account.password_change',
        entity: 'account',
        entityId: account.id,
        tournamentId: null,
      });
    });
  }

  async me(actor: Actor): Promise<MeDto> {
    const account = actor.accountId ? toAccountDto(await this.accounts.getEntity(actor.accountId)) : null;
    return { sessionId: actor.sessionId, kind: actor.kind, role: actor.role, scope: actor.scope, account };
  }
}

export const withRole = (tokens: TokenPair, role: TokensDto['role']): TokensDto => ({
  ...tokens,
  tokenType: 'Bearer',
  role,
});
