import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { fetchPage, type Page } from '../../common/pagination/page.js';
import {
  assertRostersReadyToStart,
  rosterLock,
  type RosterLock,
  type TeamRosterSize,
} from '../../domain/registration/roster.js';
import { resolveRules } from '../../domain/registration/tournament-rules.js';
import { nameIndex } from '../../domain/shared/chinese-text.js';
import { canCreateTournament } from '../../domain/access/tournament-policy.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitsService } from '../units/units.service.js';
import type { Principal } from '../../domain/access/principal.js';
import { TournamentOrganisersService } from './tournament-organisers.service.js';
import type { AuditQueryDto } from '../audit/audit.dto.js';
import type { InviteOrganiserDto } from './organiser.dto.js';
import type { CreateTournamentDto, TournamentDto, TournamentQueryDto, UpdateTournamentDto } from './tournament.dto.js';
import { TournamentEntity } from './tournament.entity.js';
import { toTournamentDto } from './tournament.mapper.js';

@Injectable()
export class TournamentsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly units: UnitsService,
    private readonly organisers: TournamentOrganisersService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(TournamentEntity);
  }

  async list(query: TournamentQueryDto): Promise<Page<TournamentDto>> {
    const qb = this.repo.createQueryBuilder('tournament');
    if (query.status) qb.andWhere('tournament.status = :status', { status: query.status });
    if (query.season) qb.andWhere('tournament.season = :season', { season: query.season });
    return fetchPage(qb, query, (t) => toTournamentDto(t));
  }

  /** The tournaments the caller organises (owner or co-organiser). */
  async listOrganisedBy(actor: Actor, query: TournamentQueryDto): Promise<Page<TournamentDto>> {
    const qb = this.repo
      .createQueryBuilder('tournament')
      .innerJoin(
        'tournament_organiser',
        'organiser',
        'organiser.tournament_id = tournament.id AND organiser.account_id = :me',
        { me: actor.accountId },
      );
    if (query.status) qb.andWhere('tournament.status = :status', { status: query.status });
    if (query.season) qb.andWhere('tournament.season = :season', { season: query.season });
    return fetchPage(qb, query, (t) => toTournamentDto(t));
  }

  async get(id: string): Promise<TournamentDto> {
    return toTournamentDto(await this.getEntity(id));
  }

  /** For other modules. With `field`, a missing tournament is the caller's bad input (400), not a 404 route. */
  async getEntity(id: string, options: { field?: string; lock?: boolean } = {}): Promise<TournamentEntity> {
    const t = await this.repo.findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (t) return t;
    if (options.field)
      throw invalid('TOURNAMENT_NOT_FOUND', `Tournament ${id} does not exist`, [
        { field: options.field, reason: 'no tournament with this id' },
      ]);
    throw notFound('TOURNAMENT_NOT_FOUND', `Tournament ${id} does not exist`);
  }

  /**
   * For other modules: 403 unless the caller organises the tournament (or is an administrator).
   * A tournament that does not exist is a 404 first.
   */
  async assertCanManage(principal: Principal, tournamentId: string): Promise<TournamentEntity> {
    const tournament = await this.getEntity(tournamentId);
    await this.organisers.assertCanManage(principal, tournamentId);
    return tournament;
  }

  /** Whether the caller is an owner or co-organiser of the tournament. */
  async organises(principal: Principal, tournamentId: string): Promise<boolean> {
    return (await this.organisers.membership(tournamentId, principal.accountId)) !== null;
  }

  async listOrganisers(actor: Actor, id: string) {
    return this.organisers.list(actor, await this.getEntity(id));
  }

  async inviteOrganiser(actor: Actor, id: string, dto: InviteOrganiserDto) {
    return this.organisers.invite(actor, await this.getEntity(id), dto);
  }

  async removeOrganiser(actor: Actor, id: string, accountId: string) {
    return this.organisers.remove(actor, await this.getEntity(id), accountId);
  }

  async auditLog(actor: Actor, id: string, query: AuditQueryDto) {
    await this.assertCanManage(actor, id);
    return this.audit.list(query, id);
  }

  /** Whether the tournament's rosters are locked now (time or start). */
  async rosterLock(tournamentId: string): Promise<{ tournament: TournamentEntity; lock: RosterLock }> {
    const tournament = await this.getEntity(tournamentId);
    return { tournament, lock: rosterLock(tournament.status, tournament.rules, new Date()) };
  }

  /** Every unit the tournament names (主办, 承办, 协办) exists; a missing one is named by its field and index. */
  private async assertUnitsExist(dto: UpdateTournamentDto): Promise<void> {
    if (dto.hostUnitId) await this.units.getEntity(dto.hostUnitId, 'hostUnitId');
    for (const field of ['organiserUnitIds', 'coOrganiserUnitIds'] as const) {
      for (const [i, unitId] of (dto[field] ?? []).entries()) await this.units.getEntity(unitId, `${field}[${i}]`);
    }
  }

  @Transactional()
  async create(actor: Actor, dto: CreateTournamentDto): Promise<TournamentDto> {
    if (!canCreateTournament(actor))
      throw forbidden('TOURNAMENT_CREATE_FORBIDDEN', 'Only organisers create tournaments');
    assertDates(dto.startsOn, dto.endsOn);
    await this.assertUnitsExist(dto);
    const t = this.repo.create({
      name: dto.name,
      season: dto.season,
      venue: dto.venue ?? null,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      hostUnitId: dto.hostUnitId ?? null,
      organiserUnitIds: dto.organiserUnitIds ?? [],
      coOrganiserUnitIds: dto.coOrganiserUnitIds ?? [],
      rules: resolveRules(dto.rules ?? {}),
      language: dto.language ?? 'zh',
      status: 'registration',
      ownerAccountId: actor.accountId,
      ...nameIndex(dto.name),
    });
    const saved = await this.repo.save(t);
    if (actor.accountId) await this.organisers.addOwner(saved.id, actor.accountId);
    const after = toTournamentDto(saved);
    await this.audit.record(actor, {
      action: 'tournament.create',
      entity: 'tournament',
      entityId: saved.id,
      tournamentId: saved.id,
      after,
    });
    return after;
  }

  @Transactional()
  async update(actor: Actor, id: string, dto: UpdateTournamentDto): Promise<TournamentDto> {
    const t = await this.getEntity(id, { lock: true });
    await this.organisers.assertCanManage(actor, id);
    const before = toTournamentDto(t);
    assertDates(dto.startsOn ?? t.startsOn, dto.endsOn ?? t.endsOn);
    await this.assertUnitsExist(dto);
    const { rules, ...rest } = dto;
    Object.assign(t, rest, dto.name ? nameIndex(dto.name) : {});
    if (rules) t.rules = resolveRules(rules, t.rules);
    const after = toTournamentDto(await this.repo.save(t));
    await this.audit.record(actor, {
      action: 'tournament.update',
      entity: 'tournament',
      entityId: id,
      tournamentId: id,
      before,
      after,
    });
    return after;
  }

  /** Starts the tournament: rosters must be within the size limits; they lock from now on. */
  @Transactional()
  async start(
    actor: Actor,
    id: string,
    rosterSizes: (tournamentId: string) => Promise<TeamRosterSize[]>,
  ): Promise<TournamentDto> {
    const t = await this.getEntity(id, { lock: true });
    await this.organisers.assertCanManage(actor, id);
    const before = toTournamentDto(t);
    if (t.status !== 'registration') {
      throw conflict(
        'TOURNAMENT_ALREADY_STARTED',
        `Tournament is ${t.status}; only a tournament in registration can start`,
      );
    }
    assertRostersReadyToStart(await rosterSizes(id), t.rules);
    t.status = 'in_progress';
    const after = toTournamentDto(await this.repo.save(t));
    await this.audit.record(actor, {
      action: 'tournament.start',
      entity: 'tournament',
      entityId: id,
      tournamentId: id,
      before,
      after,
    });
    return after;
  }
}

function assertDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) {
    throw invalid('TOURNAMENT_DATES_INVALID', 'The tournament cannot end before it starts', [
      { field: 'endsOn', reason: `must be on or after startsOn (${startsOn})` },
    ]);
  }
}
