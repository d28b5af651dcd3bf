import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { CalendarDate, NameText, Nullable, Optional } from '../../common/validation/decorators.js';
import { Username } from '../accounts/account.dto.js';

export class CreateAssignmentDto {
  @ApiProperty({ example: 'zhangsan', description: 'Username of a scorekeeper account' })
  @Username()
  username: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'One game; or give court and day instead',
  })
  @Nullable()
  @IsUUID()
  gameId?: string | null;

  @ApiPropertyOptional({
    example: '1号场',
    maxLength: 40,
    nullable: true,
    type: String,
    description: 'Every game on this court on `day`',
  })
  @Nullable()
  @NameText(40)
  court?: string | null;

  @ApiPropertyOptional({ example: '2024-05-11', format: 'date', nullable: true, type: String })
  @Nullable()
  @CalendarDate('2024-05-11')
  day?: string | null;
}

export class AssignmentQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Also list removed assignments' })
  @Optional()
  @Type(() => Boolean)
  @IsBoolean()
  includeRemoved?: boolean;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: 'zhangsan' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) gameId: string | null;
  @ApiProperty({ nullable: true, type: String }) court: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) day: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) removedAt: string | null;
}

export class CreateGameCodeDto {
  @ApiProperty({ format: 'uuid', description: 'The game the code lets a device score' })
  @IsUUID()
  gameId: string;

  @ApiPropertyOptional({
    default: 240,
    description: 'Minutes the code can be exchanged for (the device then stays logged in for up to 24 hours)',
  })
  @Optional()
  @IsInt()
  @Min(5)
  @Max(10080)
  expiresInMinutes?: number;
}

export class GameCodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ format: 'uuid' }) gameId: string;
  @ApiProperty({ enum: ['active', 'used', 'expired', 'revoked'] }) status: 'active' | 'used' | 'expired' | 'revoked';
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) usedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
}

/** Returned once, when the code is made: the code itself is never stored or shown again. */
export class IssuedGameCodeDto extends GameCodeDto {
  @ApiProperty({ example: '482913', description: 'Six digits to type on the device; works once' }) code: string;
  @ApiProperty({
    example: '/score?code=482913',
    description: 'The same, as a link to open on the device (e.g. shared as a QR code)',
  })
  link: string;
}
