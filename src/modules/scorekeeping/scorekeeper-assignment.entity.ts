import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity.js';
import { GameEntity } from '../games/game.entity.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/** An organiser's assignment of a scorekeeper account to one game, or to a court for a day. */
@Entity('scorekeeper_assignment')
@Index('ix_scorekeeper_assignment_account', ['accountId'])
@Index('ix_scorekeeper_assignment_tournament', ['tournamentId'])
@Check(
  'ck_scorekeeper_assignment_target',
  '(game_id IS NOT NULL AND court IS NULL AND day IS NULL) OR (game_id IS NULL AND court IS NOT NULL AND day IS NOT NULL)',
)
export class ScorekeeperAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_scorekeeper_assignment_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_scorekeeper_assignment_account' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'uuid', nullable: true })
  gameId: string | null;

  @ManyToOne(() => GameEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'fk_scorekeeper_assignment_game' })
  game?: Relation<GameEntity> | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  court: string | null;

  @Column({ type: 'date', nullable: true })
  day: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
