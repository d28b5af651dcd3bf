import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import type { Page } from '../../common/pagination/page.js';
import { mapUnique } from '../../database/pg-errors.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import {
  assertCanCreateAccount,
  assertCanDisable,
  assertCanManageAccount,
} from '../../domain/access/account-policy.js';
import { invalid, notFound } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccountEntity } from './account.entity.js';
import {
  toAccountDto,
  type AccountDto,
  type AccountQueryDto,
  type CreateAccountDto,
  type ResetPasswordDto,
  type UpdateAccountDto,
} from './account.dto.js';
import { hashPassword } from './password-hasher.js';

const UNIQUE = {
  uq_account_username: {
    code: 'ACCOUNT_USERNAME_TAKEN',
    field: 'username',
    reason: 'an account with this username already exists',
  },
};

@Injectable()
export class AccountsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(AccountEntity);
  }

  /** Administrators see every account; organisers the scorekeepers they created. */
  async list(actor: Actor, query: AccountQueryDto): Promise<Page<AccountDto>> {
    const qb = this.repo.createQueryBuilder('account');
    if (actor.role !== 'admin') qb.andWhere('account.created_by = :me', { me: actor.accountId });
    if (query.role) qb.andWhere('account.role = :role', { role: query.role });
    if (query.q) {
      const term = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(account.username LIKE :term OR lower(account.display_name) LIKE :term)', { term });
    }
    qb.orderBy('account.username', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toAccountDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<AccountDto> {
    const account = await this.getEntity(id);
    if (account.id !== actor.accountId) assertCanManageAccount(actor, account);
    return toAccountDto(account);
  }

  /** For other modules. With `field`, a missing account is the caller's bad input (400). */
  async getEntity(id: string, field?: string): Promise<AccountEntity> {
    const account = await this.repo.findOneBy({ id });
    if (account) return account;
    if (field)
      throw invalid('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`, [
        { field, reason: 'no account with this id' },
      ]);
    throw notFound('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
  }

  /** For other modules: by username (lower case), or a 400 naming the field. */
  async getByUsername(username: string, field: string): Promise<AccountEntity> {
    const account = await this.findByUsername(username);
    if (!account)
      throw invalid('ACCOUNT_NOT_FOUND', `No account is named ${username}`, [
        { field, reason: 'no account with this username' },
      ]);
    return account;
  }

  findByUsername(username: string): Promise<AccountEntity | null> {
    return this.repo.findOneBy({ username: username.trim().toLowerCase() });
  }

  @Transactional()
  async create(actor: Actor, dto: CreateAccountDto): Promise<AccountDto> {
    assertCanCreateAccount(actor, dto.role);
    const account = this.repo.create({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
      createdBy: actor.accountId,
      disabledAt: null,
    });
    const saved = toAccountDto(await mapUnique(() => this.repo.save(account), UNIQUE));
    await this.audit.record(actor, {
      action: 'account.create',
      entity: 'account',
      entityId: saved.id,
      tournamentId: null,
      after: saved,
    });
    return saved;
  }

  /** Renames, disables or enables an account; disabling ends its sessions at once. */
  @Transactional()
  async update(actor: Actor, id: string, dto: UpdateAccountDto): Promise<AccountDto> {
    const account = await this.lock(id);
    assertCanManageAccount(actor, account);
    const before = toAccountDto(account);
    if (dto.displayName !== undefined) account.displayName = dto.displayName;
    if (dto.disabled === true && !account.disabledAt) {
      assertCanDisable(actor, account);
      account.disabledAt = new Date();
      await this.sessions.revokeAllOfAccount(account.id, 'account_disabled');
    }
    if (dto.disabled === false) account.disabledAt = null;
    const after = toAccountDto(await this.repo.save(account));
    await this.audit.record(actor, {
      action: 'account.update',
      entity: 'account',
      entityId: id,
      tournamentId: null,
      before,
      after,
    });
    return after;
  }

  /** Sets a new password for someone who lost theirs; their sessions end. */
  @Transactional()
  async resetPassword(actor: Actor, id: string, dto: ResetPasswordDto): Promise<void> {
    const account = await this.lock(id);
    assertCanManageAccount(actor, account);
    await this.setPassword(account, dto.newPassword);
    await this.audit.record(actor, {
      action: 'account.password_reset',
      entity: 'account',
      entityId: id,
      tournamentId: null,
    });
  }

  /** For the auth module (own password change) and resets: new hash, every session revoked. */
  async setPassword(account: AccountEntity, password: string): Promise<void> {
    account.passwordHash = await hashPassword(password);
    await this.repo.save(account);
    await this.sessions.revokeAllOfAccount(account.id, 'password_changed');
  }

  private async lock(id: string): Promise<AccountEntity> {
    const account = await this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', `Account ${id} does not exist`);
    return account;
  }
}
