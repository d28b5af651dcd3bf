import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { CompetitionModule } from '../competition/competition.module.js';
import { GamesModule } from '../games/games.module.js';
import { PlayersModule } from '../players/players.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DocumentPdfs } from './document-pdfs.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { PdfRenderer } from './pdf-renderer.js';

/** Printable documents (秩序册, 成绩册, scoresheets) from the existing reads, and their PDFs. */
@Module({
  imports: [
    TournamentsModule,
    UnitsModule,
    TeamsModule,
    PlayersModule,
    CompetitionModule,
    GamesModule,
    StatsModule,
    AwardsModule,
  ],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentPdfs, PdfRenderer],
})
export class DocumentsModule {}
