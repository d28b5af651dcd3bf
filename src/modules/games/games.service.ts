import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { mapUnique } from '../../database/pg-errors.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { resolveCorrections } from '../../domain/game/index.js';
import { conflict, invalid, notFound } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import type { CreateGameDto, GameDto, GameQueryDto } from './game.dto.js';
import { GameEntity } from './game.entity.js';
import { toBoxScoreView, toGameDto, toPlayEventDto, type BoxScoreView } from './game.mapper.js';
import { GameStore } from './game-store.js';
import type { PlaysPageDto, PlaysQueryDto } from './play-event.dto.js';

const UNIQUE = {
  uq_game_competition_key: {
    code: 'GAME_COMPETITION_KEY_TAKEN',
    field: 'competitionKey',
    reason: 'another game of this tournament has this key',
  },
};

/** Games of a tournament: creating them and reading them (fans read without logging in). */
@Injectable()
export class GamesService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly teams: TeamsService,
    private readonly store: GameStore,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(GameEntity);
  }

  @Transactional()
  async create(actor: Actor, tournamentId: string, dto: CreateGameDto): Promise<GameDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const homeTeamId = dto.homeTeamId ?? null;
    const awayTeamId = dto.awayTeamId ?? null;
    if (homeTeamId !== null && homeTeamId === awayTeamId) {
      throw invalid('GAME_SAME_TEAMS', 'A team cannot play itself', [
        { field: 'awayTeamId', reason: 'must differ from homeTeamId' },
      ]);
    }
    for (const [field, teamId] of [
      ['homeTeamId', homeTeamId],
      ['awayTeamId', awayTeamId],
    ] as const) {
      if (teamId !== null) await this.assertTeamOf(tournamentId, teamId, field);
    }
    const game = this.repo.create({
      tournamentId,
      homeTeamId,
      awayTeamId,
      competitionKey: dto.competitionKey ?? null,
      court: dto.court ?? null,
      scheduledAt: dto.scheduledAt ?? null,
      status: 'scheduled',
    });
    const saved = await mapUnique(() => this.repo.save(game), UNIQUE);
    const after = await this.get(saved.id);
    await this.audit.record(actor, {
      action: 'game.create',
      entity: 'game',
      entityId: saved.id,
      tournamentId,
      after: { ...after, live: null },
    });
    return after;
  }

  private async assertTeamOf(tournamentId: string, teamId: string, field: string): Promise<void> {
    const team = await this.teams.getEntity(teamId).catch(() => null);
    if (!team || team.tournamentId !== tournamentId) {
      throw invalid('GAME_TEAM_NOT_IN_TOURNAMENT', `Team ${teamId} is not entered in this tournament`, [
        { field, reason: 'must be a team of this tournament' },
      ]);
    }
  }

  async list(
    tournamentId: string,
    query: GameQueryDto,
  ): Promise<{ items: GameDto[]; total: number; page: number; pageSize: number }> {
    await this.tournaments.getEntity(tournamentId);
    const qb = this.repo
      .createQueryBuilder('game')
      .leftJoin('game.homeTeam', 'home')
      .leftJoin('game.awayTeam', 'away')
      .where('game.tournament_id = :tournamentId', { tournamentId });
    if (query.status) qb.andWhere('game.status = :status', { status: query.status });
    // Lists do not read the state column: scores, period and status are columns of their own.
    qb.select([
      'game.id',
      'game.tournamentId',
      'game.homeTeamId',
      'game.awayTeamId',
      'game.competitionKey',
      'game.court',
      'game.scheduledAt',
      'game.status',
    ])
      .addSelect([
        'game.homeScore',
        'game.awayScore',
        'game.period',
        'game.result',
        'game.homeStartingFive',
        'game.awayStartingFive',
        'game.version',
        'game.createdAt',
        'game.updatedAt',
      ])
      .addSelect([
        ...['home.id', 'home.name', 'home.shortName', 'home.primaryColor'],
        ...['away.id', 'away.name', 'away.shortName', 'away.primaryColor'],
      ])
      .orderBy('game.scheduled_at', 'ASC', 'NULLS LAST')
      .addOrderBy('game.created_at', 'ASC')
      .addOrderBy('game.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((g) => toGameDto(g, false)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<GameDto> {
    const [game] = await this.store.catchUp([await this.getEntity(id)]);
    return toGameDto(game!);
  }

  private async getEntity(id: string): Promise<GameEntity> {
    const game = await this.repo.findOne({ where: { id }, relations: { homeTeam: true, awayTeam: true } });
    if (!game) throw notFound('GAME_NOT_FOUND', `Game ${id} does not exist`);
    return game;
  }

  async boxScore(id: string): Promise<BoxScoreView> {
    const game = await this.repo.findOne({
      where: { id },
      select: { id: true, status: true, lastSeq: true, version: true, context: true, state: true },
    });
    if (!game) throw notFound('GAME_NOT_FOUND', `Game ${id} does not exist`);
    await this.store.catchUp([game]);
    if (!game.state)
      throw conflict(
        'GAME_NOT_READY',
        'The box score starts when the game is marked ready (rosters and starting fives)',
      );
    return toBoxScoreView(game.state, game.status);
  }

  /** The play-by-play log after `afterSeq`, each entry saying whether a later correction voided it. */
  async plays(id: string, query: PlaysQueryDto): Promise<PlaysPageDto> {
    const game = await this.repo.findOne({ where: { id }, select: { id: true, lastSeq: true } });
    if (!game) throw notFound('GAME_NOT_FOUND', `Game ${id} does not exist`);
    // page/pageSize as every list; afterSeq/limit (the console's live cursor) still work, alone or with them.
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? query.limit;
    const events = await this.store.eventsAfter(id, query.afterSeq + (page - 1) * pageSize, pageSize);
    const { inForce } = events.length > 0 ? resolveCorrections(await this.store.log(id)) : { inForce: [] as boolean[] };
    return {
      items: events.map((e) => toPlayEventDto(e, inForce[e.seq] ?? true)),
      // Seqs run 1..lastSeq without gaps.
      total: Math.max(0, game.lastSeq - query.afterSeq),
      page,
      pageSize,
      lastSeq: game.lastSeq,
    };
  }
}
