import { Module } from '@nestjs/common';
import { GamesModule } from '../games/games.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { AdvancementService } from './advancement.service.js';
import { CompetitionController } from './competition.controller.js';
import { CompetitionService } from './competition.service.js';
import { CompetitionStore } from './competition-store.js';
import { CompetitionViews } from './competition-views.service.js';
import { ScheduleController } from './schedule.controller.js';
import { ScheduleService } from './schedule.service.js';

/** Competition structure (stages, draw, bracket), schedule and advancement (rules in src/domain/competition and schedule). */
@Module({
  imports: [TournamentsModule, TeamsModule, GamesModule],
  controllers: [CompetitionController, ScheduleController],
  providers: [CompetitionStore, CompetitionService, CompetitionViews, AdvancementService, ScheduleService],
  exports: [CompetitionViews, ScheduleService],
})
export class CompetitionModule {}
