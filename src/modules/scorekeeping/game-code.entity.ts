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
import { SessionEntity } from '../sessions/session.entity.js';
import { GameEntity } from '../games/game.entity.js';
import { TournamentEntity } from '../tournaments/tournament.entity.js';

/**
 * A one-time code that logs a device in as scorekeeper of one game. Only a keyed hash of the
 * code is stored; the code itself is shown once, to the organiser who made it.
 */
@Entity('game_code')
@Index('ix_game_code_tournament', ['tournamentId', 'createdAt'])
// Two unused codes never share a value, so a code names one game without the tournament.
@Index('uq_game_code_active', ['codeHash'], { unique: true, where: 'used_at IS NULL AND revoked_at IS NULL' })
export class GameCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tournamentId: string;

  @ManyToOne(() => TournamentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tournament_id', foreignKeyConstraintName: 'fk_game_code_tournament' })
  tournament?: Relation<TournamentEntity>;

  @Column({ type: 'uuid' })
  gameId: string;

  @ManyToOne(() => GameEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'game_id', foreignKeyConstraintName: 'fk_game_code_game' })
  game?: Relation<GameEntity>;

  /** HMAC-SHA256 (hex) of the code under a key derived from the server secret. */
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The session the code was exchanged for; revoking the code revokes it too. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_game_code_session' })
  session?: Relation<SessionEntity> | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
