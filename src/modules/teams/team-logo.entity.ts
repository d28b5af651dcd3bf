import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TeamEntity } from './team.entity.js';

/**
 * A team's logo image, in PostgreSQL rather than on disk: the Docker layout keeps state only in
 * the database volume (the app container has none), backups (pg_dump) carry logos with their
 * teams, and every instance behind a load balancer serves the same bytes. Kept out of `team`
 * so lists never read the bytes; at most 512 KB per team.
 */
@Entity('team_logo')
export class TeamLogoEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_team_logo' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_team_logo_team' })
  team?: Relation<TeamEntity>;

  /** image/png, image/jpeg or image/webp, as read from the file's first bytes. */
  @Column({ type: 'varchar', length: 20 })
  contentType: string;

  @Column({ type: 'char', length: 22 })
  hash: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
