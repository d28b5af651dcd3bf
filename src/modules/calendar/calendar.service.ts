import { Inject, Injectable } from '@nestjs/common';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { calendarFeed, type CalendarGame } from '../../domain/calendar/index.js';
import { timeZoneOf } from '../../domain/registration/tournament-rules.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { CompetitionViews } from '../competition/competition-views.service.js';
import { ScheduleService } from '../competition/schedule.service.js';
import type { GameDto, GameQueryDto } from '../games/game.dto.js';
import { GamesService } from '../games/games.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';

/** A game's slot when the tournament has no generated schedule to say (two 20-minute halves and breaks). */
const DEFAULT_SLOT_MINUTES = 90;

export interface CalendarFile {
  name: string;
  body: string;
}

/** Calendar feeds of a tournament's or a team's games (src/domain/calendar writes them). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly teams: TeamsService,
    private readonly games: GamesService,
    private readonly schedules: ScheduleService,
    private readonly competition: CompetitionViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tournamentFeed(tournamentId: string): Promise<CalendarFile> {
    const tournament = await this.tournaments.getEntity(tournamentId);
    return this.feed(tournamentId, tournament.name, () => true);
  }

  async teamFeed(teamId: string): Promise<CalendarFile> {
    const team = await this.teams.get(teamId);
    const tournament = await this.tournaments.getEntity(team.tournamentId);
    return this.feed(
      team.tournamentId,
      `${team.name}（${tournament.name}）`,
      (g) => g.homeTeam?.id === teamId || g.awayTeam?.id === teamId,
    );
  }

  private async feed(tournamentId: string, name: string, include: (g: GameDto) => boolean): Promise<CalendarFile> {
    const tournament = await this.tournaments.getEntity(tournamentId);
    const timeZone = timeZoneOf(tournament.rules);
    const slotMinutes = await this.slotMinutes(tournamentId);
    const titleOf = await this.competition.gameTitles(tournamentId);
    const games: CalendarGame[] = (await this.allGames(tournamentId)).filter(include).map((g) => ({
      id: g.id,
      competitionKey: g.competitionKey,
      title: titleOf(g.competitionKey),
      homeTeam: g.homeTeam?.name ?? null,
      awayTeam: g.awayTeam?.name ?? null,
      court: g.court,
      scheduledAt: g.scheduledAt,
      durationMinutes: slotMinutes,
      status: g.status,
      result: g.result,
      version: g.version,
      updatedAt: new Date(g.updatedAt),
    }));
    const publicUrl = this.config.env.PUBLIC_URL?.replace(/\/$/, '');
    const body = calendarFeed({
      name,
      timeZone,
      vtimezone: (tzlib_get_ical_block(timeZone) as string[])[0] ?? '',
      venue: tournament.venue,
      uidDomain: publicUrl ? new URL(publicUrl).hostname : 'courtside',
      games,
      ...(publicUrl ? { gameUrl: (id: string) => `${publicUrl}/games/${id}` } : {}),
    });
    return { name, body };
  }

  /** The slot length of the generated schedule, or the default when there is none. */
  private async slotMinutes(tournamentId: string): Promise<number> {
    try {
      return (await this.schedules.schedule(tournamentId)).settings.slotMinutes || DEFAULT_SLOT_MINUTES;
    } catch (e) {
      if (e instanceof DomainError) return DEFAULT_SLOT_MINUTES;
      throw e;
    }
  }

  private async allGames(tournamentId: string): Promise<GameDto[]> {
    const games: GameDto[] = [];
    for (let page = 1; ; page++) {
      const result = await this.games.list(tournamentId, { page, pageSize: 100 } as GameQueryDto);
      games.push(...result.items);
      if (games.length >= result.total || result.items.length === 0) break;
    }
    return games;
  }
}
