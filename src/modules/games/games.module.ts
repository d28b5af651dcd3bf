import { Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module.js';
import { ScorekeepingModule } from '../scorekeeping/scorekeeping.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { GameFeed } from './game-feed.service.js';
import { GameFixtures } from './game-fixtures.service.js';
import { GameLifecycleService } from './game-lifecycle.service.js';
import { GameResultEvents } from './game-result-events.js';
import { GameStates } from './game-states.service.js';
import { GameStore } from './game-store.js';
import { GamesController } from './games.controller.js';
import { GamesService } from './games.service.js';
import { PaperResultController } from './paper-result.controller.js';
import { PaperResultService } from './paper-result.service.js';
import { ScoringController } from './scoring.controller.js';
import { ScoringService } from './scoring.service.js';

/** Games, their lifecycle and their play-by-play (rules in src/domain/game). */
@Module({
  imports: [TournamentsModule, TeamsModule, PlayersModule, ScorekeepingModule],
  controllers: [GamesController, ScoringController, PaperResultController],
  providers: [
    GameStore,
    GamesService,
    GameLifecycleService,
    ScoringService,
    GameFixtures,
    GameResultEvents,
    GameFeed,
    GameStates,
    PaperResultService,
  ],
  exports: [GamesService, GameLifecycleService, ScoringService, GameFixtures, GameResultEvents, GameFeed, GameStates],
})
export class GamesModule {}
