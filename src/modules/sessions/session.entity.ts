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
import type { Role, SessionKind, SessionScope } from '../../domain/access/principal.js';
import { AccountEntity } from '../accounts/account.entity.js';

/**
 * One login: a password login of an account, or a device that exchanged a game code. Access
 * tokens name their session, and every request reads this row by primary key, so revoking it
 * takes effect on the next request.
 */
@Entity('session')
@Index('ix_session_account', ['accountId'])
@Check('ck_session_kind', `kind IN ('password', 'game_code')`)
export class SessionEntity {
  /** Chosen by the server before the insert, because the refresh token embeds it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_session_account' })
  account?: Relation<AccountEntity> | null;

  @Column({ type: 'varchar', length: 12 })
  kind: SessionKind;

  /** The role the session acts in (the account's, or scorekeeper for a game code). */
  @Column({ type: 'varchar', length: 12 })
  role: Role;

  /** What the session is limited to: {} for a password login, {tournamentId, gameIds} for a game code. */
  @Column({ type: 'jsonb' })
  scope: SessionScope;

  /** SHA-256 (hex) of the current refresh token; each refresh replaces it. */
  @Column({ type: 'char', length: 64 })
  refreshTokenHash: string;

  /**
   * The refresh token this one replaced. Presenting it again means it was copied, so the
   * session ends; any other wrong token is merely refused (the session id in it is no secret).
   */
  @Column({ type: 'char', length: 64, nullable: true })
  previousRefreshTokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** logout, password_changed, account_disabled, scorekeeper_removed, game_code_revoked, refresh_token_reused */
  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;
}
