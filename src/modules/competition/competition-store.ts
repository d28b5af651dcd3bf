import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { mapUnique } from '../../database/pg-errors.js';
import { TransactionHost } from '../../database/transaction.js';
import { conflict, notFound } from '../../domain/shared/domain-error.js';
import { GameFixtures, type FixtureRow } from '../games/game-fixtures.service.js';
import { TeamQueryDto } from '../teams/team.dto.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { CompetitionEntity } from './competition.entity.js';
import { CourtEntity } from './court.entity.js';

export interface TeamInfo {
  id: string;
  name: string;
  unitId: string;
}

/**
 * Loading and locking what every competition command and view reads: the competition row
 * (locked FOR UPDATE by commands, so one tournament's structure changes one command at a time),
 * the tournament's teams, its structure games from the games module, and its courts.
 */
@Injectable()
export class CompetitionStore {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly teamsService: TeamsService,
    private readonly fixtures: GameFixtures,
  ) {}

  get repo() {
    return this.txHost.tx.getRepository(CompetitionEntity);
  }

  /** Organisers of the tournament only; the row locked for the rest of the command. */
  async manage(actor: Actor, tournamentId: string): Promise<CompetitionEntity | null> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    return this.find(tournamentId, true);
  }

  async manageExisting(actor: Actor, tournamentId: string): Promise<CompetitionEntity> {
    const competition = await this.manage(actor, tournamentId);
    if (!competition) throw missing(tournamentId);
    return competition;
  }

  async find(tournamentId: string, lock = false): Promise<CompetitionEntity | null> {
    return this.repo.findOne({
      where: { tournamentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** For public reads: 404 when the tournament or its competition does not exist. */
  async get(tournamentId: string): Promise<CompetitionEntity> {
    await this.tournaments.getEntity(tournamentId);
    const competition = await this.find(tournamentId);
    if (!competition) throw missing(tournamentId);
    return competition;
  }

  async save(competition: CompetitionEntity): Promise<CompetitionEntity> {
    competition.version += 1;
    // Two first setups of one tournament racing: the second answers 409, not 500.
    return mapUnique(() => this.repo.save(competition), {
      uq_competition_tournament: {
        code: 'COMPETITION_CHANGED_CONCURRENTLY',
        field: 'tournamentId',
        reason: 'another organiser set up this competition at the same moment; read it and try again',
      },
    });
  }

  async teams(tournamentId: string): Promise<Map<string, TeamInfo>> {
    const out = new Map<string, TeamInfo>();
    for (let page = 1; ; page++) {
      const query = Object.assign(new TeamQueryDto(), { page, pageSize: 100, sort: 'createdAt' });
      const result = await this.teamsService.list(tournamentId, query);
      for (const t of result.items) out.set(t.id, { id: t.id, name: t.name, unitId: t.unitId });
      if (page * result.pageSize >= result.total) return out;
    }
  }

  /** Structure games by their structure id. */
  async rows(tournamentId: string): Promise<Map<string, FixtureRow>> {
    const rows = await this.fixtures.listForCompetition(tournamentId);
    return new Map(rows.map((r) => [r.competitionKey, r]));
  }

  async courts(tournamentId: string): Promise<CourtEntity[]> {
    return this.txHost.tx.getRepository(CourtEntity).find({
      where: { tournamentId },
      relations: { windows: true },
      order: { position: 'ASC', windows: { startsAt: 'ASC' } },
    });
  }
}

const missing = (tournamentId: string) =>
  notFound(
    'COMPETITION_NOT_FOUND',
    `Tournament ${tournamentId} has no competition format yet: PUT /tournaments/${tournamentId}/competition first`,
  );

/** The structure, or 409 while the groups are not drawn. */
export function structureOf(competition: CompetitionEntity) {
  if (!competition.structure) {
    throw conflict('COMPETITION_NOT_DRAWN', 'The groups are not drawn yet: the structure is built by the group draw');
  }
  return competition.structure;
}
