import type { Integer } from './integer.js';

/**
 * Errors raised by domain rules. Domain code never knows about HTTP: each error has a
 * machine-readable `code` (SCREAMING_SNAKE, namespaced by area, e.g. GAME_ILLEGAL_TRANSITION)
 * and a `kind` that the edge maps to an HTTP status / socket error in exactly one place
 * (src/common/errors/error-status.ts).
 */
export type DomainErrorKind =
  | 'invalid' // input breaks a rule of the sport or the format (HTTP 400/422)
  | 'not_found' // a referenced thing does not exist (404)
  | 'conflict' // state does not allow it now: duplicate, locked, stale (409)
  | 'forbidden' // the caller may not do this (403)
  | 'unauthenticated' // the caller is not known (401)
  | 'rate_limited' // too many attempts for now; context.retryAfterSeconds says when to try again (429)
  | 'too_large' // the body is over a limit of its own, such as a team logo's (413)
  | 'unsupported_media' // the body is not a kind of file this accepts (415)
  | 'unavailable'; // a part of the server this needs is missing or busy; context.retryAfterSeconds when busy (503)

export interface ErrorDetail {
  /** Field path as the client sent it, e.g. `players[3].jerseyNumber`; may be empty. */
  field: string;
  /** Why the field is refused, in one sentence. */
  reason: string;
  /** For file imports: the line in the file (the header is line 1) and the column as written there. */
  row?: Integer;
  column?: string;
  /**
   * Machine-readable reason, so that a page can say it in its own words: the validation rule
   * broken (class-validator's constraint name, e.g. `isNotEmpty`, `maxLength`, `isInt`).
   */
  rule?: string;
  /** For a rule with a bound (`maxLength`, `min`, `max`, …): the bound. */
  limit?: number;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra machine-readable context (e.g. the current state on a stale write). */
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, 'invalid', message, details);
export const conflict = (
  code: string,
  message: string,
  details: ErrorDetail[] = [],
  context?: Record<string, unknown>,
) => new DomainError(code, 'conflict', message, details, context);
export const notFound = (code: string, message: string) => new DomainError(code, 'not_found', message);
export const forbidden = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, 'forbidden', message, details);
export const unauthenticated = (code: string, message: string) => new DomainError(code, 'unauthenticated', message);
export const rateLimited = (code: string, message: string, retryAfterSeconds: number) =>
  new DomainError(code, 'rate_limited', message, [], { retryAfterSeconds });
export const tooLarge = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, 'too_large', message, details);
export const unsupportedMedia = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError(code, 'unsupported_media', message, details);
export const unavailable = (code: string, message: string, retryAfterSeconds?: number) =>
  new DomainError(code, 'unavailable', message, [], retryAfterSeconds ? { retryAfterSeconds } : undefined);
