import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Actor } from '../../common/auth/actor.js';
import { TransactionHost } from '../../database/transaction.js';
import {
  applyDraw,
  buildCompetition,
  buildFormatTemplate,
  computeFinalRanking,
  drawGroupsByHand,
  drawGroupsFromPots,
  drawGroupsRandomly,
  drawGroupsSerpentine,
  huzhou2024Config,
  resolveSlots,
  type CompetitionConfig,
  type CompetitionStructure,
  type DrawGroupSpec,
  type DrawTeam,
  type FormatTemplateOptions,
  type GroupDraw,
  type GroupStageConfig,
  type NameLanguage,
  type Slot,
  type StageConfig,
} from '../../domain/competition/index.js';
import { conflict, DomainError, invalid, type ErrorDetail } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateGameDto } from '../games/game.dto.js';
import { GamesService } from '../games/games.service.js';
import { AdvancementService } from './advancement.service.js';
import { competitionPicture, emptyLots } from './competition-facts.js';
import { CompetitionCommand, humanizeError, naming } from './competition-errors.js';
import { CompetitionStore, structureOf, type TeamInfo } from './competition-store.js';
import {
  GAME_KEY,
  type DrawGroupsDto,
  type RecordLotsDto,
  type RecordOverrideDto,
  type SetupCompetitionDto,
} from './competition.dto.js';
import { CompetitionEntity } from './competition.entity.js';
import { teamRef, toCompetitionDto } from './competition.mapper.js';
import type { CompetitionFormat, PendingOverride } from './competition.types.js';
import type { CompetitionDto, GeneratedGamesDto, PendingOverrideDto } from './competition-view.dto.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';

/** Template and draw errors carry no field of their own: the request field each one is about. */
const TEMPLATE_FIELDS: Record<string, string> = {
  COMPETITION_TEMPLATE_INVALID: 'template.groupSizes',
  COMPETITION_ADVANCE_INVALID: 'template.advancePerGroup',
  COMPETITION_BEST_PLACED_INVALID: 'template.bestPlaced',
  COMPETITION_GROUP_TOO_SMALL: 'template.groupSizes',
  COMPETITION_KNOCKOUT_TOO_SMALL: 'template.advancePerGroup',
  COMPETITION_OPTION_INVALID: 'template.knockout',
  COMPETITION_OPTION_NOT_SUPPORTED: 'template.knockout',
  COMPETITION_OVERLAPPING_SLOTS: 'template.bestPlaced',
  COMPETITION_DUPLICATE_GAME_ID: 'template',
  COMPETITION_KNOCKOUT_WITHOUT_ENTRANTS: 'template.knockout',
};
const STAGE_FIELDS: Record<string, string> = {
  COMPETITION_OVERLAPPING_SLOTS: 'stages',
  COMPETITION_DUPLICATE_GAME_ID: 'stages',
  COMPETITION_NO_STAGES: 'stages',
};
const DRAW_FIELDS = (method: DrawGroupsDto['method']): Record<string, string> => ({
  COMPETITION_DRAW_SIZES_MISMATCH: 'stageId',
  COMPETITION_DRAW_UNKNOWN_GROUP: 'groups',
  COMPETITION_DRAW_GROUP_SIZE_MISMATCH: 'groups',
  COMPETITION_DRAW_UNKNOWN_TEAM: 'groups',
  COMPETITION_DRAW_TEAM_MISSING: 'groups',
  COMPETITION_DRAW_TEAM_DUPLICATED: method === 'hand' ? 'groups' : 'ranking',
  COMPETITION_DRAW_UNIT_CLASH: method === 'hand' ? 'groups' : 'keepUnitsApart',
  COMPETITION_UNIT_SEPARATION_IMPOSSIBLE: 'keepUnitsApart',
  COMPETITION_DRAW_SEED_INVALID: 'seed',
});

/**
 * The organiser's commands on the competition structure: choose the format, draw the groups,
 * generate the games (through the games module), record drawings of lots and correction
 * overrides. One transaction per command, the competition row locked for its duration.
 */
@Injectable()
export class CompetitionService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: CompetitionStore,
    private readonly games: GamesService,
    private readonly advancement: AdvancementService,
    private readonly audit: AuditService,
    private readonly delivery: LiveDelivery,
    private readonly tournaments: TournamentsService,
  ) {}

  @CompetitionCommand()
  async setup(actor: Actor, tournamentId: string, dto: SetupCompetitionDto): Promise<CompetitionDto> {
    const existing = await this.store.manage(actor, tournamentId);
    assertNoGames(existing);
    const given = (['huzhou2024', 'template', 'stages'] as const).filter((k) => dto[k] !== undefined);
    if (given.length !== 1) {
      const fields = given.length === 0 ? ['huzhou2024', 'template', 'stages'] : given;
      throw invalid(
        'COMPETITION_SETUP_ONE_OF',
        'Give exactly one of huzhou2024, template or stages',
        fields.map((field) => ({ field, reason: 'give exactly one of huzhou2024, template or stages' })),
      );
    }
    const teams = await this.store.teams(tournamentId);
    const { language } = await this.tournaments.getEntity(tournamentId);
    const { format, config } = this.configFrom(dto, teams, language ?? 'zh');
    const undrawn = undrawnStage(config);
    if (undrawn) assertFitsTeams(undrawn, config, teams.size, given[0]!);
    // Whatever cannot be played is refused now, with placeholder teams where the draw will put real ones.
    const dryRun = undrawn ? applyDraw(config, undrawn.id, placeholderDraw(undrawn)) : config;
    let built: CompetitionStructure;
    try {
      built = naming(() => buildCompetition(dryRun), dto.template ? TEMPLATE_FIELDS : STAGE_FIELDS, given[0]);
    } catch (e) {
      throw humanizeError(e, new Map([...teams.values()].map((t) => [t.id, t.name])));
    }
    assertGameKeys(built, given[0]!);

    const before = existing ? toCompetitionDto(existing, teams, null) : null;
    const competition = existing ?? this.store.repo.create({ tournamentId, version: 0 });
    Object.assign(competition, {
      phase: undrawn ? 'configured' : 'drawn',
      format,
      config,
      drawStageId: null,
      draw: null,
      structure: undrawn ? null : built,
      results: {},
      lots: emptyLots(),
      pendingOverride: null,
      forcedCorrections: [],
      schedule: null,
    } satisfies Partial<CompetitionEntity>);
    const saved = await this.store.save(competition);
    const after = this.view(saved, teams);
    await this.audit.record(actor, {
      action: 'competition.setup',
      entity: 'competition',
      entityId: saved.id,
      tournamentId,
      before: before && { format: before.format, phase: before.phase },
      after: { format: after.format, phase: after.phase, gameCount: after.gameCount },
    });
    return after;
  }

  @CompetitionCommand()
  async draw(actor: Actor, tournamentId: string, dto: DrawGroupsDto): Promise<CompetitionDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    assertNoGames(competition);
    const stage = this.stageToDraw(competition.config, dto.stageId);
    const teams = await this.store.teams(tournamentId);
    const specs: DrawGroupSpec[] = stage.groups.map((g) => ({ groupId: g.id, size: g.size }));
    const entered: DrawTeam[] = [...teams.values()].map((t) => ({ teamId: t.id, unitId: t.unitId }));
    const keepUnitsApart = dto.keepUnitsApart ?? false;
    const seed = dto.seed ?? randomInt(0, 2 ** 32);
    const draw: GroupDraw = naming(
      () => {
        switch (dto.method) {
          case 'hand':
            return drawGroupsByHand(specs, entered, dto.groups!, { keepUnitsApart });
          case 'random':
            return drawGroupsRandomly(specs, entered, { seed, keepUnitsApart });
          case 'serpentine':
            return drawGroupsSerpentine(specs, ranked(dto.ranking!, teams), { keepUnitsApart });
          case 'pots':
            return drawGroupsFromPots(specs, ranked(dto.ranking!, teams), { seed, keepUnitsApart });
        }
      },
      DRAW_FIELDS(dto.method),
      'method',
    );
    const structure = naming(
      () => buildCompetition(applyDraw(competition.config, stage.id, draw)),
      STAGE_FIELDS,
      'stageId',
    );
    assertGameKeys(structure, 'stageId');
    Object.assign(competition, {
      phase: 'drawn',
      drawStageId: stage.id,
      draw,
      structure,
      results: {},
      lots: emptyLots(),
      // A schedule of the old structure's games does not fit the new one.
      schedule: null,
    } satisfies Partial<CompetitionEntity>);
    const saved = await this.store.save(competition);
    await this.audit.record(actor, {
      action: 'competition.draw',
      entity: 'competition',
      entityId: saved.id,
      tournamentId,
      after: { stageId: stage.id, ...draw },
    });
    this.delivery.tournamentChanged(tournamentId, ['standings', 'bracket']);
    return this.view(saved, teams);
  }

  /** Creates every game of the structure through the games module, teams filled where known. */
  @CompetitionCommand()
  async generateGames(actor: Actor, tournamentId: string): Promise<GeneratedGamesDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    assertNoGames(competition);
    const structure = structureOf(competition);
    const teams = await this.store.teams(tournamentId);
    const courts = new Map((await this.store.courts(tournamentId)).map((c) => [c.code, c.name]));
    const slots = new Map(competition.schedule?.assignments.map((a) => [a.gameId, a]) ?? []);
    const resolution = resolveSlots(structure, { games: [], groups: [] });
    const created: GeneratedGamesDto['games'] = [];
    for (const [i, game] of structure.games.entries()) {
      const sides = resolution.games[i]!;
      const slot = slots.get(game.id);
      const dto: CreateGameDto = {
        competitionKey: game.id,
        homeTeamId: sides.home.state === 'resolved' ? sides.home.teamId : null,
        awayTeamId: sides.away.state === 'resolved' ? sides.away.teamId : null,
        court: slot ? (courts.get(slot.courtId) ?? null) : null,
        scheduledAt: slot?.start ?? null,
      };
      const row = await this.games.create(actor, tournamentId, dto);
      created.push({
        gameId: game.id,
        id: row.id,
        home: dto.homeTeamId ? teamRef(dto.homeTeamId, teams) : null,
        away: dto.awayTeamId ? teamRef(dto.awayTeamId, teams) : null,
      });
    }
    competition.phase = 'games_created';
    const saved = await this.store.save(competition);
    await this.audit.record(actor, {
      action: 'competition.games_generated',
      entity: 'competition',
      entityId: saved.id,
      tournamentId,
      after: { games: created.map((g) => ({ gameId: g.gameId, id: g.id })) },
    });
    await this.advancement.advance(saved, actor);
    this.delivery.tournamentChanged(tournamentId, ['games', 'schedule', 'standings', 'bracket']);
    return { created: created.length, games: created };
  }

  /** A drawing of lots, accepted only where the standings say only lots can separate those teams. */
  @CompetitionCommand()
  async recordLots(actor: Actor, tournamentId: string, dto: RecordLotsDto): Promise<CompetitionDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    const structure = structureOf(competition);
    if (new Set(dto.order).size !== dto.order.length) {
      throw invalid('COMPETITION_LOTS_INVALID', 'A team is listed twice', [
        { field: 'order', reason: 'a team is listed twice' },
      ]);
    }
    const rows = await this.store.rows(tournamentId);
    const picture = competitionPicture(structure, competition.results, rows, competition.lots);
    const previousLots = competition.lots;
    const lots = structuredClone(previousLots);
    if (dto.scope === 'group') {
      const table = picture.tables.find((t) => t.group.id === dto.groupId);
      if (!table)
        throw invalid('COMPETITION_UNKNOWN_GROUP', `Group ${dto.groupId} is not part of this competition`, [
          { field: 'groupId', reason: 'no such group' },
        ]);
      assertTiedSet(dto.order, table.standings?.complete ? table.standings.drawsNeeded : []);
      lots.groups = [
        ...lots.groups.filter((l) => l.groupId !== dto.groupId),
        { groupId: dto.groupId!, order: dto.order },
      ];
    } else if (dto.scope === 'cross_group') {
      const resolution = resolveSlots(structure, picture.facts);
      const waiting = structure.games.some((g, i) =>
        (['home', 'away'] as const).some((side) => {
          const slot = g[side];
          return (
            slot.kind === 'best_placed' &&
            slot.stageId === dto.stageId &&
            slot.place === dto.place &&
            resolution.games[i]![side].state === 'draw_required'
          );
        }),
      );
      const placed = picture.tables
        .filter((t) => t.stageId === dto.stageId && t.standings?.complete)
        .flatMap((t) => t.standings!.rows.filter((r) => r.rank === dto.place).map((r) => r.teamId));
      if (!waiting || dto.order.some((id) => !placed.includes(id))) {
        throw conflict(
          'COMPETITION_LOTS_NOT_NEEDED',
          `No best-placed slot of ${dto.stageId} for place ${dto.place} is waiting for a drawing of lots between these teams`,
          [
            {
              field: 'order',
              reason: `must be teams placed ${dto.place} in the groups of ${dto.stageId}, level across groups`,
            },
          ],
        );
      }
      lots.crossGroup = [
        ...lots.crossGroup.filter((l) => !(l.stageId === dto.stageId && l.place === dto.place)),
        { stageId: dto.stageId!, place: dto.place!, order: dto.order },
      ];
    } else {
      let places;
      try {
        places = computeFinalRanking(structure, picture.facts, { drawOrder: lots.finalRanking });
      } catch (e) {
        if (e instanceof DomainError && e.code === 'COMPETITION_NOT_FINISHED')
          throw conflict(e.code, e.message, [], e.context);
        throw e;
      }
      const tiedSets = places.filter((p) => p.needsDraw).map((p) => [p.teamId, ...p.tiedWith]);
      assertTiedSet(dto.order, tiedSets);
      lots.finalRanking = [...lots.finalRanking.filter((id) => !dto.order.includes(id)), ...dto.order];
    }
    competition.lots = lots;
    const saved = await this.store.save(competition);
    await this.audit.record(actor, {
      action: 'competition.lots_recorded',
      entity: 'competition',
      entityId: saved.id,
      tournamentId,
      before: previousLots,
      after: lots,
    });
    await this.advancement.advance(saved, actor, { previousLots, rows });
    this.delivery.tournamentChanged(tournamentId, ['standings', 'bracket', 'ranking', 'awards']);
    return this.view(saved, await this.store.teams(tournamentId));
  }

  /** Allows the next correction of `gameId` to change games that already started (once). */
  @CompetitionCommand()
  async recordOverride(actor: Actor, tournamentId: string, dto: RecordOverrideDto): Promise<PendingOverrideDto> {
    const competition = await this.store.manageExisting(actor, tournamentId);
    const structure = structureOf(competition);
    if (!structure.games.some((g) => g.id === dto.gameId)) {
      throw invalid('COMPETITION_UNKNOWN_GAME', `Game ${dto.gameId} is not part of this competition`, [
        { field: 'gameId', reason: 'no such game in the structure' },
      ]);
    }
    const override: PendingOverride = {
      gameId: dto.gameId,
      reason: dto.reason,
      accountId: actor.accountId,
      at: new Date().toISOString(),
    };
    const before = competition.pendingOverride;
    competition.pendingOverride = override;
    const saved = await this.store.save(competition);
    await this.audit.record(actor, {
      action: 'competition.override_recorded',
      entity: 'competition',
      entityId: saved.id,
      tournamentId,
      before: before && { pendingOverride: before },
      after: { pendingOverride: override },
    });
    return override;
  }

  async get(tournamentId: string): Promise<CompetitionDto> {
    const competition = await this.store.get(tournamentId);
    return this.view(competition, await this.store.teams(tournamentId));
  }

  private view(competition: CompetitionEntity, teams: Map<string, TeamInfo>): CompetitionDto {
    const resolution = competition.structure
      ? resolveSlots(competition.structure, { games: [], groups: [], crossGroupDraws: competition.lots.crossGroup })
      : null;
    return toCompetitionDto(competition, teams, resolution);
  }

  private configFrom(
    dto: SetupCompetitionDto,
    teams: Map<string, TeamInfo>,
    language: NameLanguage,
  ): { format: CompetitionFormat; config: CompetitionConfig } {
    if (dto.huzhou2024)
      return {
        format: { kind: 'huzhou2024', format: dto.huzhou2024 },
        config: huzhou2024Config(dto.huzhou2024, language),
      };
    if (dto.template) {
      const t = dto.template;
      const options: FormatTemplateOptions = plain({
        teamCount: t.teamCount ?? teams.size,
        groupCount: t.groupCount,
        advancePerGroup: t.advancePerGroup,
        bestPlaced: t.bestPlaced ? { place: t.bestPlaced.place, count: t.bestPlaced.count } : null,
        ...(t.groupSizes ? { groupSizes: t.groupSizes } : {}),
        roundRobin: t.roundRobin ?? 'single',
        ...(t.knockout ? { knockout: plain(t.knockout) } : {}),
        language,
      });
      if (t.teamCount === undefined && teams.size < 2) {
        throw invalid('COMPETITION_TEMPLATE_INVALID', 'No teams are entered yet: give template.teamCount', [
          { field: 'template.teamCount', reason: 'required while fewer than 2 teams are entered' },
        ]);
      }
      return {
        format: { kind: 'template', options },
        config: naming(() => buildFormatTemplate(options), TEMPLATE_FIELDS, 'template'),
      };
    }
    const stages = plain(dto.stages!) as StageConfig[];
    const problems: ErrorDetail[] = [];
    stages.forEach((stage, s) => {
      const check = (slots: Slot[] | undefined, at: string) =>
        slots?.forEach((slot, i) => {
          if (slot.kind === 'team' && !teams.has(slot.teamId))
            problems.push({ field: `${at}[${i}].teamId`, reason: 'must be a team of this tournament' });
        });
      if (stage.kind === 'group')
        stage.groups.forEach((g, i) => check(g.entrants, `stages[${s}].groups[${i}].entrants`));
      else check(stage.entrants, `stages[${s}].entrants`);
    });
    if (problems.length > 0)
      throw invalid(
        'COMPETITION_TEAM_NOT_ENTERED',
        'A stage names a team that is not entered in this tournament',
        problems,
      );
    stages.forEach((stage, s) => {
      if (stage.kind !== 'group') return;
      const drawn = stage.groups.filter((g) => g.entrants !== undefined).length;
      if (drawn !== 0 && drawn !== stage.groups.length) {
        throw invalid(
          'COMPETITION_PARTLY_DRAWN',
          `Give entrants for every group of stage ${stage.id}, or for none (the draw fills them)`,
          [{ field: `stages[${s}].groups`, reason: 'entrants given for some groups only' }],
        );
      }
    });
    const undrawn = stages.filter((s) => s.kind === 'group' && s.groups.some((g) => g.entrants === undefined));
    if (undrawn.length > 1) {
      throw invalid(
        'COMPETITION_ONE_DRAW',
        'Only one group stage can be filled by a draw; later stages take teams from earlier results',
        [
          {
            field: `stages[${stages.indexOf(undrawn[1]!)}].groups`,
            reason: 'give entrants (group places of an earlier stage)',
          },
        ],
      );
    }
    return { format: { kind: 'stages' }, config: { stages } };
  }

  private stageToDraw(config: CompetitionConfig, stageId: string | undefined): GroupStageConfig {
    if (stageId !== undefined) {
      const stage = config.stages.find((s) => s.id === stageId);
      if (!stage || stage.kind !== 'group') {
        throw invalid('COMPETITION_UNKNOWN_STAGE', `${stageId} is not a group stage of this competition`, [
          { field: 'stageId', reason: 'no such group stage' },
        ]);
      }
      if (stage.groups.every((g) => g.entrants !== undefined)) throw nothingToDraw();
      return stage;
    }
    const stage = undrawnStage(config);
    if (!stage) throw nothingToDraw();
    return stage;
  }
}

function assertNoGames(competition: CompetitionEntity | null): void {
  if (competition?.phase === 'games_created') {
    throw conflict(
      'COMPETITION_GAMES_EXIST',
      'The games of this competition are generated: its format and draw can no longer change',
    );
  }
}

const nothingToDraw = () =>
  conflict(
    'COMPETITION_NOTHING_TO_DRAW',
    'Every group of this competition already has its teams: there is nothing to draw',
  );

function undrawnStage(config: CompetitionConfig): GroupStageConfig | null {
  const stage = config.stages.find((s) => s.kind === 'group' && s.groups.some((g) => g.entrants === undefined));
  return (stage as GroupStageConfig | undefined) ?? null;
}

/**
 * A format whose groups cannot hold exactly the entered teams is refused when it is set, not at the
 * draw. With no team entered yet the format may be chosen ahead of registration; teams entered or
 * withdrawn afterwards are caught by the draw (COMPETITION_DRAW_SIZES_MISMATCH): set the format again.
 */
function assertFitsTeams(
  stage: GroupStageConfig,
  config: CompetitionConfig,
  entered: number,
  given: 'huzhou2024' | 'template' | 'stages',
): void {
  const needed = stage.groups.reduce((n, g) => n + g.size, 0);
  if (entered === 0 || needed === entered) return;
  const field =
    given === 'stages'
      ? `stages[${config.stages.indexOf(stage)}].groups`
      : given === 'template'
        ? 'template.teamCount'
        : given;
  const reason = `the groups hold ${needed} teams but ${entered} ${entered === 1 ? 'is' : 'are'} entered`;
  throw invalid('COMPETITION_FORMAT_TEAM_COUNT', `This format is for ${needed} teams: ${reason}`, [{ field, reason }]);
}

function placeholderDraw(stage: GroupStageConfig): GroupDraw {
  return {
    method: 'hand',
    seed: null,
    keepUnitsApart: false,
    groups: stage.groups.map((g) => ({
      groupId: g.id,
      teamIds: Array.from({ length: g.size }, (_, i) => `draw:${g.id}:${i}`),
    })),
  };
}

/** Game ids become `game.competition_key` (1-20 letters, digits, dash, underscore). */
function assertGameKeys(structure: CompetitionStructure, field: string): void {
  const bad = structure.games.find((g) => !GAME_KEY.test(g.id));
  if (bad) {
    throw invalid(
      'COMPETITION_GAME_ID_TOO_LONG',
      `Game id ${bad.id} is longer than 20 characters: use shorter stage and group ids`,
      [{ field, reason: `game id ${bad.id} would be longer than 20 characters` }],
    );
  }
}

function ranked(ranking: string[], teams: Map<string, TeamInfo>): DrawTeam[] {
  const problems: ErrorDetail[] = [];
  ranking.forEach((id, i) => {
    if (!teams.has(id)) problems.push({ field: `ranking[${i}]`, reason: 'not a team of this tournament' });
  });
  const missing = [...teams.keys()].filter((id) => !ranking.includes(id));
  if (missing.length > 0)
    problems.push({
      field: 'ranking',
      reason: `must rank every entered team; missing ${missing.map((id) => teams.get(id)!.name).join(', ')}`,
    });
  if (problems.length > 0)
    throw invalid('COMPETITION_RANKING_INVALID', 'The ranking must list every entered team exactly once', problems);
  return ranking.map((id) => ({ teamId: id, unitId: teams.get(id)!.unitId }));
}

function assertTiedSet(order: string[], tiedSets: string[][]): void {
  const fits = tiedSets.some((set) => set.length === order.length && order.every((id) => set.includes(id)));
  if (!fits) {
    throw conflict(
      'COMPETITION_LOTS_NOT_NEEDED',
      'These teams are not level in a way only a drawing of lots can settle',
      [
        {
          field: 'order',
          reason:
            tiedSets.length === 0 ? 'no drawing of lots is needed here' : 'must list exactly the teams that are level',
        },
      ],
    );
  }
}

/** DTO instances to plain JSON (undefined left out), as jsonb and structuredClone expect. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
