import { Module } from '@nestjs/common';
import { CompetitionModule } from '../competition/competition.module.js';
import { GamesModule } from '../games/games.module.js';
import { PlayersModule } from '../players/players.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { UnitsModule } from '../units/units.module.js';
import { AwardRecipients } from './award-recipients.js';
import { AwardsController } from './awards.controller.js';
import { AwardsService } from './awards.service.js';
import { AwardsViews } from './awards-views.service.js';

/** Organisers' award decisions and the published awards list (rules in src/domain/awards). */
@Module({
  imports: [TournamentsModule, UnitsModule, PlayersModule, GamesModule, CompetitionModule, StatsModule],
  controllers: [AwardsController],
  providers: [AwardsService, AwardsViews, AwardRecipients],
  exports: [AwardsViews],
})
export class AwardsModule {}
