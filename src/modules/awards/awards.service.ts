import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { validateAwardDecisions, type AwardDecision, type DecidedAwardKey } from '../../domain/awards/index.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { AuditService } from '../audit/audit.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { AwardDecisionEntity } from './award-decision.entity.js';
import { AwardRecipients } from './award-recipients.js';
import type { AwardDecisionDto, DecideAwardDto } from './awards.dto.js';
import { decisionOf, toAwardDecisionDto } from './awards.mapper.js';

/**
 * The organisers' award decisions. One transaction per command: the tournament's decisions are
 * read under lock, the new set is checked as a whole by src/domain/awards (recipient kinds,
 * counts, no one twice), written, and audited; the tournament's room hears of it after commit.
 */
@Injectable()
export class AwardsService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly recipients: AwardRecipients,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(AwardDecisionEntity);
  }

  /** Stored decisions, in the order awards are published. */
  async list(tournamentId: string): Promise<AwardDecisionEntity[]> {
    const rows = await this.repo.find({ where: { tournamentId } });
    const order: DecidedAwardKey[] = ['mvp', 'all_tournament_team', 'sportsmanship', 'best_organising_unit'];
    return rows.sort((a, b) => order.indexOf(a.awardKey) - order.indexOf(b.awardKey));
  }

  @Transactional()
  async decide(
    actor: Actor,
    tournamentId: string,
    key: DecidedAwardKey,
    dto: DecideAwardDto,
  ): Promise<AwardDecisionDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    // Decisions of one tournament change one command at a time.
    await this.tournaments.getEntity(tournamentId, { lock: true });
    const existing = await this.list(tournamentId);
    const before = existing.find((d) => d.awardKey === key) ?? null;
    const decision: AwardDecision = {
      key,
      recipients: dto.recipients.map((r) => ({ type: r.type, id: r.id })),
      ...(dto.citation ? { citation: dto.citation } : {}),
      ...(dto.labelZh ? { labelZh: dto.labelZh } : {}),
      ...(dto.labelEn ? { labelEn: dto.labelEn } : {}),
    };
    // The new decision first, so its problems are reported on this request's own fields.
    const all = [decision, ...existing.filter((d) => d.awardKey !== key).map(decisionOf)];
    const registry = await this.recipients.registry(
      tournamentId,
      all.flatMap((d) => d.recipients.map((r) => r.id)),
    );
    try {
      validateAwardDecisions(all, registry);
    } catch (e) {
      throw e instanceof DomainError ? asRequestFields(e) : e;
    }
    const saved = await this.repo.save(
      this.repo.create({
        tournamentId,
        awardKey: key,
        recipients: decision.recipients,
        citation: decision.citation ?? null,
        labelZh: decision.labelZh ?? null,
        labelEn: decision.labelEn ?? null,
        decidedBy: actor.accountId,
        version: (before?.version ?? 0) + 1,
      }),
    );
    await this.audit.record(actor, {
      action: 'awards.decided',
      entity: 'award_decision',
      entityId: key,
      tournamentId,
      before: before && decisionOf(before),
      after: decision,
    });
    this.delivery.tournamentChanged(tournamentId, ['awards']);
    return toAwardDecisionDto(saved, await this.recipients.describe(tournamentId, saved.recipients));
  }

  @Transactional()
  async withdraw(actor: Actor, tournamentId: string, key: DecidedAwardKey): Promise<void> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    await this.tournaments.getEntity(tournamentId, { lock: true });
    const before = await this.repo.findOneBy({ tournamentId, awardKey: key });
    if (!before) throw notFound('AWARDS_NOT_DECIDED', `${key} has not been decided for this tournament`);
    await this.repo.delete({ tournamentId, awardKey: key });
    await this.audit.record(actor, {
      action: 'awards.withdrawn',
      entity: 'award_decision',
      entityId: key,
      tournamentId,
      before: decisionOf(before),
      after: null,
    });
    this.delivery.tournamentChanged(tournamentId, ['awards']);
  }
}

/** `decisions[0].recipients[2].id` -> `recipients[2].id`: the request holds one decision. */
function asRequestFields(e: DomainError): DomainError {
  const details = e.details.map((d) => ({ ...d, field: d.field.replace(/^decisions\[0\]\./, '') }));
  return new DomainError(e.code, e.kind, e.message, details, e.context);
}
