import { Injectable } from '@nestjs/common';
import { computeFinalRanking, resolveSlots } from '../../domain/competition/index.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { competitionPicture, liveStandings } from './competition-facts.js';
import { CompetitionStore, structureOf } from './competition-store.js';
import { stageViews, toBracketGames, toFinalPlaceDto, toGroupStandingsDto } from './competition.mapper.js';
import type { StandingsQueryDto } from './competition.dto.js';
import type { BracketDto, FinalRankingDto, StandingsDto } from './competition-view.dto.js';

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
      stages: stageViews(structure, resolution, teams),
      games: toBracketGames(structure, resolution, rows, competition.results, teams),
    };
  }

  async standings(tournamentId: string, query: StandingsQueryDto): Promise<StandingsDto> {
    const { competition, structure, rows, teams, picture } = await this.load(tournamentId);
    const groups = picture.tables
      .filter((t) => t.standings !== null && (query.groupId === undefined || t.group.id === query.groupId))
      .map((t) =>
        toGroupStandingsDto(
          { stageId: t.stageId, id: t.group.id, name: t.group.name },
          t.standings!,
          liveStandings(structure, t, competition.results, rows, competition.lots),
          teams,
        ),
      );
    return { tournamentId, groups };
  }

  async finalRanking(tournamentId: string): Promise<FinalRankingDto> {
    const { competition, structure, teams, picture } = await this.load(tournamentId);
    try {
      const places = computeFinalRanking(structure, picture.facts, { drawOrder: competition.lots.finalRanking });
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
