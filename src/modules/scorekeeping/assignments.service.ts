import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { accountIdOf, type Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { assignmentTargetProblem } from '../../domain/access/scorekeeping-policy.js';
import { conflict, invalid, notFound } from '../../domain/shared/domain-error.js';
import type { AccountEntity } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { GameDirectory } from '../games/game-directory.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { AssignmentDto, AssignmentQueryDto, CreateAssignmentDto } from './scorekeeping.dto.js';
import { ScorekeeperAssignmentEntity } from './scorekeeper-assignment.entity.js';

/** Organisers assign scorekeeper accounts to games, or to a court for a day. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly games: GameDirectory,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(ScorekeeperAssignmentEntity);
  }

  async list(actor: Actor, tournamentId: string, query: AssignmentQueryDto): Promise<AssignmentDto[]> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const rows = await this.repo.find({
      where: { tournamentId, ...(query.includeRemoved ? {} : { revokedAt: IsNull() }) },
      order: { createdAt: 'ASC' },
    });
    const out: AssignmentDto[] = [];
    for (const row of rows) out.push(toAssignmentDto(row, await this.accounts.getEntity(row.accountId)));
    return out;
  }

  @Transactional()
  async create(actor: Actor, tournamentId: string, dto: CreateAssignmentDto): Promise<AssignmentDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const problem = assignmentTargetProblem(dto);
    if (problem)
      throw invalid('ASSIGNMENT_TARGET_INVALID', `An assignment needs one target: ${problem}`, [
        { field: targetField(dto), reason: problem },
      ]);
    if (dto.gameId) await this.games.assertInTournament(dto.gameId, tournamentId);
    const account = await this.accounts.getByUsername(dto.username, 'username');
    if (account.role !== 'scorekeeper' || account.disabledAt) {
      throw invalid('SCOREKEEPER_ACCOUNT_REQUIRED', 'Only an enabled scorekeeper account can be assigned', [
        { field: 'username', reason: `is ${account.disabledAt ? 'disabled' : `an ${account.role} account`}` },
      ]);
    }
    const target = {
      gameId: dto.gameId ?? null,
      court: dto.gameId ? null : (dto.court ?? null),
      day: dto.gameId ? null : (dto.day ?? null),
    };
    if (await this.repo.existsBy({ tournamentId, accountId: account.id, revokedAt: IsNull(), ...nullable(target) })) {
      throw conflict('ASSIGNMENT_EXISTS', `${account.username} already has this assignment`);
    }
    const saved = await this.repo.save(
      this.repo.create({
        tournamentId,
        accountId: account.id,
        ...target,
        createdBy: accountIdOf(actor),
        revokedAt: null,
      }),
    );
    const after = toAssignmentDto(saved, account);
    await this.audit.record(actor, {
      action: 'scorekeeper_assignment.create',
      entity: 'scorekeeper_assignment',
      entityId: saved.id,
      tournamentId,
      after,
    });
    return after;
  }

  /**
   * Removes an assignment, and ends every session of that scorekeeper at once (their tokens
   * stop working; the live gateway closes their sockets). Their other assignments stay: they
   * log in again to use them.
   */
  @Transactional()
  async remove(actor: Actor, tournamentId: string, id: string): Promise<void> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const row = await this.repo.findOne({ where: { id, tournamentId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('ASSIGNMENT_NOT_FOUND', `No assignment ${id} in this tournament`);
    if (row.revokedAt) throw conflict('ASSIGNMENT_ALREADY_REMOVED', 'This assignment was already removed');
    const account = await this.accounts.getEntity(row.accountId);
    const before = toAssignmentDto(row, account);
    row.revokedAt = new Date();
    await this.repo.save(row);
    await this.sessions.revokeAllOfAccount(row.accountId, 'scorekeeper_removed');
    await this.audit.record(actor, {
      action: 'scorekeeper_assignment.remove',
      entity: 'scorekeeper_assignment',
      entityId: id,
      tournamentId,
      before,
      after: toAssignmentDto(row, account),
    });
  }
}

/** TypeORM matches null only through IsNull(). */
/** The field an invalid target is missing or has too many of: `day` when only the court is given. */
function targetField(dto: CreateAssignmentDto): string {
  if (dto.gameId) return dto.court ? 'court' : 'day';
  if (dto.court && !dto.day) return 'day';
  if (dto.day && !dto.court) return 'court';
  return 'gameId';
}

function nullable(target: { gameId: string | null; court: string | null; day: string | null }) {
  return Object.fromEntries(Object.entries(target).map(([k, v]) => [k, v === null ? IsNull() : v]));
}

const toAssignmentDto = (a: ScorekeeperAssignmentEntity, account: AccountEntity): AssignmentDto => ({
  id: a.id,
  tournamentId: a.tournamentId,
  accountId: a.accountId,
  username: account.username,
  displayName: account.displayName,
  gameId: a.gameId,
  court: a.court,
  day: a.day,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  removedAt: a.revokedAt?.toISOString() ?? null,
});
