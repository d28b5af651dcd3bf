import { ApiProperty } from '@nestjs/swagger';
import { DomainError, type ErrorDetail } from '../../domain/shared/domain-error.js';
import { STATUS_BY_KIND, STATUS_TEXT } from './error-status.js';
import { RequestValidationError } from './validation.js';

export class ErrorDetailDto implements Omit<ErrorDetail, 'rule' | 'limit'> {
  @ApiProperty({ example: 'jerseyNumber' })
  field: string;

  @ApiProperty({ example: 'must not be greater than 99' })
  reason: string;

  @ApiProperty({
    type: 'integer',
    required: false,
    example: 3,
    description: 'CSV import: line in the file (header = 1)',
  })
  row?: number;

  @ApiProperty({ required: false, example: '号码', description: 'CSV import: column as written in the header' })
  column?: string;
}

/** The one JSON shape of every failure. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 })
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
    description:
      'Extra context, e.g. the current state on a stale write. A validation failure adds `rules`: for each detail (by `index`) the rule broken (`rule`, class-validator’s name such as `isNotEmpty` or `maxLength`) and its bound (`limit`), for clients that word the reason themselves',
  })
  context?: Record<string, unknown>;
}

/** One detail's broken rule, in `context.rules` of an error body. */
export interface DetailRule {
  /** The detail's position in `details`. */
  index: number;
  field: string;
  rule: string;
  limit?: number;
}

/**
 * The details as clients have always read them (`field`, `reason`, and `row`/`column` for file
 * imports), with the rules broken moved beside them into `context.rules`, so a page can word each
 * reason in its own language without the details changing shape.
 */
export function detailsAndRules(
  details: ErrorDetail[],
  context: Record<string, unknown> | undefined,
): { details: ErrorDetail[]; context: Record<string, unknown> | undefined } {
  const rules: DetailRule[] = [];
  const plain = details.map(({ rule, limit, ...detail }, index) => {
    if (rule) rules.push({ index, field: detail.field, rule, ...(limit !== undefined ? { limit } : {}) });
    return detail;
  });
  return { details: plain, context: rules.length ? { ...context, rules } : context };
}

/** The body of an error answer, HTTP or socket alike (details split from their rules as above). */
export function errorBody(
  requestId: string,
  statusCode: number,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
  context?: Record<string, unknown>,
): ErrorBody {
  const split = detailsAndRules(details, context);
  return {
    statusCode,
    error: STATUS_TEXT[statusCode] ?? 'Error',
    message,
    code,
    details: split.details,
    requestId,
    ...(split.context ? { context: split.context } : {}),
  };
}

/** The body for the errors every transport answers the same way (domain refusals, validation), else null. */
export function knownErrorBody(exception: unknown, requestId: string): ErrorBody | null {
  if (exception instanceof DomainError)
    return errorBody(
      requestId,
      STATUS_BY_KIND[exception.kind],
      exception.code,
      exception.message,
      exception.details,
      exception.context,
    );
  if (exception instanceof RequestValidationError)
    return errorBody(requestId, 400, 'VALIDATION_FAILED', 'Validation failed', exception.details);
  return null;
}
