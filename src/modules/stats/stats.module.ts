import { Module } from '@nestjs/common';
import { CompetitionModule } from '../competition/competition.module.js';
import { GamesModule } from '../games/games.module.js';
import { PlayersModule } from '../players/players.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { LeadersController } from './leaders.controller.js';
import { LeadersService } from './leaders.service.js';
import { PlayerLinesService } from './player-lines.service.js';
import { StatsSettingsService } from './stats-settings.service.js';

/** Player lines of decided games, leaders and the leader/award settings (rules in src/domain/stats). */
@Module({
  imports: [TournamentsModule, TeamsModule, PlayersModule, GamesModule, CompetitionModule],
  controllers: [LeadersController],
  providers: [PlayerLinesService, LeadersService, StatsSettingsService],
  exports: [LeadersService, StatsSettingsService],
})
export class StatsModule {}
