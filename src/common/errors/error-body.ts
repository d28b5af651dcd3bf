import { ApiProperty } from '@nestjs/swagger';
import type { ErrorDetail } from '../../domain/shared/domain-error.js';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'jerseyNumber' })
  field: string;

  @ApiProperty({ example: 'must not be greater than 99' })
  reason: string;

  @ApiProperty({ required: false, example: 3, description: 'CSV import: line in the file (header = 1)' })
  row?: number;

  @ApiProperty({ required: false, example: '号码', description: 'CSV import: column as written in the header' })
  column?: string;

  @ApiProperty({
    required: false,
    example: 'maxLength',
    description: 'The validation rule broken (constraint name), for clients that word the reason themselves',
  })
  rule?: string;

  @ApiProperty({ required: false, example: 99, description: 'The bound of a rule such as `maxLength` or `max`' })
  limit?: number;
}

/** The one JSON shape of every failure. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Machine-readable code' })
  code: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details: ErrorDetail[];

  @ApiProperty({ example: '6f1c2d1e-7a3b-4b0e-9d55-0c1f4b8f2a10' })
  requestId: string;

  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: true,
    description: 'Extra context, e.g. the current state on a stale write',
  })
  context?: Record<string, unknown>;
}
