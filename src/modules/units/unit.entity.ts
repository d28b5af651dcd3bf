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
import { AccountEntity } from '../accounts/account.entity.js';

export const UNIT_KINDS = [
  'federation',
  'district_union',
  'county_union',
  'industry_union',
  'enterprise',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A trade union or an enterprise that enters teams; a unit can belong to another (county union > enterprise). */
@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_unit_name', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: UnitKind;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_unit_parent' })
  parent?: Relation<UnitEntity> | null;

  /** The account that registered the unit; it (or an administrator) may edit it. Null for units from before accounts existed. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_unit_created_by' })
  creator?: Relation<AccountEntity> | null;

  @Index('ix_unit_sort_key')
  @Column({ type: 'varchar', length: 400 })
  sortKey: string;

  @Column({ type: 'varchar', length: 1000 })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
