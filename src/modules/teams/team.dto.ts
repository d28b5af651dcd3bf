import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page.js';
import { HEX_COLOUR, NameText, Nullable, Optional } from '../../common/validation/decorators.js';

export class CreateTeamDto {
  @ApiProperty({ format: 'uuid', description: 'The unit (union or enterprise) entering the team' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '长兴天顺物流队', maxLength: 60 })
  @NameText(60)
  name: string;

  @ApiPropertyOptional({ example: '天顺物流', maxLength: 12, nullable: true, type: String })
  @Nullable()
  @NameText(12)
  shortName?: string | null;

  @ApiPropertyOptional({ example: '#1E4FA0', nullable: true, type: String, description: 'Jersey colour, #RRGGBB' })
  @Nullable()
  @Matches(HEX_COLOUR, { message: 'must be a colour such as #1E4FA0' })
  primaryColor?: string | null;

  @ApiPropertyOptional({ example: '#FFFFFF', nullable: true, type: String })
  @Nullable()
  @Matches(HEX_COLOUR, { message: 'must be a colour such as #FFFFFF' })
  secondaryColor?: string | null;
}

export class UpdateTeamDto extends PartialType(OmitType(CreateTeamDto, ['unitId'] as const), {
  skipNullProperties: false,
}) {}

export class TeamQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  unitId?: string;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '长兴天顺物流队' }) name: string;
  @ApiProperty({ example: '天顺物流', nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ example: '#1E4FA0', nullable: true, type: String }) primaryColor: string | null;
  @ApiProperty({ example: '#FFFFFF', nullable: true, type: String }) secondaryColor: string | null;
  @ApiProperty({ example: 12, description: 'Players on the roster now' }) rosterSize: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
