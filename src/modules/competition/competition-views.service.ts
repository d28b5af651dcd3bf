import { Injectable } from '@nestjs/common';
import { computeFinalRanking, gameTitle, resolveSlots } from '../../domain/competition/index.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { competitionPicture, liveStandings } from './competition-facts.js';
import { advancingPlacesOf, groupQualification } from './qualification-input.js';
import { CompetitionStore, structureOf } from './competition-store.js';
import {
  stageViews,
  toBracketGames,
  toCrossGroupTableDto,
  toFinalPlaceDto,
  toGroupStandingsDto,
} from './competition.mapper.js';
import type { StandingsQueryDto } from './competition.dto.js';
import type { BracketDto, CrossGroupTableDto, FinalRankingDto, StandingsDto } from './competition-view.dto.js';
import { rankPlaceAcrossGroups } from '../../domain/standings/index.js';
import type { CompetitionStructure } from '../../domain/competition/index.js';
import type { CompetitionLots } from './competition.types.js';
import type { TeamInfo } from './competition-store.js';
import type { GroupTable } from './competition-facts.js';

/** A stage of the competition as the leaders and awards read it. */
export interface StageInfo {
  id: string;
  name: string;
  kind: 'group' | 'knockout';
}

/**
 * What fans read: the bracket with every slot and result, group standings (official and live)
 * and the final places. Computed from the stored structure and the games' results each time;
 * nothing here is cached that could disagree with the games.
 */
@Injectable()
export class CompetitionViews {
  constructor(private readonly store: CompetitionStore) {}

  async bracket(tournamentId: string): Promise<BracketDto> {
    const { competition, structure, rows, teams, picture } = await this.load(tournamentId);
    const resolution = resolveSlots(structure, picture.facts);
    return {
      tournamentId,
      phase: competition.phase,
      stages: stageViews(structure, resolution, teams, { config: competition.config, format: competition.format }),
      games: toBracketGames(structure, resolution, rows, competition.results, teams),
    };
  }

  async standings(tournamentId: string, query: StandingsQueryDto): Promise<StandingsDto> {
    const { competition, structure, rows, teams, picture } = await this.load(tournamentId);
    const resolution = resolveSlots(structure, picture.facts);
    const groups = picture.tables
      .filter((t) => t.standings !== null && (query.groupId === undefined || t.group.id === query.groupId))
      .map((t) =>
        toGroupStandingsDto(
          { stageId: t.stageId, id: t.group.id, name: t.group.name, carriedOverGameIds: t.carriedOverGameIds },
          t.standings!,
          liveStandings(structure, t, competition.results, rows, competition.lots),
          teams,
          groupQualification(structure, t, resolution, competition.results, competition.lots),
          advancingPlacesOf(structure, t.group.id),
        ),
      );
    const crossGroup =
      query.groupId === undefined ? crossGroupTables(structure, picture.tables, competition.lots, teams) : [];
    return { tournamentId, groups, crossGroup };
  }

  /**
   * Structure game id -> its stage, and the stages in order; empty when the tournament has no
   * structure yet (games outside a structure belong to no stage).
   */
  async stagesOfGames(tournamentId: string): Promise<{ stages: StageInfo[]; stageOfGame: Map<string, string> }> {
    const competition = await this.store.find(tournamentId);
    const structure = competition?.structure;
    if (!structure) return { stages: [], stageOfGame: new Map() };
    return {
      stages: structure.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
      stageOfGame: new Map(structure.games.map((g) => [g.id, g.stageId])),
    };
  }

  /** Final places once every game is decided; null before (or without a competition). */
  async teamPlaces(tournamentId: string): Promise<Array<{ teamId: string; place: number }> | null> {
    const competition = await this.store.find(tournamentId);
    if (!competition?.structure) return null;
    const ranking = await this.finalRanking(tournamentId);
    return ranking.complete ? ranking.places.map((p) => ({ teamId: p.team.id, place: p.place })) : null;
  }

  /**
   * The name people say (半决赛1, A组 第1轮) of a game by its structure id (`competitionKey`):
   * null for a game outside the competition, and for every game before the draw.
   */
  async gameTitles(tournamentId: string): Promise<(competitionKey: string | null) => string | null> {
    const competition = await this.store.find(tournamentId);
    const titles = new Map((competition?.structure?.games ?? []).map((g) => [g.id, gameTitle(g)]));
    return (key) => (key === null ? null : (titles.get(key) ?? null));
  }

  async finalRanking(tournamentId: string): Promise<FinalRankingDto> {
    const { competition, structure, teams, picture } = await this.load(tournamentId);
    try {
      // Teams nothing separates share their places (9–12) unless the organiser recorded a drawing of lots.
      const places = computeFinalRanking(structure, picture.facts, {
        drawOrder: competition.lots.finalRanking,
        ties: 'share',
      });
      return { tournamentId, complete: true, openGameIds: [], places: places.map((p) => toFinalPlaceDto(p, teams)) };
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'COMPETITION_NOT_FINISHED') throw e;
      return {
        tournamentId,
        complete: false,
        openGameIds: (e.context?.openGameIds as string[] | undefined) ?? [],
        places: [],
      };
    }
  }

  private async load(tournamentId: string) {
    const competition = await this.store.get(tournamentId);
    const structure = structureOf(competition);
    const [rows, teams] = [await this.store.rows(tournamentId), await this.store.teams(tournamentId)];
    const picture = competitionPicture(structure, competition.results, rows, competition.lots);
    return { competition, structure, rows, teams, picture };
  }
}

/** For each group stage with two groups or more, every group place ranked across its groups. */
function crossGroupTables(
  structure: CompetitionStructure,
  tables: readonly GroupTable[],
  lots: CompetitionLots,
  teams: ReadonlyMap<string, TeamInfo>,
): CrossGroupTableDto[] {
  const out: CrossGroupTableDto[] = [];
  // Knockouts that pair at resolution keep their best-placed entrants in the stage's seeding.
  const slots = [
    ...structure.games.flatMap((g) => [g.home, g.away]),
    ...structure.stages.flatMap((s) => (s.kind === 'knockout' ? s.seeding : s.groups.flatMap((g) => g.entrants))),
  ];
  const slotPlaces = new Set(
    slots.flatMap((slot) => (slot.kind === 'best_placed' ? [`${slot.stageId}#${slot.place}`] : [])),
  );
  for (const stage of structure.stages) {
    if (stage.kind !== 'group' || stage.groups.length < 2) continue;
    const groups = tables
      .filter((t) => t.stageId === stage.id && t.standings !== null)
      .map((t) => ({ groupId: t.group.id, standings: t.standings! }));
    if (groups.length < 2) continue;
    const deepest = Math.max(...groups.map((g) => g.standings.rows.length));
    for (let place = 1; place <= deepest; place++) {
      const drawOrder = lots.crossGroup.find((l) => l.stageId === stage.id && l.place === place)?.order ?? [];
      const table = rankPlaceAcrossGroups(groups, place, drawOrder);
      out.push(toCrossGroupTableDto(stage.id, table, slotPlaces.has(`${stage.id}#${place}`), teams));
    }
  }
  return out;
}
