import { Module } from '@nestjs/common';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { UnitsModule } from '../units/units.module.js';
import { TeamLogosController } from './team-logos.controller.js';
import { TeamLogosService } from './team-logos.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

@Module({
  imports: [TournamentsModule, UnitsModule],
  controllers: [TeamsController, TeamLogosController],
  providers: [TeamsService, TeamLogosService],
  exports: [TeamsService],
})
export class TeamsModule {}
