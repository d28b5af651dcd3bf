import { Module } from '@nestjs/common';
import { CompetitionModule } from '../competition/competition.module.js';
import { GamesModule } from '../games/games.module.js';
import { PlayersModule } from '../players/players.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { ExportNegotiation } from './export-negotiation.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** CSV and XLSX of the public tables (src/domain/exports lays them out). */
@Module({
  imports: [TournamentsModule, GamesModule, PlayersModule, TeamsModule, StatsModule, CompetitionModule],
  controllers: [ExportsController],
  // ExportNegotiation runs as one of the app's HTTP interceptors (common/http/http-interceptors.ts).
  providers: [ExportsService, ExportNegotiation],
  exports: [ExportsService, ExportNegotiation],
})
export class ExportsModule {}
