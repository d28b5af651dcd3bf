import { QueryFailedError } from 'typeorm';
import { conflict, unavailable, type DomainError } from '../domain/shared/domain-error.js';

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

/**
 * SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), shutting down
 * or restarting (57P01-57P03: a restart, a crash recovery), out of connection slots (53300).
 */
const UNREACHABLE_STATES = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a database that is not there (refused, reset, unreachable, not resolved). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What `pg` and its pool say when the connection went away or none could be had in time. */
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * A failure because the database cannot be reached right now (restarting, crashed, network),
 * as a 503 that tells the client to try again shortly; undefined for any other error. Almost
 * always nothing was written; a connection lost while its COMMIT was on the wire may have
 * committed, which is why plays carry a client event id: sent again, one is answered with the
 * original and recorded once.
 */
export function databaseUnavailable(error: unknown): DomainError | undefined {
  // Duck-typed: socket errors come from Node's own realm, which `instanceof Error` may not share (vm, Jest).
  const cause = (error instanceof QueryFailedError ? error.driverError : error) as
    { code?: unknown; message?: unknown; errors?: unknown } | null | undefined;
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, message, errors } = cause;
  const unreachable =
    (typeof code === 'string' && (UNREACHABLE_STATES.test(code) || UNREACHABLE_CODES.has(code))) ||
    // A name that resolves to several addresses fails with each of them (AggregateError).
    (Array.isArray(errors) &&
      errors.some((e: { code?: unknown } | null) => typeof e?.code === 'string' && UNREACHABLE_CODES.has(e.code))) ||
    (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message));
  return unreachable
    ? unavailable('DATABASE_UNAVAILABLE', 'The database does not answer at the moment: try again shortly', 2)
    : undefined;
}
