import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { UnitsModule } from '../units/units.module.js';
import { TournamentOrganisersController } from './tournament-organisers.controller.js';
import { TournamentOrganisersService } from './tournament-organisers.service.js';
import { TournamentsController } from './tournaments.controller.js';
import { TournamentsService } from './tournaments.service.js';

@Module({
  imports: [UnitsModule, AccountsModule],
  controllers: [TournamentsController, TournamentOrganisersController],
  providers: [TournamentsService, TournamentOrganisersService],
  exports: [TournamentsService],
})
export class TournamentsModule {}
