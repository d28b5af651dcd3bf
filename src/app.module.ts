import { Module, type DynamicModule } from '@nestjs/common';
import { FreshPublicReads } from './common/http/fresh-reads.js';
import { HTTP_INTERCEPTOR_CHAIN } from './common/http/http-interceptors.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SharedAnonymousReads } from './common/http/shared-reads.interceptor.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { migrate } from './database/migrate.js';
import { TransactionModule } from './database/transaction.js';
import { LiveDeliveryModule } from './live/delivery.module.js';
import { LiveModule } from './live/live.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AwardsModule } from './modules/awards/awards.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { CompetitionModule } from './modules/competition/competition.module.js';
import { ExportNegotiation } from './modules/exports/export-negotiation.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { GamesModule } from './modules/games/games.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HomeModule } from './modules/home/home.module.js';
import { PlayersModule } from './modules/players/players.module.js';
import { ScorekeepingModule } from './modules/scorekeeping/scorekeeping.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { TeamsModule } from './modules/teams/teams.module.js';
import { TournamentsModule } from './modules/tournaments/tournaments.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({
              url: config.databaseUrl,
              poolSize: config.env.DB_POOL_SIZE,
              logging: config.env.LOG_LEVEL === 'debug' || config.env.LOG_LEVEL === 'trace',
            }),
            // main.ts already waited for the database with a bounded retry.
            retryAttempts: 0,
          }),
          // Migrations under a lock, so instances starting together do not race (migrate.ts).
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            if (config.env.MIGRATIONS_RUN) await migrate(ds);
            return ds;
          },
        }),
        TransactionModule,
        SessionsModule,
        AuditModule,
        AccountsModule,
        AuthModule,
        HealthModule,
        UnitsModule,
        TournamentsModule,
        TeamsModule,
        PlayersModule,
        ScorekeepingModule,
        LiveDeliveryModule,
        GamesModule,
        CompetitionModule,
        StatsModule,
        AwardsModule,
        HomeModule,
        DocumentsModule,
        WebhooksModule,
        ExportsModule,
        CalendarModule,
        LiveModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        FreshPublicReads,
        SharedAnonymousReads,
        {
          // Bound to every controller by @ApiController, never globally (api-controller.ts says
          // why). In this order: a spreadsheet by Accept (and Vary: Accept on every answer of
          // such an address, kept ones too), then a kept read's answer (encoded for each
          // caller), which wraps the shared computation.
          provide: HTTP_INTERCEPTOR_CHAIN,
          useFactory: (exports: ExportNegotiation, fresh: FreshPublicReads, shared: SharedAnonymousReads) => [
            exports,
            fresh,
            shared,
          ],
          inject: [ExportNegotiation, FreshPublicReads, SharedAnonymousReads],
        },
      ],
      exports: [APP_CONFIG, HTTP_INTERCEPTOR_CHAIN],
    };
  }
}
