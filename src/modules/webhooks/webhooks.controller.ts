import { Body, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveriesQueryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
} from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';

const ORGANISERS = 'organisers of the tournament, or an administrator';

@ApiTags('webhooks')
@ApiController('tournaments/:tournamentId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook for some of the tournament’s events' })
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({ type: CreatedWebhookDto, description: 'With the signing secret, shown this once' })
  @ApiErrors(400, 404)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.create(actor, tournamentId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The tournament’s webhooks (without their secrets)' })
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({ type: [WebhookDto] })
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @UuidParam('tournamentId') tournamentId: string): Promise<WebhookDto[]> {
    return this.webhooks.list(actor, tournamentId);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook and its delivery log' })
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @UuidParam('webhookId') webhookId: string,
  ): Promise<void> {
    await this.webhooks.remove(actor, tournamentId, webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The webhook’s delivery log, newest first' })
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrors(400, 404)
  deliveries(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @UuidParam('webhookId') webhookId: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(actor, tournamentId, webhookId, query);
  }
}
