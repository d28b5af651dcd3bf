import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { MAX_ATTEMPTS, retryDelayMs, signDelivery } from '../../domain/webhooks/index.js';
import { sendDelivery } from './webhook-sender.js';

interface Claimed {
  id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/** How often the outbox is read for due deliveries (also woken at once after a commit that wrote some). */
const POLL_MS = 1000;
/** A claimed delivery is not claimed again for this long (an instance that died mid-send). */
const LEASE_SECONDS = 60;
const BATCH = 20;

/**
 * Sends the outbox (webhook_delivery) after commit: claims due rows (FOR UPDATE SKIP LOCKED, so
 * several instances share the work without sending a row twice), POSTs each signed, and records
 * the outcome: delivered, or another attempt later with exponential backoff, or failed after
 * MAX_ATTEMPTS. What is pending when the server stops is sent after it starts again.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Reads the outbox now (after a commit that wrote to it), or once more when a read is under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => this.logger.error({ err: e }, 'webhook dispatch failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((d) => this.attempt(d)));
    }
  }

  private async claim(): Promise<Claimed[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $1)
         FROM webhook w
        WHERE w.id = d.webhook_id
          AND d.id IN (SELECT id FROM webhook_delivery
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.event, d.body, d.attempts, w.url, w.secret`,
      [LEASE_SECONDS, BATCH],
    )) as [Claimed[], number];
    return rows;
  }

  private async attempt(d: Claimed): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await sendDelivery(
      d.url,
      {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Courtside-Webhooks/1',
        'x-courtside-event': d.event,
        'x-courtside-delivery': d.id,
        'x-courtside-timestamp': String(timestamp),
        'x-courtside-signature': signDelivery(d.secret, timestamp, d.body),
      },
      d.body,
      this.config.env.WEBHOOK_ALLOW_PRIVATE,
    );
    const attempts = d.attempts + 1;
    if (outcome.ok) {
      await this.dataSource.query(
        `UPDATE webhook_delivery SET status = 'delivered', attempts = $2, last_attempt_at = now(),
                last_status_code = $3, last_error = NULL, delivered_at = now() WHERE id = $1`,
        [d.id, attempts, outcome.statusCode],
      );
      return;
    }
    const giveUp = attempts >= MAX_ATTEMPTS;
    const delay = retryDelayMs(attempts, this.config.env.WEBHOOK_RETRY_BASE_MS);
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = $2, attempts = $3, last_attempt_at = now(), last_status_code = $4,
              last_error = $5, next_attempt_at = now() + make_interval(secs => $6) WHERE id = $1`,
      [d.id, giveUp ? 'failed' : 'pending', attempts, outcome.statusCode, outcome.error, delay / 1000],
    );
    if (!giveUp && delay < POLL_MS * 10) setTimeout(() => this.kick(), delay).unref();
  }
}
