import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { NationalIdHasher } from './national-id-hasher.js';
import { PlayersController } from './players.controller.js';
import { PlayersService } from './players.service.js';
import { TournamentStartController } from './tournament-start.controller.js';

@Module({
  imports: [TeamsModule, TournamentsModule],
  controllers: [PlayersController, TournamentStartController],
  providers: [PlayersService, NationalIdHasher],
  exports: [PlayersService],
})
export class PlayersModule {}
