import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import type { Principal } from '../../domain/access/principal.js';
import {
  assertCanBecomeCoOrganiser,
  assertCanChangeOrganisers,
  assertCanManageTournament,
  type OrganiserRole,
} from '../../domain/access/tournament-policy.js';
import { conflict, notFound } from '../../domain/shared/domain-error.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { InviteOrganiserDto, OrganiserDto } from './organiser.dto.js';
import { TournamentOrganiserEntity } from './tournament-organiser.entity.js';
import { TournamentEntity } from './tournament.entity.js';

/** Who organises which tournament, and the object-level check every tournament write goes through. */
@Injectable()
export class TournamentOrganisersService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(TournamentOrganiserEntity);
  }

  async membership(tournamentId: string, accountId: string | null): Promise<OrganiserRole | null> {
    if (!accountId) return null;
    const row = await this.repo.findOneBy({ tournamentId, accountId });
    return row?.role ?? null;
  }

  /** The caller organises the tournament (or is an administrator); otherwise 403. */
  async assertCanManage(principal: Principal, tournamentId: string): Promise<void> {
    assertCanManageTournament(principal, await this.membership(tournamentId, principal.accountId));
  }

  /** Records the creator as owner (in the creating transaction). */
  async addOwner(tournamentId: string, accountId: string): Promise<void> {
    await this.repo.insert({ tournamentId, accountId, role: 'owner', invitedBy: null });
  }

  async list(actor: Actor, tournament: TournamentEntity): Promise<OrganiserDto[]> {
    await this.assertCanManage(actor, tournament.id);
    const rows = await this.repo.find({ where: { tournamentId: tournament.id }, order: { createdAt: 'ASC' } });
    const out: OrganiserDto[] = [];
    for (const row of rows) out.push(await this.toDto(row));
    return out;
  }

  @Transactional()
  async invite(actor: Actor, tournament: TournamentEntity, dto: InviteOrganiserDto): Promise<OrganiserDto> {
    assertCanChangeOrganisers(actor, await this.membership(tournament.id, actor.accountId));
    const account = await this.accounts.getByUsername(dto.username, 'username');
    const current = await this.membership(tournament.id, account.id);
    assertCanBecomeCoOrganiser({ role: account.role, disabled: account.disabledAt !== null }, current);
    if (current)
      throw conflict('ORGANISER_ALREADY', `${account.username} already co-organises this tournament`, [
        { field: 'username', reason: 'already an organiser here' },
      ]);
    await this.repo.insert({
      tournamentId: tournament.id,
      accountId: account.id,
      role: 'co_organiser',
      invitedBy: actor.accountId,
    });
    const dtoOut = await this.toDto(
      (await this.repo.findOneBy({ tournamentId: tournament.id, accountId: account.id }))!,
    );
    await this.audit.record(actor, {
      action: 'tournament_organiser.add',
      entity: 'tournament_organiser',
      entityId: account.id,
      tournamentId: tournament.id,
      after: dtoOut,
    });
    return dtoOut;
  }

  @Transactional()
  async remove(actor: Actor, tournament: TournamentEntity, accountId: string): Promise<void> {
    assertCanChangeOrganisers(actor, await this.membership(tournament.id, actor.accountId));
    const row = await this.repo.findOneBy({ tournamentId: tournament.id, accountId });
    if (!row) throw notFound('ORGANISER_NOT_FOUND', 'That account does not organise this tournament');
    if (row.role === 'owner')
      throw conflict('TOURNAMENT_OWNER_REMOVAL', 'The owner cannot be removed from their tournament');
    const before = await this.toDto(row);
    await this.repo.delete({ tournamentId: tournament.id, accountId });
    await this.audit.record(actor, {
      action: 'tournament_organiser.remove',
      entity: 'tournament_organiser',
      entityId: accountId,
      tournamentId: tournament.id,
      before,
    });
  }

  private async toDto(row: TournamentOrganiserEntity): Promise<OrganiserDto> {
    const account = await this.accounts.getEntity(row.accountId);
    return {
      accountId: row.accountId,
      username: account.username,
      displayName: account.displayName,
      role: row.role,
      invitedBy: row.invitedBy,
      since: row.createdAt.toISOString(),
    };
  }
}
