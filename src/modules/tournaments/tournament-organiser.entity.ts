import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { OrganiserRole } from '../../domain/access/tournament-policy.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { TournamentEntity } from './tournament.entity.js';

/** Who organises a tournament: its owner (the creator) and the co-organisers the owner invited. */
@Entity('tournament_organiser')
@Index('ix_tournament_organiser_account', ['accountId'])
@Check('ck_tournament_organiser_role', `role IN ('owner', 'co_organiser')`)
export class TournamentOrganiserEntity {
  @PrimaryColumn({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_tournament_organiser_tournament' })
  tournament?: Relation<TournamentEntity>;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_tournament_organiser_account' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'varchar', length: 12 })
  role: OrganiserRole;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
