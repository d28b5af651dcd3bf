import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { StatsSettings } from '../../domain/awards/index.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * A tournament's settings for leaders and awards (minimum games and attempts, total or per game,
 * the MVP formula). No row: the FIBA-like defaults (src/domain/awards/settings.ts).
 */
@Entity('stats_settings')
export class StatsSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  tournamentId: string;

  @OneToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_stats_settings_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'jsonb' })
  settings: StatsSettings;

  @Column({ type: 'int', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
