import { QueryFailedError } from 'typeorm';
import { conflict, type DomainError } from '../domain/shared/domain-error.js';

interface PgError {
  code?: string;
  constraint?: string;
}

export const UNIQUE_VIOLATION = '23505';
export const DEADLOCK_DETECTED = '40P01';

/** PostgreSQL's SQLSTATE of a failed query (undefined for anything else). */
export function pgErrorCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as PgError).code : undefined;
}

/**
 * Maps a unique-constraint violation to a conflict naming the field, so a race that slips past
 * a pre-check still answers 409, never 500. Returns undefined for other errors.
 */
export function uniqueViolation(
  error: unknown,
  byConstraint: Record<string, { code: string; field: string; reason: string }>,
): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const pgError = error.driverError as PgError;
  if (pgError.code !== UNIQUE_VIOLATION || !pgError.constraint) return undefined;
  const known = byConstraint[pgError.constraint];
  if (!known) return undefined;
  return conflict(known.code, known.reason, [{ field: known.field, reason: known.reason }]);
}

/** Runs a write and rethrows a known unique violation as a domain conflict. */
export async function mapUnique<T>(
  write: () => Promise<T>,
  byConstraint: Parameters<typeof uniqueViolation>[1],
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw uniqueViolation(e, byConstraint) ?? e;
  }
}
