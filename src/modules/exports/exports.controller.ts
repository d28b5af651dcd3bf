import { Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access.decorators.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { invalid } from '../../domain/shared/domain-error.js';
import { exportFormatOf } from './export-negotiation.js';
import {
  assertTable,
  ExportsService,
  GAME_TABLES,
  TOURNAMENT_TABLES,
  type GameTable,
  type TournamentTable,
} from './exports.service.js';
import { CSV_TYPE, exportFile, send, XLSX_TYPE } from './spreadsheet-files.js';

const FORMAT_QUERY = {
  name: 'format',
  required: false,
  enum: ['csv', 'xlsx'],
  description: 'Instead of a .csv/.xlsx ending or an Accept header',
};
const FILE_RESPONSE = {
  status: 200,
  description:
    'CSV (UTF-8 with BOM, CRLF, Chinese headers) or XLSX; Content-Disposition names the file in Chinese (filename*)',
  content: {
    [CSV_TYPE]: { schema: { type: 'string' as const } },
    [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
  },
};

/**
 * Spreadsheet downloads: `/exports/results.csv`, `/exports/results.xlsx`, or `/exports/results`
 * with `?format=` or an Accept header. The same tables also answer `Accept: text/csv` (or the
 * XLSX type) on the JSON read routes (export-negotiation.ts).
 */
@ApiTags('exports')
@ApiController()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('tournaments/:tournamentId/exports/:file')
  @Public()
  @ApiOperation({ summary: 'The tournament’s results, schedule, rosters or leaders as CSV or XLSX' })
  @ApiParam({ name: 'file', example: 'results.csv', description: `${TOURNAMENT_TABLES.join(', ')}; .csv or .xlsx` })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiResponse(FILE_RESPONSE)
  @ApiErrors(400, 404)
  async tournament(
    @UuidParam('tournamentId') tournamentId: string,
    @Param('file') file: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { table, kind } = requested(file, format, accept);
    const named = await this.exports.tournamentSheet(
      tournamentId,
      assertTable<TournamentTable>(TOURNAMENT_TABLES, table),
    );
    return send(reply, await exportFile(named.sheet, kind, named.name, named.fallback));
  }

  @Get('games/:id/exports/:file')
  @Public()
  @ApiOperation({ summary: 'A game’s box score or play-by-play as CSV or XLSX' })
  @ApiParam({ name: 'file', example: 'box-score.xlsx', description: `${GAME_TABLES.join(', ')}; .csv or .xlsx` })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiResponse(FILE_RESPONSE)
  @ApiErrors(400, 404, 409)
  async game(
    @UuidParam('id') gameId: string,
    @Param('file') file: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { table, kind } = requested(file, format, accept);
    const named = await this.exports.gameSheet(gameId, assertTable<GameTable>(GAME_TABLES, table));
    return send(reply, await exportFile(named.sheet, kind, named.name, named.fallback));
  }
}

/** The table and format from `results.csv`, or `results` with ?format= or Accept (CSV when none says). */
function requested(file: string, format: string | undefined, accept: string | undefined) {
  const match = /^([a-z-]+)(?:\.(csv|xlsx))?$/.exec(file);
  const table = match?.[1] ?? file;
  const kind = match?.[2] ?? format ?? exportFormatOf(accept) ?? 'csv';
  if (kind !== 'csv' && kind !== 'xlsx')
    throw invalid('EXPORT_FORMAT_INVALID', 'The export format must be csv or xlsx', [
      { field: 'format', reason: `'${kind}' is not csv or xlsx` },
    ]);
  return { table, kind: kind as 'csv' | 'xlsx' };
}
