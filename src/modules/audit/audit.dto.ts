import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;

  @ApiPropertyOptional({ example: 'team.update', description: 'Only this action' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'must be an action such as team.update' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this account did' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this tournament (the administrators’ log)' })
  @IsOptional()
  @IsUUID()
  tournamentId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ example: 42 }) id: number;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a game-code device' }) accountId:
    string | null;
  @ApiProperty({ example: 'organiser', nullable: true, type: String }) role: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) tournamentId: string | null;
  @ApiProperty({ example: 'team.update' }) action: string;
  @ApiProperty({ example: 'team' }) entity: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The value before the change' }) before: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The value after the change' }) after: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}
