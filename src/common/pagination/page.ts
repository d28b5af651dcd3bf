import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { searchQuery } from '../../domain/shared/chinese-text.js';
import { Optional } from '../validation/decorators.js';

export const SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type Sort = (typeof SORTS)[number] | 'jerseyNumber' | '-jerseyNumber';
// Sort names in the API -> entity properties; `name` sorts by the pinyin sort key.
const SORT_COLUMNS: Record<string, string> = { name: 'sortKey', createdAt: 'createdAt', jerseyNumber: 'jerseyNumber' };

/** `page` and `pageSize` (1..max, default given), for any paged query. */
export function PagingQuery(maxPageSize: number, defaultPageSize: number) {
  class Paging {
    @ApiPropertyOptional({ default: 1 })
    @Optional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(100_000, { message: 'must not be greater than 100000' })
    page = 1;

    @ApiPropertyOptional({ default: defaultPageSize })
    @Optional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize = defaultPageSize;
  }
  return Paging;
}

/** Paging, search and sort shared by every list endpoint. */
export class PageQueryDto extends PagingQuery(100, 20) {
  @ApiPropertyOptional({ description: 'Search in the name: characters, full pinyin or initials', example: 'nxcd' })
  @Optional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

/** Paging plus sorting by name (pinyin) or creation time. */
export class ListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SORTS, default: 'name', description: 'name sorts by pinyin (长兴 before 德清)' })
  @Optional()
  @IsIn(SORTS)
  sort: Sort = 'name';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A named page class per item type, for the OpenAPI document. */
export function PageOf<T>(item: new () => T) {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];
    @ApiProperty({ type: 'integer', example: 1 })
    total: number;
    @ApiProperty({ type: 'integer', example: 1 })
    page: number;
    @ApiProperty({ type: 'integer', example: 20 })
    pageSize: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageDto;
}

/** Applies search, sort (pinyin sort key, then id for a stable order) and paging; returns the page. */
export async function fetchPage<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQueryDto & { sort: Sort },
  map: (e: E) => T,
): Promise<Page<T>> {
  const a = qb.alias;
  if (query.q && searchQuery(query.q)) {
    const term = `%${searchQuery(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(`${a}.search_text LIKE :term`, { term });
  }
  const desc = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace('-', '')] ?? 'sortKey';
  qb.orderBy(`${a}.${column}`, desc ? 'DESC' : 'ASC').addOrderBy(`${a}.id`, 'ASC');
  qb.skip((query.page - 1) * query.pageSize).take(query.pageSize);
  const [rows, total] = await qb.getManyAndCount();
  return { items: rows.map(map), total, page: query.page, pageSize: query.pageSize };
}
