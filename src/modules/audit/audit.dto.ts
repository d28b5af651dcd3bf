import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { PagingQuery } from '../../common/pagination/page.js';
import { Optional } from '../../common/validation/decorators.js';

/** The audit log pages larger than other lists: up to 200 entries, 50 by default. */
export class AuditQueryDto extends PagingQuery(200, 50) {
  @ApiPropertyOptional({ example: 'team.update', description: 'Only this action' })
  @Optional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'must be an action such as team.update' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this account did' })
  @Optional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this tournament (the administrators’ log)' })
  @Optional()
  @IsUUID()
  tournamentId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ type: 'integer', example: 42 }) id: number;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a game-code device' }) accountId:
    string | null;
  @ApiProperty({ example: 'organiser', nullable: true, type: String }) role: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) tournamentId: string | null;
  @ApiProperty({ example: 'team.update' }) action: string;
  @ApiProperty({ example: 'team' }) entity: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'The value before the change',
  })
  before: Record<string, unknown> | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'The value after the change',
  })
  after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}
