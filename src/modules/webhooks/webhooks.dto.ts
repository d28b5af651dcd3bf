import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '../../common/pagination/page.js';
import { Optional } from '../../common/validation/decorators.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/webhooks/index.js';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://union.example.org/courtside-hook',
    description:
      'http:// or https://; private and local addresses only where the server allows them (WEBHOOK_ALLOW_PRIVATE)',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['game.final', 'result.corrected'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events: WebhookEvent[];

  @ApiPropertyOptional({ example: '市总工会体育部成绩公告屏', nullable: true, type: String })
  @Optional()
  @IsString()
  @MaxLength(200)
  description?: string | null;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_Jm1sWcV2…',
    description: 'Signs every delivery (see README "Webhooks"). Shown only in this answer: keep it now.',
  })
  secret: string;
}

export class DeliveriesQueryDto extends PagingQuery(100, 20) {}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Sent as X-Courtside-Delivery' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: WebhookEvent;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty({ type: 'integer', example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'When the next attempt is due (pending only)' })
  nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 503 }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.8:8080' })
  lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body sent (and signed)' })
  payload: object;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'Newest first' }) items: WebhookDeliveryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}
