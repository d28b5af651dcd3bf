import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { WebhookEvent } from '../../domain/webhooks/index.js';
import { WebhookEntity } from './webhook.entity.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * The outbox and the delivery log in one: a row is written in the transaction of the change it
 * tells about (or right after its commit), and the dispatcher sends it from there, so it
 * survives a restart; its attempts stay for the organiser to read.
 */
@Entity('webhook_delivery')
@Index('ix_webhook_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_webhook_delivery_hook', ['webhookId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_webhook_delivery_webhook' })
  webhook?: Relation<WebhookEntity>;

  @Column({ type: 'varchar', length: 40 })
  event: WebhookEvent;

  /** The body sent, as JSON text (signed byte for byte). */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
