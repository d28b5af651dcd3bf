import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { localDateTime } from '../games/local-date-time.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/** A court of the venue. `code` is what schedules name ('main'); `name` what people read ('主场'). */
@Entity('competition_court')
@Index('uq_competition_court_code', ['tournamentId', 'code'], { unique: true })
@Index('uq_competition_court_name', ['tournamentId', 'name'], { unique: true })
export class CourtEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_competition_court_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** Order in which the organiser listed the courts (the scheduler prefers earlier ones on ties). */
  @Column({ type: 'smallint' })
  position: number;

  @OneToMany(() => CourtWindowEntity, (w) => w.court)
  windows?: Relation<CourtWindowEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** When a court may be used (venue wall clock); several per court, e.g. one per day. */
@Entity('competition_court_window')
@Check('ck_competition_court_window_order', 'ends_at > starts_at')
export class CourtWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_competition_court_window_court')
  @Column({ type: 'uuid' })
  courtId: string;

  @ManyToOne(() => CourtEntity, (c) => c.windows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'court_id', foreignKeyConstraintName: 'fk_competition_court_window_court' })
  court?: Relation<CourtEntity>;

  @Column({ type: 'timestamp', transformer: localDateTime })
  startsAt: string;

  @Column({ type: 'timestamp', transformer: localDateTime })
  endsAt: string;
}
