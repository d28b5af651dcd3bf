import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '../../domain/shared/domain-error.js';

/** Flattens class-validator errors into `{ field, reason }` with dotted/indexed paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    for (const [rule, reason] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        reason: rule === 'whitelistValidation' ? 'is not an accepted field' : stripField(reason, e.property),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

// class-validator repeats the property name at the start of each message ("name must be ..."); the field already says it.
const stripField = (reason: string, property: string) =>
  reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;

export class RequestValidationError extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super('Validation failed');
  }
}

/** Unknown fields are refused (never stripped silently); values are transformed to their declared types. */
export const globalValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
