import { Injectable } from '@nestjs/common';
import {
  boxScoreSheet,
  leadersSheet,
  playsSheet,
  resultsSheet,
  rostersSheet,
  scheduleSheet,
  type GameRow,
  type PlayRow,
  type Sheet,
} from '../../domain/exports/index.js';
import { notFound } from '../../domain/shared/domain-error.js';
import { CompetitionViews } from '../competition/competition-views.service.js';
import type { GameDto, GameQueryDto } from '../games/game.dto.js';
import type { BoxScoreView } from '../games/game.mapper.js';
import { GamesService } from '../games/games.service.js';
import type { PlaysQueryDto } from '../games/play-event.dto.js';
import type { PlayerQueryDto } from '../players/player.dto.js';
import { PlayersService } from '../players/players.service.js';
import { LeadersQueryDto, type LeadersDto } from '../stats/leaders.dto.js';
import { LeadersService } from '../stats/leaders.service.js';
import type { TeamQueryDto } from '../teams/team.dto.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';

export const TOURNAMENT_TABLES = ['results', 'schedule', 'rosters', 'leaders'] as const;
export const GAME_TABLES = ['box-score', 'plays'] as const;
export type TournamentTable = (typeof TOURNAMENT_TABLES)[number];
export type GameTable = (typeof GAME_TABLES)[number];

export interface NamedSheet {
  sheet: Sheet;
  /** The file name without extension, in Chinese: 「湖州工BA-比赛成绩」. */
  name: string;
  /** ASCII file name for clients that cannot read filename*. */
  fallback: string;
}

/**
 * Reads what the public JSON routes return (through the same services) and lays it out as a
 * sheet (src/domain/exports). Every export here is of public data; rosters carry no ID numbers.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly games: GamesService,
    private readonly players: PlayersService,
    private readonly teams: TeamsService,
    private readonly leaders: LeadersService,
    private readonly competition: CompetitionViews,
  ) {}

  async tournamentSheet(
    tournamentId: string,
    table: TournamentTable,
    leadersQuery?: LeadersQueryDto,
  ): Promise<NamedSheet> {
    const tournament = await this.tournaments.getEntity(tournamentId);
    const named = (sheet: Sheet): NamedSheet => ({
      sheet,
      name: `${tournament.name}-${sheet.title}`,
      fallback: `tournament-${table}`,
    });
    switch (table) {
      case 'results':
        return named(resultsSheet(await this.allGames(tournamentId)));
      case 'schedule':
        return named(scheduleSheet(await this.allGames(tournamentId)));
      case 'rosters':
        return named(await this.rosters(tournamentId));
      case 'leaders':
        return named(
          this.leadersSheet(await this.leaders.leaders(tournamentId, leadersQuery ?? new LeadersQueryDto())),
        );
    }
  }

  async gameSheet(gameId: string, table: GameTable): Promise<NamedSheet> {
    const game = await this.games.get(gameId);
    const title = `${game.homeTeam?.name ?? '待定'}vs${game.awayTeam?.name ?? '待定'}`;
    const box = await this.games.boxScore(gameId);
    const sheet = table === 'box-score' ? this.boxScoreSheet(box) : await this.playsSheet(gameId, box);
    return { sheet, name: `${title}-${sheet.title}`, fallback: `game-${table}` };
  }

  boxScoreSheet(box: BoxScoreView): Sheet {
    return boxScoreSheet(box.teams);
  }

  leadersSheet(leaders: LeadersDto): Sheet {
    return leadersSheet(leaders.boards);
  }

  private async playsSheet(gameId: string, box: BoxScoreView): Promise<Sheet> {
    const plays: PlayRow[] = [];
    for (let afterSeq = 0; ;) {
      const page = await this.games.plays(gameId, { afterSeq, limit: 500 } as PlaysQueryDto);
      plays.push(...(page.items as unknown as PlayRow[]));
      if (page.items.length < 500) break;
      afterSeq = page.items.at(-1)!.seq;
    }
    const teams = new Map(box.teams.map((t) => [t.teamId, t.name]));
    const players = new Map(
      box.teams.flatMap((t) =>
        t.players.map((p) => [p.playerId, { name: p.name, jerseyNumber: p.jerseyNumber }] as const),
      ),
    );
    return playsSheet(plays, teams, players);
  }

  private async allGames(tournamentId: string): Promise<GameRow[]> {
    const games: GameDto[] = [];
    for (let page = 1; ; page++) {
      const result = await this.games.list(tournamentId, { page, pageSize: 100 } as GameQueryDto);
      games.push(...result.items);
      if (games.length >= result.total || result.items.length === 0) break;
    }
    const titleOf = await this.competition.gameTitles(tournamentId);
    return games.map((g) => ({ ...g, title: titleOf(g.competitionKey) }));
  }

  private async rosters(tournamentId: string): Promise<Sheet> {
    const teams = [];
    for (let page = 1; ; page++) {
      const result = await this.teams.list(tournamentId, { page, pageSize: 100, sort: 'name' } as TeamQueryDto);
      teams.push(...result.items);
      if (teams.length >= result.total || result.items.length === 0) break;
    }
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const players = [];
    for (let page = 1; ; page++) {
      const result = await this.players.listByTournament(tournamentId, {
        page,
        pageSize: 100,
        sort: 'jerseyNumber',
      } as PlayerQueryDto);
      players.push(...result.items);
      if (players.length >= result.total || result.items.length === 0) break;
    }
    return rostersSheet(
      players.map((p) => ({
        teamName: teamName.get(p.teamId) ?? '',
        jerseyNumber: p.jerseyNumber,
        name: p.name,
        position: p.position,
        employer: p.employer,
      })),
      teams.map((t) => t.name),
    );
  }
}

export function assertTable<T extends string>(tables: readonly T[], value: string): T {
  if ((tables as readonly string[]).includes(value)) return value as T;
  throw notFound('EXPORT_NOT_FOUND', `There is no export named ${value}: one of ${tables.join(', ')}`);
}
