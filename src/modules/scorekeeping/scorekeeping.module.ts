import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { GameDirectoryModule } from '../games/game-directory.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { AssignmentsService } from './assignments.service.js';
import { GameCodesService } from './game-codes.service.js';
import { ScorekeeperAccess } from './scorekeeper-access.service.js';
import { ScorekeepingController } from './scorekeeping.controller.js';

/** Scorekeeper access: assignments, game codes, and the check live scoring will call (ScorekeeperAccess). */
@Module({
  imports: [TournamentsModule, AccountsModule, AuthModule, GameDirectoryModule],
  controllers: [ScorekeepingController],
  providers: [AssignmentsService, GameCodesService, ScorekeeperAccess],
  exports: [ScorekeeperAccess],
})
export class ScorekeepingModule {}
