import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { exportFormatOf } from '../../modules/exports/export-negotiation.js';
import { CoalescedReads } from '../coalesced-reads.js';

const OWN_REPLY = 'courtside:own-reply';
/**
 * For handlers that answer through the reply itself (headers such as ETag, If-None-Match, bytes):
 * their reads are not shared, since a shared read could only hand over a value, not a reply.
 */
export const OwnReply = () => SetMetadata(OWN_REPLY, true);

/**
 * Anonymous GETs of the same address share one read while they wait for it. When a basket goes
 * in during a final, every fan page on the standings tab asks for the standings again within a
 * second or two; this turns thousands of identical reads into a few, with the rule of
 * CoalescedReads: a request only gets a read that began after it arrived, so nobody is handed a
 * result from before the change that made them ask.
 *
 * Requests with credentials are never shared (what they see depends on who they are), nor those
 * asking for a spreadsheet by Accept. Handlers here do not read other headers, so method and URL
 * are the whole key.
 */
@Injectable()
export class SharedAnonymousReads implements NestInterceptor {
  private readonly reads = new CoalescedReads();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET' || request.headers.authorization !== undefined) return next.handle();
    // A spreadsheet asked for by Accept (modules/exports) sets its own headers: never shared with a JSON read.
    if (exportFormatOf(request.headers.accept) !== null) return next.handle();
    if (this.reflector.get<boolean>(OWN_REPLY, context.getHandler())) return next.handle();
    return from(this.reads.get(`GET ${request.url}`, () => lastValueFrom(next.handle())));
  }
}
