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

  @ApiPropertyOptional({
    example: '王建国',
    maxLength: 50,
    nullable: true,
    type: String,
    description: '领队 (team leader)',
  })
  @Nullable()
  @NameText(50)
  leaderName?: string | null;

  @ApiPropertyOptional({ example: '李志强', maxLength: 50, nullable: true, type: String, description: '教练 (coach)' })
  @Nullable()
  @NameText(50)
  coachName?: string | null;

  @ApiPropertyOptional({
    example: '张伟',
    maxLength: 50,
    nullable: true,
    type: String,
    description: '助理教练 (assistant coach)',
  })
  @Nullable()
  @NameText(50)
  assistantCoachName?: string | null;

  @ApiPropertyOptional({
    example: '陈静',
    maxLength: 50,
    nullable: true,
    type: String,
    description: '队医 (team doctor)',
  })
  @Nullable()
  @NameText(50)
  doctorName?: string | null;
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
  @ApiProperty({ example: '王建国', nullable: true, type: String, description: '领队' }) leaderName: string | null;
  @ApiProperty({ example: '李志强', nullable: true, type: String, description: '教练' }) coachName: string | null;
  @ApiProperty({ example: '张伟', nullable: true, type: String, description: '助理教练' }) assistantCoachName:
    string | null;
  @ApiProperty({ example: '陈静', nullable: true, type: String, description: '队医' }) doctorName: string | null;
  @ApiProperty({
    example: '/api/v1/teams/0b6f6a52-3f0e-4d55-9c43-2f5d0f1c1a11/logo/q1w2e3r4t5y6u7i8o9p0aa',
    nullable: true,
    type: String,
    description: 'The logo image; the address changes whenever the image does (cached for a year)',
  })
  logoUrl: string | null;
  @ApiProperty({ type: 'integer', example: 12, description: 'Players on the roster now' }) rosterSize: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
