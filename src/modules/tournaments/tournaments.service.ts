import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { fetchPage, type Page } from '../../common/pagination/page.js';
import { assertRostersReadyToStart, rosterLock, type RosterLock, type TeamRosterSize } from '../../domain/registration/roster.js';
import { resolveRules } from '../../domain/registration/tournament-rules.js';
import { nameIndex } from '../../domain/shared/chinese-text.js';
import { conflict, invalid, notFound } from '../../domain/shared/domain-error.js';
import { UnitsService } from '../units/units.service.js';
import type { CreateTournamentDto, TournamentDto, TournamentQueryDto, UpdateTournamentDto } from './tournament.dto.js';
import { TournamentEntity } from './tournament.entity.js';
import { toTournamentDto } from './tournament.mapper.js';

@Injectable()
export class TournamentsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly units: UnitsService,
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

  async get(id: string): Promise<TournamentDto> {
    return toTournamentDto(await this.getEntity(id));
  }

  /** For other modules. With `field`, a missing tournament is the caller's bad input (400), not a 404 route. */
  async getEntity(id: string, options: { field?: string; lock?: boolean } = {}): Promise<TournamentEntity> {
    const t = await this.repo.findOne({ where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (t) return t;
    if (options.field) throw invalid('TOURNAMENT_NOT_FOUND', `Tournament ${id} does not exist`, [{ field: options.field, reason: 'no tournament with this id' }]);
    throw notFound('TOURNAMENT_NOT_FOUND', `Tournament ${id} does not exist`);
  }

  /** Whether the tournament's rosters are locked now (time or start). */
  async rosterLock(tournamentId: string): Promise<{ tournament: TournamentEntity; lock: RosterLock }> {
    const tournament = await this.getEntity(tournamentId);
    return { tournament, lock: rosterLock(tournament.status, tournament.rules, new Date()) };
  }

  @Transactional()
  async create(dto: CreateTournamentDto): Promise<TournamentDto> {
    assertDates(dto.startsOn, dto.endsOn);
    if (dto.hostUnitId) await this.units.getEntity(dto.hostUnitId, 'hostUnitId');
    const t = this.repo.create({
      name: dto.name,
      season: dto.season,
      venue: dto.venue ?? null,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      hostUnitId: dto.hostUnitId ?? null,
      rules: resolveRules(dto.rules ?? {}),
      status: 'registration',
      ...nameIndex(dto.name),
    });
    return toTournamentDto(await this.repo.save(t));
  }

  @Transactional()
  async update(id: string, dto: UpdateTournamentDto): Promise<TournamentDto> {
    const t = await this.getEntity(id, { lock: true });
    assertDates(dto.startsOn ?? t.startsOn, dto.endsOn ?? t.endsOn);
    if (dto.hostUnitId) await this.units.getEntity(dto.hostUnitId, 'hostUnitId');
    const { rules, ...rest } = dto;
    Object.assign(t, rest, dto.name ? nameIndex(dto.name) : {});
    if (rules) t.rules = resolveRules(rules, t.rules);
    return toTournamentDto(await this.repo.save(t));
  }

  /** Starts the tournament: rosters must be within the size limits; they lock from now on. */
  @Transactional()
  async start(id: string, rosterSizes: (tournamentId: string) => Promise<TeamRosterSize[]>): Promise<TournamentDto> {
    const t = await this.getEntity(id, { lock: true });
    if (t.status !== 'registration') {
      throw conflict('TOURNAMENT_ALREADY_STARTED', `Tournament is ${t.status}; only a tournament in registration can start`);
    }
    assertRostersReadyToStart(await rosterSizes(id), t.rules);
    t.status = 'in_progress';
    return toTournamentDto(await this.repo.save(t));
  }
}

function assertDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) {
    throw invalid('TOURNAMENT_DATES_INVALID', 'The tournament cannot end before it starts', [{ field: 'endsOn', reason: `must be on or after startsOn (${startsOn})` }]);
  }
}
