import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write, as it happened: who (account, role, session), when, what, and for changes the
 * value before and after. Append-only: a trigger (migration AccountsAndAccess) refuses UPDATE,
 * DELETE and TRUNCATE. No foreign keys on purpose: the log outlives what it describes, and a
 * cascade must never try to delete from it.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_tournament', ['tournamentId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** null for a device logged in with a game code (its session says which code). */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  role: string | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  tournamentId: string | null;

  /** entity.verb, e.g. team.update, auth.login, game_code.revoke */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
