import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import { errorBody, knownErrorBody, type ErrorBody } from '../common/errors/error-body.js';
import { databaseUnavailable } from '../database/pg-errors.js';
import type { Ack } from './events.js';

/** The ErrorBody a socket command answers with: the same codes and statuses as HTTP (error-status.ts). */
export function socketErrorBody(exception: unknown, requestId: string): ErrorBody {
  const make = (statusCode: number, code: string, message: string) => errorBody(requestId, statusCode, code, message);
  const known = knownErrorBody(databaseUnavailable(exception) ?? exception, requestId);
  if (known) return known;
  if (exception instanceof WsException) return make(403, 'FORBIDDEN', String(exception.message));
  if (exception instanceof HttpException)
    return make(exception.getStatus(), 'HTTP_' + exception.getStatus(), exception.message);
  return make(500, 'INTERNAL_ERROR', 'Something went wrong on our side; the request id identifies it in the logs');
}

/**
 * Answers a failed socket command through its acknowledgement (args: client, payload, ack).
 * A command sent without an acknowledgement gets an `exception` event instead.
 */
@Catch()
export class SocketErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('LiveGateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const requestId = randomUUID();
    const body = socketErrorBody(exception, requestId);
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId }, 'socket command failed');
    const reply: Ack<never> = { ok: false, error: body };
    const ack = host.getArgByIndex<unknown>(2);
    if (typeof ack === 'function') (ack as (r: Ack<never>) => void)(reply);
    else host.switchToWs().getClient<{ emit(event: string, data: unknown): void }>().emit('exception', reply);
  }
}
