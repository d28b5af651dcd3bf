import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from '../../database/pg-errors.js';
import { DomainError, type ErrorDetail } from '../../domain/shared/domain-error.js';
import { errorBody, knownErrorBody, type ErrorBody } from './error-body.js';
import { STATUS_TEXT } from './error-status.js';

/** Turns every failure into the one JSON error shape. Unknown errors are logged and become a bare 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw thrown;
    // A database restarting or out of reach is a 503 with Retry-After, not a bug.
    const exception = databaseUnavailable(thrown) ?? thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode >= 500 && exception === thrown && exception instanceof DomainError) {
      // A 503 the code chose (the PDF printer busy, health finding no database): said, not a bug.
      this.logger.warn({ code: body.code, requestId: body.requestId, url: request.url }, exception.message);
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: thrown, requestId: body.requestId, url: request.url },
        exception === thrown ? 'unhandled error' : 'the database does not answer',
      );
    }
    if (body.statusCode === 429 || body.statusCode === 503) {
      const retry =
        exception instanceof DomainError
          ? (exception.context?.retryAfterSeconds as number | undefined)
          : exception instanceof HttpException
            ? (exception.getResponse() as { retryAfter?: number }).retryAfter
            : undefined;
      if (retry) void reply.header('Retry-After', String(retry));
    }
    // RFC 6750: a refused or missing bearer token says which scheme to use.
    if (body.statusCode === 401)
      void reply.header(
        'WWW-Authenticate',
        `Bearer realm="courtside"${body.code === 'AUTH_REQUIRED' ? '' : ', error="invalid_token"'}`,
      );
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    const make = (statusCode: number, code: string, message: string, details?: ErrorDetail[]) =>
      errorBody(requestId, statusCode, code, message, details);
    const known = knownErrorBody(exception, requestId);
    if (known) return known;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return make(status, httpCode(status), Array.isArray(message) ? message.join('; ') : String(message));
    }
    const fastifyStatus = (exception as { statusCode?: number; code?: string })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own errors: malformed JSON, body too large, unsupported media type.
      const e = exception as { code?: string; message?: string; details?: ErrorDetail[] };
      return make(
        fastifyStatus,
        e.code ?? httpCode(fastifyStatus),
        e.message ?? 'Request refused',
        e.details ?? [{ field: 'body', reason: e.message ?? '' }],
      );
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === '22P02') {
      return make(400, 'VALIDATION_FAILED', 'Malformed identifier', [{ field: 'id', reason: 'must be a UUID' }]);
    }
    // A safety net behind the services' own checks: deleting something other rows still refer to.
    const driver = exception instanceof QueryFailedError ? (exception.driverError as PgError) : undefined;
    // The referring table comes from the error's own field, not its (possibly translated) text.
    const deleting = exception instanceof QueryFailedError && /^\s*DELETE\b/i.test(exception.query ?? '');
    if (driver?.code === '23503' && (deleting || /still referenced/.test(driver.detail ?? ''))) {
      const from = driver.table ?? /from table "(\w+)"/.exec(driver.detail ?? '')?.[1] ?? 'another record';
      return make(
        409,
        'STILL_REFERENCED',
        `It cannot be removed while ${from.replace(/_/g, ' ')} records refer to it`,
        [{ field: 'id', reason: `is still referred to by ${from.replace(/_/g, ' ')}` }],
      );
    }
    return make(500, 'INTERNAL_ERROR', 'Something went wrong on our side; the request id identifies it in the logs');
  }
}

interface PgError {
  code?: string;
  detail?: string;
  /** For a foreign-key violation: the table whose rows refer. */
  table?: string;
}

function httpCode(status: number): string {
  return (STATUS_TEXT[status] ?? `HTTP ${status}`).toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
