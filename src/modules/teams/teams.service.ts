import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { fetchPage, type Page } from '../../common/pagination/page.js';
import { mapUnique } from '../../database/pg-errors.js';
import { nameIndex } from '../../domain/shared/chinese-text.js';
import { conflict, notFound } from '../../domain/shared/domain-error.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { UnitsService } from '../units/units.service.js';
import type { CreateTeamDto, TeamDto, TeamQueryDto, UpdateTeamDto } from './team.dto.js';
import { TeamEntity } from './team.entity.js';
import { toTeamDto } from './team.mapper.js';

const UNIQUE = {
  uq_team_tournament_name: {
    code: 'TEAM_NAME_TAKEN',
    field: 'name',
    reason: 'a team with this name is already in the tournament',
  },
};
// Roster size is counted in SQL so lists need one query; it reads the player table by name only.
const ROSTER_SIZE = '(SELECT count(*) FROM player p WHERE p.team_id = team.id AND p.removed_at IS NULL)';

@Injectable()
export class TeamsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(TeamEntity);
  }

  async list(tournamentId: string, query: TeamQueryDto): Promise<Page<TeamDto>> {
    await this.tournaments.getEntity(tournamentId);
    const qb = this.repo.createQueryBuilder('team').where('team.tournament_id = :tournamentId', { tournamentId });
    if (query.unitId) qb.andWhere('team.unit_id = :unitId', { unitId: query.unitId });
    const page = await fetchPage(qb, query, (t) => t);
    const sizes = await this.rosterSizesOf(page.items.map((t) => t.id));
    return { ...page, items: page.items.map((t) => toTeamDto(t, sizes.get(t.id) ?? 0)) };
  }

  async get(id: string): Promise<TeamDto> {
    const team = await this.getEntity(id);
    return toTeamDto(team, (await this.rosterSizesOf([id])).get(id) ?? 0);
  }

  /** For other modules; `lock` serialises roster changes of one team. */
  async getEntity(id: string, options: { lock?: boolean } = {}): Promise<TeamEntity> {
    const team = await this.repo.findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!team) throw notFound('TEAM_NOT_FOUND', `Team ${id} does not exist`);
    return team;
  }

  /** Teams of a tournament with their roster sizes (for the start check). */
  async rosterSizes(tournamentId: string): Promise<Array<{ teamId: string; teamName: string; size: number }>> {
    const rows: Array<{ id: string; name: string; size: string }> = await this.repo.query(
      `SELECT team.id, team.name, ${ROSTER_SIZE} AS size FROM team WHERE team.tournament_id = $1 ORDER BY team.sort_key`,
      [tournamentId],
    );
    return rows.map((r) => ({ teamId: r.id, teamName: r.name, size: Number(r.size) }));
  }

  private async rosterSizesOf(teamIds: string[]): Promise<Map<string, number>> {
    if (teamIds.length === 0) return new Map();
    const rows: Array<{ team_id: string; size: string }> = await this.repo.query(
      'SELECT team_id, count(*) AS size FROM player WHERE team_id = ANY($1) AND removed_at IS NULL GROUP BY team_id',
      [teamIds],
    );
    return new Map(rows.map((r) => [r.team_id, Number(r.size)]));
  }

  @Transactional()
  async create(actor: Actor, tournamentId: string, dto: CreateTeamDto): Promise<TeamDto> {
    const tournament = await this.tournaments.assertCanManage(actor, tournamentId);
    if (tournament.status !== 'registration') {
      throw conflict('TOURNAMENT_ALREADY_STARTED', 'Teams can only be entered while the tournament is in registration');
    }
    await this.units.getEntity(dto.unitId, 'unitId');
    const team = this.repo.create({
      tournamentId,
      unitId: dto.unitId,
      name: dto.name,
      shortName: dto.shortName ?? null,
      primaryColor: dto.primaryColor ?? null,
      secondaryColor: dto.secondaryColor ?? null,
      leaderName: dto.leaderName ?? null,
      coachName: dto.coachName ?? null,
      assistantCoachName: dto.assistantCoachName ?? null,
      doctorName: dto.doctorName ?? null,
      ...nameIndex(dto.name),
    });
    const after = toTeamDto(await mapUnique(() => this.repo.save(team), UNIQUE), 0);
    await this.audit.record(actor, { action: 'team.create', entity: 'team', entityId: after.id, tournamentId, after });
    return after;
  }

  @Transactional()
  async update(actor: Actor, id: string, dto: UpdateTeamDto): Promise<TeamDto> {
    const team = await this.getEntity(id, { lock: true });
    await this.tournaments.assertCanManage(actor, team.tournamentId);
    const before = await this.get(id);
    Object.assign(team, dto, dto.name ? nameIndex(dto.name) : {});
    await mapUnique(() => this.repo.save(team), UNIQUE);
    const after = await this.get(id);
    await this.audit.record(actor, {
      action: 'team.update',
      entity: 'team',
      entityId: id,
      tournamentId: team.tournamentId,
      before,
      after,
    });
    return after;
  }

  @Transactional()
  async remove(actor: Actor, id: string): Promise<void> {
    const team = await this.getEntity(id, { lock: true });
    const tournament = await this.tournaments.assertCanManage(actor, team.tournamentId);
    if (tournament.status !== 'registration') {
      throw conflict('TOURNAMENT_ALREADY_STARTED', 'A team cannot be withdrawn here once the tournament has started');
    }
    // Games keep the teams they were drawn or scheduled with: withdrawing one means removing those
    // games first (the database refuses it too; this says so in the user's terms).
    const [{ games }]: Array<{ games: number }> = await this.repo.query(
      'SELECT count(*)::int AS games FROM game WHERE home_team_id = $1 OR away_team_id = $1',
      [id],
    );
    if (games > 0)
      throw conflict(
        'TEAM_HAS_GAMES',
        `The team is in ${games} game(s): remove those games before withdrawing it`,
        [{ field: 'id', reason: `is in ${games} game(s)` }],
        { games },
      );
    const before = await this.get(id);
    await this.repo.delete({ id });
    await this.audit.record(actor, {
      action: 'team.remove',
      entity: 'team',
      entityId: id,
      tournamentId: team.tournamentId,
      before,
    });
  }
}
