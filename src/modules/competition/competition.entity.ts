import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { CompetitionConfig, CompetitionStructure, GroupDraw } from '../../domain/competition/index.js';
import type { Schedule } from '../../domain/schedule/index.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';
import type {
  AppliedResult,
  CompetitionFormat,
  CompetitionLots,
  ForcedCorrection,
  PendingOverride,
  ScheduleSettingsRecord,
} from './competition.types.js';

export const COMPETITION_PHASES = ['configured', 'drawn', 'games_created'] as const;
export type CompetitionPhase = (typeof COMPETITION_PHASES)[number];

/**
 * A tournament's competition structure: the organiser's stage configuration, the group draw (with
 * its seed, so a random draw can be replayed), the structure built from them (src/domain/competition)
 * and the schedule. The games themselves live in the games module (`game.competition_key` is the
 * structure's game id). `results` keeps the last decided result of every structure game that
 * advancement acted on, so a game reopened for a correction keeps counting until it is decided again.
 */
@Entity('competition')
@Check('ck_competition_phase', `phase IN (${COMPETITION_PHASES.map((p) => `'${p}'`).join(', ')})`)
export class CompetitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_competition_tournament', { unique: true })
  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_competition_tournament' })
  tournament?: Relation<TournamentEntity>;

  /** configured: stages known, groups not drawn; drawn: structure built; games_created: game rows exist. */
  @Column({ type: 'varchar', length: 16 })
  phase: CompetitionPhase;

  /** How the organiser described the format (template options or explicit stages). */
  @Column({ type: 'jsonb' })
  format: CompetitionFormat;

  /** The stage configuration, groups as configured (without the draw). */
  @Column({ type: 'jsonb' })
  config: CompetitionConfig;

  @Column({ type: 'varchar', length: 8, nullable: true })
  drawStageId: string | null;

  /** The group draw: method, recorded seed, keep-units-apart flag and the groups. */
  @Column({ type: 'jsonb', nullable: true })
  draw: GroupDraw | null;

  @Column({ type: 'jsonb', nullable: true })
  structure: CompetitionStructure | null;

  /** Structure game id -> the result advancement last applied. */
  @Column({ type: 'jsonb' })
  results: Record<string, AppliedResult>;

  /** Drawings of lots recorded by the organisers (group ties, best-placed ties, final places). */
  @Column({ type: 'jsonb' })
  lots: CompetitionLots;

  /** An organiser's one-shot permission to apply a correction that changes games already started. */
  @Column({ type: 'jsonb', nullable: true })
  pendingOverride: PendingOverride | null;

  /** Every correction forced through an override, with the games it overrode. */
  @Column({ type: 'jsonb' })
  forcedCorrections: ForcedCorrection[];

  @Column({ type: 'jsonb', nullable: true })
  scheduleSettings: ScheduleSettingsRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  schedule: Schedule | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
