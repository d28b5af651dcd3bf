import { negotiate } from '@fastify/accept-negotiator';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import type { BoxScoreView } from '../games/game.mapper.js';
import type { LeadersDto } from '../stats/leaders.dto.js';
import { ExportsService, type NamedSheet } from './exports.service.js';
import { CSV_TYPE, exportFile, send, XLSX_TYPE } from './spreadsheet-files.js';
import { addVary } from '../../common/http/vary.js';

/** 'csv' or 'xlsx' when the Accept header prefers one of them over JSON; null otherwise (and for * / *). */
export function exportFormatOf(accept: string | undefined): 'csv' | 'xlsx' | null {
  if (!accept) return null;
  const chosen = negotiate(accept, ['application/json', CSV_TYPE, XLSX_TYPE]);
  return chosen === CSV_TYPE ? 'csv' : chosen === XLSX_TYPE ? 'xlsx' : null;
}

type Params = Record<string, string>;

/**
 * The JSON read routes that also answer as a spreadsheet, by route. `fromResult` lays out what the
 * handler returned (the box score, the leaders with the caller's query); `load` reads the whole
 * table itself where the JSON answer is one page of it (games, players, plays).
 */
const ROUTES: Record<
  string,
  | { fromResult: (exports: ExportsService, result: unknown, params: Params) => Promise<NamedSheet> }
  | { load: (exports: ExportsService, params: Params) => Promise<NamedSheet> }
> = {
  '/api/v1/games/:id/box-score': {
    fromResult: async (exports, result, params) => {
      const named = await exports.gameSheet(params.id!, 'box-score');
      return { ...named, sheet: exports.boxScoreSheet(result as BoxScoreView) };
    },
  },
  '/api/v1/games/:id/plays': { load: (exports, params) => exports.gameSheet(params.id!, 'plays') },
  '/api/v1/tournaments/:tournamentId/leaders': {
    fromResult: async (exports, result, params) => {
      const named = await exports.tournamentSheet(params.tournamentId!, 'leaders');
      return { ...named, sheet: exports.leadersSheet(result as LeadersDto) };
    },
  },
  '/api/v1/tournaments/:tournamentId/games': { load: (e, p) => e.tournamentSheet(p.tournamentId!, 'schedule') },
  '/api/v1/tournaments/:tournamentId/competition/schedule': {
    load: (e, p) => e.tournamentSheet(p.tournamentId!, 'schedule'),
  },
  '/api/v1/tournaments/:tournamentId/players': { load: (e, p) => e.tournamentSheet(p.tournamentId!, 'rosters') },
};

/**
 * `Accept: text/csv` (or the XLSX type) on those read routes returns the spreadsheet instead of
 * JSON, after the route's own guard and validation ran. Anything else passes through untouched.
 */
@Injectable()
export class ExportNegotiation implements NestInterceptor {
  constructor(private readonly exports: ExportsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET') return next.handle();
    const route = ROUTES[request.routeOptions.url ?? ''];
    if (!route) return next.handle();
    // JSON or a spreadsheet from the same address, by Accept: a shared cache keeps them apart.
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    addVary(reply, 'Accept');
    const format = exportFormatOf(request.headers.accept);
    if (!format) return next.handle();
    const params = request.params as Params;
    const write = async (named: NamedSheet) =>
      send(reply, await exportFile(named.sheet, format, named.name, named.fallback));
    if ('load' in route) return from(route.load(this.exports, params).then(write));
    return next.handle().pipe(mergeMap((result) => from(route.fromResult(this.exports, result, params).then(write))));
  }
}
