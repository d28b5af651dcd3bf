import { QueryFailedError } from 'typeorm';
import { Transactional } from '../../database/transaction.js';
import { conflict, DomainError } from '../../domain/shared/domain-error.js';

/**
 * Domain rules speak of their own inputs; the API names the request field. A DomainError that
 * carries no details gets one naming `field` (from the code, or the fallback); any other error
 * passes through unchanged.
 */
export function naming<T>(work: () => T, fields: Record<string, string>, fallback?: string): T {
  try {
    return work();
  } catch (e) {
    throw nameField(e, fields, fallback);
  }
}

export function nameField(e: unknown, fields: Record<string, string>, fallback?: string): unknown {
  if (!(e instanceof DomainError) || e.details.length > 0) return e;
  const field = fields[e.code] ?? fallback;
  if (field === undefined) return e;
  return new DomainError(e.code, e.kind, e.message, [{ field, reason: e.message }], e.context);
}

/** Replaces ids in a message with what people call them (team names instead of UUIDs). */
export function humanize(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => names.get(id) ?? id);
}

export function humanizeError(e: unknown, names: ReadonlyMap<string, string>): unknown {
  if (!(e instanceof DomainError)) return e;
  return new DomainError(
    e.code,
    e.kind,
    humanize(e.message, names),
    e.details.map((d) => ({ ...d, reason: humanize(d.reason, names) })),
    e.context,
  );
}

/**
 * A result step (games module: game row, then competition row) and an organiser's command
 * (competition row, then game rows) can wait on each other; PostgreSQL then aborts one of them.
 * That one answers 409 "try again" rather than 500.
 */
export async function busyAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = (e as { driverError?: { code?: string } }).driverError?.code;
    if (e instanceof QueryFailedError && (code === '40P01' || code === '40001')) {
      throw conflict(
        'COMPETITION_BUSY',
        'The competition was being changed by another request at the same moment: try again',
      );
    }
    throw e;
  }
}

/** @Transactional(), with a deadlock between a result step and this command answered as 409 (see busyAsConflict). */
export function CompetitionCommand(): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    Transactional()(target, key, descriptor);
    const inTransaction = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      return busyAsConflict(() => inTransaction.apply(this, args));
    };
    return descriptor;
  };
}
