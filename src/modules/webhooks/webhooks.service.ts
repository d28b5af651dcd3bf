import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { invalid, notFound } from '../../domain/shared/domain-error.js';
import { isIpLiteral, isPublicAddress, newWebhookSecret, parseTargetUrl } from '../../domain/webhooks/index.js';
import { AuditService } from '../audit/audit.service.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEntity } from './webhook.entity.js';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveriesQueryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
} from './webhooks.dto.js';

/** At most this many hooks per tournament: each change is written once per hook. */
const MAX_HOOKS = 20;

/** Registering, listing and removing a tournament's webhooks, and reading their delivery log (organisers). */
@Injectable()
export class WebhooksService {
  constructor(
    readonly txHost: TransactionHost,
    private readonly tournaments: TournamentsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get hooks() {
    return this.txHost.tx.getRepository(WebhookEntity);
  }

  @Transactional()
  async create(actor: Actor, tournamentId: string, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const url = parseTargetUrl(dto.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (
      !this.config.env.WEBHOOK_ALLOW_PRIVATE &&
      (host === 'localhost' || (isIpLiteral(host) && !isPublicAddress(host)))
    )
      throw invalid(
        'WEBHOOK_URL_PRIVATE',
        'The webhook address is a private or local address, which this server does not call',
        [{ field: 'url', reason: `${host} is private or local (the server's WEBHOOK_ALLOW_PRIVATE is off)` }],
      );
    if ((await this.hooks.count({ where: { tournamentId } })) >= MAX_HOOKS)
      throw invalid('WEBHOOK_LIMIT', `A tournament has at most ${MAX_HOOKS} webhooks`, [
        { field: 'url', reason: `this tournament already has ${MAX_HOOKS} webhooks; remove one first` },
      ]);
    const saved = await this.hooks.save(
      this.hooks.create({
        tournamentId,
        url: url.toString(),
        events: [...new Set(dto.events)],
        secret: newWebhookSecret(),
        description: dto.description ?? null,
        createdBy: actor.accountId,
      }),
    );
    await this.audit.record(actor, {
      action: 'webhook.created',
      entity: 'webhook',
      entityId: saved.id,
      tournamentId,
      before: null,
      after: { url: saved.url, events: saved.events },
    });
    return { ...toWebhookDto(saved), secret: saved.secret };
  }

  async list(actor: Actor, tournamentId: string): Promise<WebhookDto[]> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const hooks = await this.hooks.find({ where: { tournamentId }, order: { createdAt: 'ASC' } });
    return hooks.map(toWebhookDto);
  }

  @Transactional()
  async remove(actor: Actor, tournamentId: string, webhookId: string): Promise<void> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const hook = await this.find(tournamentId, webhookId);
    await this.hooks.delete({ id: hook.id });
    await this.audit.record(actor, {
      action: 'webhook.deleted',
      entity: 'webhook',
      entityId: hook.id,
      tournamentId,
      before: { url: hook.url, events: hook.events },
      after: null,
    });
  }

  async deliveries(
    actor: Actor,
    tournamentId: string,
    webhookId: string,
    query: DeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    await this.tournaments.assertCanManage(actor, tournamentId);
    const hook = await this.find(tournamentId, webhookId);
    const [rows, total] = await this.txHost.tx.getRepository(WebhookDeliveryEntity).findAndCount({
      where: { webhookId: hook.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      items: rows.map((d) => ({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
        lastAttemptAt: iso(d.lastAttemptAt),
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        deliveredAt: iso(d.deliveredAt),
        createdAt: d.createdAt.toISOString(),
        payload: JSON.parse(d.body) as object,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async find(tournamentId: string, webhookId: string): Promise<WebhookEntity> {
    const hook = await this.hooks.findOne({ where: { id: webhookId, tournamentId } });
    if (!hook) throw notFound('WEBHOOK_NOT_FOUND', `Webhook ${webhookId} does not exist in this tournament`);
    return hook;
  }
}

const toWebhookDto = (h: WebhookEntity): WebhookDto => ({
  id: h.id,
  tournamentId: h.tournamentId,
  url: h.url,
  events: h.events,
  description: h.description,
  createdAt: h.createdAt.toISOString(),
});
