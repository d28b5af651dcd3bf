import { Injectable } from '@nestjs/common';
import { DomainError } from '../../domain/shared/domain-error.js';
import { AwardsViews } from '../awards/awards-views.service.js';
import { CompetitionViews } from '../competition/competition-views.service.js';
import { StandingsQueryDto } from '../competition/competition.dto.js';
import { ScheduleService } from '../competition/schedule.service.js';
import { GameQueryDto } from '../games/game.dto.js';
import { GamesService } from '../games/games.service.js';
import { PlaysQueryDto } from '../games/play-event.dto.js';
import { PlayerQueryDto } from '../players/player.dto.js';
import { PlayersService } from '../players/players.service.js';
import { LeadersQueryDto } from '../stats/leaders.dto.js';
import { LeadersService } from '../stats/leaders.service.js';
import { TeamQueryDto } from '../teams/team.dto.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { UnitsService } from '../units/units.service.js';
import type {
  DocumentKind,
  ProgrammeDocument,
  ResultsBookDocument,
  RosterEntry,
  ScoresheetDocument,
  TournamentHeader,
} from './documents.types.js';

/** A query DTO with its defaults, as the validation pipe would make it. */
const query = <T extends object>(Type: new () => T, over: Partial<T> = {}): T => Object.assign(new Type(), over);

/** Every page of a paged read. */
async function all<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const got = await read(page);
    items.push(...got.items);
    if (got.items.length === 0 || items.length >= got.total) return items;
  }
}

/** A view that does not exist yet (no competition, no schedule, no box score before tip-off) is left out. */
async function optional<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof DomainError && (e.kind === 'not_found' || e.kind === 'conflict')) return null;
    throw e;
  }
}

/**
 * The data of the printable documents (秩序册, 成绩册, scoresheet), put together from the same
 * services the public reads use: nothing here computes standings, places, leaders or box scores
 * again. Only what the public API already shows goes in (never a national ID number).
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly units: UnitsService,
    private readonly teams: TeamsService,
    private readonly players: PlayersService,
    private readonly competition: CompetitionViews,
    private readonly schedules: ScheduleService,
    private readonly games: GamesService,
    private readonly leaders: LeadersService,
    private readonly awards: AwardsViews,
  ) {}

  async document(kind: DocumentKind, id: string) {
    if (kind === 'programme') return this.programme(id);
    if (kind === 'results') return this.resultsBook(id);
    return this.scoresheet(id);
  }

  private async header(tournamentId: string): Promise<TournamentHeader> {
    const tournament = await this.tournaments.get(tournamentId);
    const hostUnit = tournament.hostUnitId ? await optional(() => this.units.get(tournament.hostUnitId!)) : null;
    const unitsOf = async (ids: string[]) => {
      const found = [];
      for (const id of ids) {
        const unit = await optional(() => this.units.get(id));
        if (unit) found.push(unit);
      }
      return found;
    };
    return {
      tournament,
      hostUnit,
      organiserUnits: await unitsOf(tournament.organiserUnitIds),
      coOrganiserUnits: await unitsOf(tournament.coOrganiserUnitIds),
    };
  }

  async programme(tournamentId: string): Promise<ProgrammeDocument> {
    const header = await this.header(tournamentId);
    const teams = await all((page) =>
      this.teams.list(tournamentId, query(TeamQueryDto, { page, pageSize: 100, sort: 'name' })),
    );
    const unitNames = new Map<string, string>();
    const rosters = [];
    for (const team of teams) {
      if (!unitNames.has(team.unitId)) unitNames.set(team.unitId, (await this.units.get(team.unitId)).name);
      const players = await all((page) =>
        this.players.listByTeam(team.id, query(PlayerQueryDto, { page, pageSize: 100, sort: 'jerseyNumber' })),
      );
      rosters.push({
        ...team,
        unitName: unitNames.get(team.unitId)!,
        // Only what the programme prints: never the national ID (nor whether one was given).
        players: players.map((p): RosterEntry => ({
          id: p.id,
          jerseyNumber: p.jerseyNumber,
          name: p.name,
          position: p.position,
          employer: p.employer,
        })),
      });
    }
    const bracket = await optional(() => this.competition.bracket(tournamentId));
    const schedule = await optional(() => this.schedules.schedule(tournamentId));
    const games = await all((page) => this.games.list(tournamentId, query(GameQueryDto, { page, pageSize: 100 })));
    return { kind: 'programme', ...header, teams: rosters, bracket, schedule, games };
  }

  async resultsBook(tournamentId: string): Promise<ResultsBookDocument> {
    const header = await this.header(tournamentId);
    const bracket = await optional(() => this.competition.bracket(tournamentId));
    const standings = await optional(() => this.competition.standings(tournamentId, query(StandingsQueryDto)));
    const ranking = await optional(() => this.competition.finalRanking(tournamentId));
    const summaries = await all((page) => this.games.list(tournamentId, query(GameQueryDto, { page, pageSize: 100 })));
    // Lists leave out the score by period; the book prints it for every game played.
    const games = [];
    for (const g of summaries) games.push(g.homeScore + g.awayScore > 0 ? await this.games.get(g.id) : g);
    const leaders = await this.leaders.leaders(tournamentId, query(LeadersQueryDto, {}));
    const awards = await this.awards.published(tournamentId, 'zh');
    return { kind: 'results', ...header, bracket, standings, ranking, games, leaders, awards };
  }

  async scoresheet(gameId: string): Promise<ScoresheetDocument> {
    const game = await this.games.get(gameId);
    const header = await this.header(game.tournamentId);
    const boxScore = await optional(() => this.games.boxScore(gameId));
    const plays = [];
    for (let afterSeq = 0; ;) {
      const page = await this.games.plays(gameId, query(PlaysQueryDto, { afterSeq, limit: 500 }));
      plays.push(...page.items);
      if (page.items.length === 0 || afterSeq >= page.lastSeq) break;
      afterSeq = page.items[page.items.length - 1]!.seq;
      if (afterSeq >= page.lastSeq) break;
    }
    const rosterOf = async (teamId: string | undefined) =>
      teamId
        ? (
            await all((page) =>
              this.players.listByTeam(teamId, query(PlayerQueryDto, { page, pageSize: 100, sort: 'jerseyNumber' })),
            )
          ).map((p): RosterEntry => ({
            id: p.id,
            jerseyNumber: p.jerseyNumber,
            name: p.name,
            position: p.position,
            employer: p.employer,
          }))
        : [];
    const [homeTeam, awayTeam] = [
      game.homeTeam ? await this.teams.get(game.homeTeam.id) : null,
      game.awayTeam ? await this.teams.get(game.awayTeam.id) : null,
    ];
    const bracket = await optional(() => this.competition.bracket(game.tournamentId));
    const slot = bracket?.games.find((b) => b.game?.id === gameId) ?? null;
    return {
      kind: 'scoresheet',
      ...header,
      game,
      stage: slot
        ? {
            stageName: bracket!.stages.find((s) => s.id === slot.stageId)?.name ?? null,
            roundName: slot.roundName,
            groupId: slot.groupId,
            key: slot.id,
            bracket: slot.bracket,
            round: slot.round,
            winnerPlaces: slot.winnerPlaces,
            loserPlaces: slot.loserPlaces,
          }
        : null,
      homeTeam,
      awayTeam,
      rosters: { home: await rosterOf(game.homeTeam?.id), away: await rosterOf(game.awayTeam?.id) },
      boxScore,
      plays,
    };
  }
}
