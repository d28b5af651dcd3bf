import {
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
import type { TournamentStatus } from '../../domain/registration/roster.js';
import type { TournamentRules } from '../../domain/registration/tournament-rules.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

export const TOURNAMENT_LANGUAGES = ['zh', 'en'] as const;
export type TournamentLanguage = (typeof TOURNAMENT_LANGUAGES)[number];

@Entity('tournament')
export class TournamentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  season: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid', nullable: true })
  hostUnitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'host_unit_id', foreignKeyConstraintName: 'fk_tournament_host_unit' })
  hostUnit?: Relation<UnitEntity> | null;

  /** 承办单位: the units that organise it, in the order the programme lists them. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  organiserUnitIds: string[];

  /** 协办单位: the units that help organise it, in the order the programme lists them. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  coOrganiserUnitIds: string[];

  /** The organiser who created it. Null only for tournaments from before accounts existed (administrators manage those). */
  @Index('ix_tournament_owner')
  @Column({ type: 'uuid', nullable: true })
  ownerAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'owner_account_id', foreignKeyConstraintName: 'fk_tournament_owner' })
  owner?: Relation<AccountEntity> | null;

  @Column({ type: 'jsonb' })
  rules: TournamentRules;

  /** The language names the server makes up are in (presets' stage and group names): 'zh' or 'en'. */
  @Column({ type: 'varchar', length: 5, default: 'zh' })
  language: TournamentLanguage;

  @Index('ix_tournament_status')
  @Column({ type: 'varchar', length: 20, default: 'registration' })
  status: TournamentStatus;

  @Index('ix_tournament_sort_key')
  @Column({ type: 'varchar', length: 400 })
  sortKey: string;

  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
