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
import { TeamEntity } from '../teams/team.entity.js';

export type RosterChangeAction = 'add' | 'update' | 'remove' | 'import';

/** A roster change made after the lock by organiser override: kept as a record, never edited. */
@Entity('roster_override')
@Index('ix_roster_override_team', ['teamId', 'createdAt'])
export class RosterOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_roster_override_team' })
  team?: Relation<TeamEntity>;

  @Column({ type: 'uuid', nullable: true })
  playerId: string | null;

  @Column({ type: 'varchar', length: 10 })
  action: RosterChangeAction;

  @Column({ type: 'text' })
  reason: string;

  /** What changed: the player's values before and after, or the imported rows. */
  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
