import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { assertCanEditUnit, canCreateUnit } from '../../domain/access/unit-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { Transactional, TransactionHost } from '../../database/transaction.js';
import { fetchPage, type Page } from '../../common/pagination/page.js';
import { mapUnique } from '../../database/pg-errors.js';
import { nameIndex } from '../../domain/shared/chinese-text.js';
import { forbidden, invalid, notFound } from '../../domain/shared/domain-error.js';
import { UnitEntity } from './unit.entity.js';
import { toUnitDto, type CreateUnitDto, type UnitDto, type UnitQueryDto, type UpdateUnitDto } from './unit.dto.js';

const UNIQUE = {
  uq_unit_name: { code: 'UNIT_NAME_TAKEN', field: 'name', reason: 'a unit with this name already exists' },
};

@Injectable()
export class UnitsService {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(UnitEntity);
  }

  async list(query: UnitQueryDto): Promise<Page<UnitDto>> {
    const qb = this.repo.createQueryBuilder('unit');
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere('unit.parent_id = :parentId', { parentId: query.parentId });
    return fetchPage(qb, query, toUnitDto);
  }

  async get(id: string): Promise<UnitDto> {
    return toUnitDto(await this.getEntity(id));
  }

  /** For other modules: the unit, or a not-found error naming the field that referred to it. */
  async getEntity(id: string, field?: string): Promise<UnitEntity> {
    const unit = await this.repo.findOneBy({ id });
    if (unit) return unit;
    if (field)
      throw invalid('UNIT_NOT_FOUND', `Unit ${id} does not exist`, [{ field, reason: 'no unit with this id' }]);
    throw notFound('UNIT_NOT_FOUND', `Unit ${id} does not exist`);
  }

  @Transactional()
  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitDto> {
    if (!canCreateUnit(actor)) throw forbidden('UNIT_FORBIDDEN', 'Only organisers and administrators register units');
    if (dto.parentId) await this.getEntity(dto.parentId, 'parentId');
    const unit = this.repo.create({
      ...dto,
      shortName: dto.shortName ?? null,
      parentId: dto.parentId ?? null,
      createdBy: actor.accountId,
      ...nameIndex(dto.name),
    });
    const after = toUnitDto(await mapUnique(() => this.repo.save(unit), UNIQUE));
    await this.audit.record(actor, {
      action: 'unit.create',
      entity: 'unit',
      entityId: after.id,
      tournamentId: null,
      after,
    });
    return after;
  }

  @Transactional()
  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const unit = await this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw notFound('UNIT_NOT_FOUND', `Unit ${id} does not exist`);
    assertCanEditUnit(actor, unit);
    const before = toUnitDto(unit);
    if (dto.parentId) await this.assertNoCycle(id, dto.parentId);
    Object.assign(unit, dto, dto.name ? nameIndex(dto.name) : {});
    const after = toUnitDto(await mapUnique(() => this.repo.save(unit), UNIQUE));
    await this.audit.record(actor, {
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      tournamentId: null,
      before,
      after,
    });
    return after;
  }

  /** A unit cannot become its own ancestor. */
  private async assertNoCycle(id: string, parentId: string): Promise<void> {
    await this.getEntity(parentId, 'parentId');
    const rows: Array<{ id: string }> = await this.repo.query(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM unit WHERE id = $1
         UNION SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id)
       SELECT id FROM up WHERE id = $2`,
      [parentId, id],
    );
    if (rows.length > 0) {
      throw invalid('UNIT_PARENT_CYCLE', 'A unit cannot belong to itself or to one of its own members', [
        { field: 'parentId', reason: 'would make the unit its own ancestor' },
      ]);
    }
  }
}
