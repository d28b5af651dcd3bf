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
import { TeamEntity } from '../teams/team.entity.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

export const POSITIONS = ['PG', 'SG', 'SF', 'PF', 'C', 'G', 'F'] as const;
export type Position = (typeof POSITIONS)[number];

/**
 * A player on a team's roster. A removed player keeps the row (removedAt) so games already
 * played still name them; uniqueness only binds players still on a roster.
 */
@Entity('player')
@Index('uq_player_team_jersey', ['teamId', 'jerseyNumber'], { unique: true, where: 'removed_at IS NULL' })
@Index('uq_player_tournament_person', ['tournamentId', 'nationalIdHash'], {
  unique: true,
  where: 'removed_at IS NULL AND national_id_hash IS NOT NULL',
})
@Check('ck_player_jersey_range', 'jersey_number BETWEEN 0 AND 99')
export class PlayerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // A tournament's players are read together (rosters, leaders and the version of a leaders read).
  @Index('ix_player_tournament')
  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_player_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Index('ix_player_team')
  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_player_team' })
  team?: Relation<TeamEntity>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'smallint' })
  jerseyNumber: number;

  @Column({ type: 'varchar', length: 2, nullable: true })
  position: Position | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  employer: string | null;

  /** HMAC-SHA256 (hex) of the normalised national ID number; the number itself is never stored. */
  @Column({ type: 'char', length: 64, nullable: true })
  nationalIdHash: string | null;

  @Index('ix_player_sort_key')
  @Column({ type: 'varchar', length: 400 })
  sortKey: string;

  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
