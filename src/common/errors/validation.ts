import {
  BadRequestException,
  Logger,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { ErrorDetail } from '../../domain/shared/domain-error.js';
import { acceptanceOf } from '../validation/compiled-accept.js';
import { cacheTransformMetadataLookups, cacheValidationMetadataLookups } from '../validation/metadata-cache.js';
import { fieldPath } from './field-path.js';

/** Flattens class-validator errors into `{ field, reason }` with dotted/indexed paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    // A null where a value is required says only that, not every rule null also breaks.
    const constraints = e.constraints?.notNull ? { notNull: e.constraints.notNull } : (e.constraints ?? {});
    for (const [rule, reason] of Object.entries(constraints)) {
      const limit = BOUNDED_RULES.has(rule) ? /-?\d+(\.\d+)?/.exec(reason)?.[0] : undefined;
      out.push({
        field,
        reason: rule === 'whitelistValidation' ? 'is not an accepted field' : stripField(reason, e.property),
        rule,
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** Rules whose message carries their bound (class-validator's and ours: "must be at most 50 characters"). */
const BOUNDED_RULES = new Set(['maxLength', 'minLength', 'max', 'min', 'arrayMaxSize', 'arrayMinSize']);

// class-validator repeats the property name at the start of each message ("name must be ..."); the field already says it.
const stripField = (reason: string, property: string) =>
  reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;

export class RequestValidationError extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super('Validation failed');
  }
}

/**
 * Unknown fields are refused (never stripped silently); values are transformed to their
 * declared types. Before any of that, every string and key of a body, query or route parameter
 * is checked for NUL (PostgreSQL refuses it in text), and a body that is not an object where
 * the route expects one (JSON `null`, an array, a number) is refused rather than read as `{}`.
 * A body of a class marked `@CompiledAcceptance()` that its compiled check accepts is passed on as
 * it came (src/common/validation/compiled-accept.ts); any other goes through class-transformer
 * and class-validator, which name the field that is wrong.
 */
export class RequestValidationPipe extends ValidationPipe {
  private readonly log = new Logger('Validation');

  constructor(
    options: ValidationPipeOptions,
    private readonly compiled = true,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const bad = findBadText(value, metadata.data ?? '');
      if (bad !== null) throw new RequestValidationError([{ ...bad, field: bad.field || metadata.type }]);
      if (
        metadata.type === 'body' &&
        !metadata.data &&
        value !== undefined &&
        metadata.metatype &&
        this.toValidate(metadata) &&
        (value === null || typeof value !== 'object' || Array.isArray(value))
      ) {
        throw new RequestValidationError([{ field: 'body', reason: 'must be a JSON object' }]);
      }
    }
    if (this.compiled && metadata.type === 'body') {
      const accept = acceptanceOf(metadata.metatype, (e) =>
        this.log.warn(`no compiled check, the pipe validates: ${e.message}`),
      );
      if (accept?.(value)) return value;
    }
    return super.transform(value, metadata);
  }
}

/**
 * Why PostgreSQL could not store the text, or null: NUL, or a UTF-16 surrogate without its pair
 * (JSON can carry one, `"\\ud800"`; UTF-8 text cannot).
 */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain control characters';
  if (!text.isWellFormed()) return 'must be valid Unicode text';
  return null;
}

/**
 * The first string or key that PostgreSQL could not store as text (NUL, a lone surrogate),
 * with its path, or null. Depth is bounded by the body parser. Every request body passes
 * through here, so the path is put together only for the value found.
 */
export function findBadText(value: unknown, path: string): ErrorDetail | null {
  const found = badTextIn(value, 0);
  return found === null ? null : { field: fieldPath(found.at, path), reason: found.reason };
}

/** The problem found and where: `at` holds the keys from the problem up to the value given. */
function badTextIn(value: unknown, depth: number): { at: Array<string | number>; reason: string } | null {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { at: [], reason } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextIn(value[i], depth + 1);
      if (found !== null) {
        found.at.push(i);
        return found;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const reason = textProblem(key);
    if (reason) return { at: [key], reason };
    const found = badTextIn((value as Record<string, unknown>)[key], depth + 1);
    if (found !== null) {
      found.at.push(key);
      return found;
    }
  }
  return null;
}

/** `compiled: false` validates every body with the libraries (tests compare the two ways). */
export const globalValidationPipe = ({ compiled = true } = {}) => {
  cacheValidationMetadataLookups();
  cacheTransformMetadataLookups();
  return new RequestValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
    },
    compiled,
  );
};
