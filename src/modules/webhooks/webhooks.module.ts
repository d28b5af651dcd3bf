import { Module } from '@nestjs/common';
import { GamesModule } from '../games/games.module.js';
import { TournamentsModule } from '../tournaments/tournaments.module.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Signed HTTP notices of a tournament's events to receivers its organisers registered (src/domain/webhooks). */
@Module({
  imports: [TournamentsModule, GamesModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookDispatcher],
})
export class WebhooksModule {}
