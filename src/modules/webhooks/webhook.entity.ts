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
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * A receiver an organiser registered for a tournament, and the events it wants. The secret signs
 * every delivery (HMAC-SHA256); it has to be kept as it is to sign with, so it is shown to the
 * organiser once and never returned again.
 */
@Entity('webhook')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_webhook_tournament')
  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_webhook_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'jsonb' })
  events: WebhookEvent[];

  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
