import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { NameText, Nullable, Optional, Trim } from '../../common/validation/decorators.js';
import { POSITIONS, type Position } from './player.entity.js';

const PLAYER_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'jerseyNumber', '-jerseyNumber'] as const;

export class OverrideDto {
  @ApiPropertyOptional({
    example: '赛前伤病替换，经裁判长批准',
    maxLength: 500,
    description: 'Required after the roster lock: the organiser override reason, recorded with the change',
  })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(500)
  overrideReason?: string;
}

export class CreatePlayerDto extends OverrideDto {
  @ApiProperty({ example: '王磊', maxLength: 50 })
  @NameText(50)
  name: string;

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(0)
  @Max(99)
  jerseyNumber: number;

  @ApiPropertyOptional({ enum: POSITIONS, nullable: true, example: 'PG' })
  @Nullable()
  @IsIn(POSITIONS)
  position?: Position | null;

  @ApiPropertyOptional({ example: '长兴天顺物流有限公司', maxLength: 100, nullable: true, type: String })
  @Nullable()
  @NameText(100)
  employer?: string | null;

  @ApiPropertyOptional({
    example: '33050119900101123X',
    nullable: true,
    type: String,
    description:
      'PRC resident ID (18 characters). Never stored or returned: only a keyed hash is kept, to stop one person playing for two teams',
  })
  @Nullable()
  @IsString()
  @MaxLength(18, { message: 'must be 18 characters' })
  nationalId?: string | null;
}

export class UpdatePlayerDto extends PartialType(CreatePlayerDto, { skipNullProperties: false }) {}

export class RemovePlayerQueryDto extends OverrideDto {}

export class ImportQueryDto extends OverrideDto {}

export class PlayerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, enum: PLAYER_SORTS, default: 'jerseyNumber' })
  @Optional()
  @IsIn(PLAYER_SORTS)
  sort: (typeof PLAYER_SORTS)[number] = 'jerseyNumber';

  @ApiPropertyOptional({ enum: POSITIONS })
  @Optional()
  @IsIn(POSITIONS)
  position?: Position;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this team (tournament-wide list)' })
  @Optional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  override pageSize = 50;
}

export class PlayerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ example: '王磊' }) name: string;
  @ApiProperty({ type: 'integer', example: 7 }) jerseyNumber: number;
  @ApiProperty({ enum: POSITIONS, nullable: true }) position: Position | null;
  @ApiProperty({ example: '长兴天顺物流有限公司', nullable: true, type: String }) employer: string | null;
  @ApiProperty({ description: 'Whether an ID number was registered (the number itself is never returned)' })
  hasNationalId: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ImportResultDto {
  @ApiProperty({ type: 'integer', example: 12 }) imported: number;
  @ApiProperty({ type: [PlayerDto] }) players: PlayerDto[];
}
