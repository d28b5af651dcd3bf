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
import type { Role } from '../../domain/access/principal.js';

/** A person who logs in: an administrator, an organiser or a scorekeeper. Never deleted, only disabled. */
@Entity('account')
@Check('ck_account_role', `role IN ('admin', 'organiser', 'scorekeeper')`)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-case, unique; what people type to log in. */
  @Index('uq_account_username', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  username: string;

  /** The name people read, usually Chinese (王磊). */
  @Column({ type: 'varchar', length: 50 })
  displayName: string;

  @Column({ type: 'varchar', length: 12 })
  role: Role;

  /** argon2id PHC string; null for an account that cannot log in with a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  /** Who created the account (null for the first administrator). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_account_created_by' })
  creator?: Relation<AccountEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
