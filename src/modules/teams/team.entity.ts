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
import { TournamentEntity } from '../tournaments/tournament.entity.js';
import { UnitEntity } from '../units/unit.entity.js';

/** A team entered by one unit in one tournament. */
@Entity('team')
@Index('uq_team_tournament_name', ['tournamentId', 'name'], { unique: true })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_team_tournament')
  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_team_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Index('ix_team_unit')
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_team_unit' })
  unit?: Relation<UnitEntity>;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  shortName: string | null;

  @Column({ type: 'char', length: 7, nullable: true })
  primaryColor: string | null;

  @Column({ type: 'char', length: 7, nullable: true })
  secondaryColor: string | null;

  /** 领队, 教练, 助理教练, 队医: as printed in the programme (秩序册). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  leaderName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  coachName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  assistantCoachName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  doctorName: string | null;

  /** The logo's content hash (team_logo holds the bytes): part of its immutable URL. */
  @Column({ type: 'char', length: 22, nullable: true })
  logoHash: string | null;

  @Index('ix_team_sort_key')
  @Column({ type: 'varchar', length: 400 })
  sortKey: string;

  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
