import { Module } from '@nestjs/common';
import { CompetitionModule } from '../competition/competition.module.js';
import { GamesModule } from '../games/games.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

/** Subscribable calendar feeds (ICS) of a tournament's and a team's games. */
@Module({
  imports: [TournamentsModule, TeamsModule, GamesModule, CompetitionModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
