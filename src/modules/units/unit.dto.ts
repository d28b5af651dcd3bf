import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page.js';
import { NameText, Nullable, Optional } from '../../common/validation/decorators.js';
import { UNIT_KINDS, type UnitEntity, type UnitKind } from './unit.entity.js';

export class CreateUnitDto {
  @ApiProperty({ example: '长兴县总工会', maxLength: 100 })
  @NameText(100)
  name: string;

  @ApiPropertyOptional({ example: '长兴总工会', maxLength: 30, nullable: true, type: String })
  @Nullable()
  @NameText(30)
  shortName?: string | null;

  @ApiProperty({
    enum: UNIT_KINDS,
    example: 'county_union',
    description: 'federation = 市总工会; district/county union = 区/县总工会',
  })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The unit this one belongs to (county union > enterprise)',
  })
  @Nullable()
  @IsUUID()
  parentId?: string | null;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto, { skipNullProperties: false }) {}

export class UnitQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @Optional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  parentId?: string;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '长兴县总工会' })
  name: string;
  @ApiProperty({ example: '长兴总工会', nullable: true, type: String })
  shortName: string | null;
  @ApiProperty({ enum: UNIT_KINDS })
  kind: UnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;
  @ApiProperty()
  createdAt: string;
  @ApiProperty()
  updatedAt: string;
}

export const toUnitDto = (u: UnitEntity): UnitDto => ({
  id: u.id,
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  parentId: u.parentId,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});
