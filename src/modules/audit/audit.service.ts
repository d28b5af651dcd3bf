import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../database/transaction.js';
import type { Actor } from '../../common/auth/actor.js';
import type { Page } from '../../common/pagination/page.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import type { AuditEntryDto, AuditQueryDto } from './audit.dto.js';

export interface AuditRecord {
  /** entity.verb, e.g. team.update */
  action: string;
  entity: string;
  entityId: string | null;
  tournamentId: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * The audit log. `record` writes in the caller's transaction, so an entry exists exactly
 * when the change it describes was committed.
 */
@Injectable()
export class AuditService {
  constructor(private readonly txHost: TransactionHost) {}

  private get repo() {
    return this.txHost.tx.getRepository(AuditEntryEntity);
  }

  async record(
    actor: Pick<Actor, 'accountId' | 'role' | 'sessionId' | 'requestId'>,
    entry: AuditRecord,
  ): Promise<void> {
    if (!this.txHost.inTransaction)
      throw new Error(`audit ${entry.action}: record() must run inside the command's transaction`);
    await this.repo.save(
      this.repo.create({
        accountId: actor.accountId,
        role: actor.role,
        sessionId: actor.sessionId,
        requestId: actor.requestId,
        tournamentId: entry.tournamentId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: (entry.before ?? null) as Record<string, unknown> | null,
        after: (entry.after ?? null) as Record<string, unknown> | null,
      }),
    );
  }

  /** Newest first. */
  async list(query: AuditQueryDto, tournamentId?: string): Promise<Page<AuditEntryDto>> {
    const qb = this.repo.createQueryBuilder('entry');
    if (tournamentId) qb.andWhere('entry.tournament_id = :tournamentId', { tournamentId });
    else if (query.tournamentId)
      qb.andWhere('entry.tournament_id = :tournamentId', { tournamentId: query.tournamentId });
    if (query.action) qb.andWhere('entry.action = :action', { action: query.action });
    if (query.accountId) qb.andWhere('entry.account_id = :accountId', { accountId: query.accountId });
    qb.orderBy('entry.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toAuditEntryDto), total, page: query.page, pageSize: query.pageSize };
  }
}

const toAuditEntryDto = (e: AuditEntryEntity): AuditEntryDto => ({
  id: Number(e.id),
  at: e.at.toISOString(),
  accountId: e.accountId,
  role: e.role,
  sessionId: e.sessionId,
  tournamentId: e.tournamentId,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
});
