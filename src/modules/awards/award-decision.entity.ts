import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { AwardRecipient, DecidedAwardKey } from '../../domain/awards/index.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * An award the organisers decided (MVP, all-tournament five, 精神风尚奖, 优秀组织奖): who receives
 * it and the citation. One row per award and tournament; checked by src/domain/awards
 * (validateAwardDecisions) before it is written, and every change is in the audit log.
 */
@Entity('award_decision')
export class AwardDecisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_award_decision_tournament' })
  tournament?: Relation<TournamentEntity>;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  awardKey: DecidedAwardKey;

  /** `[{ type: 'player' | 'team' | 'unit', id }]`, in the order they are read out. */
  @Column({ type: 'jsonb' })
  recipients: AwardRecipient[];

  @Column({ type: 'text', nullable: true })
  citation: string | null;

  /** The award's local name when it differs (精神风尚团队奖, 体育道德风尚奖). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  labelZh: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  labelEn: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
