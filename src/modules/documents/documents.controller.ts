import { applyDecorators, Get, Req, Res } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/access.decorators.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { OwnReply } from '../../common/http/shared-reads.interceptor.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { DocumentPdfs } from './document-pdfs.service.js';
import { DocumentsService } from './documents.service.js';
import type { DocumentKind } from './documents.types.js';

const PdfErrors = () =>
  applyDecorators(
    ApiResponse({ status: 429, description: 'Too many new PDFs from this address in a minute', type: ErrorBody }),
    ApiResponse({
      status: 503,
      description:
        'No browser to print with (PDF_RENDERER_UNAVAILABLE), busy (PDF_RENDERER_BUSY) or too slow (PDF_RENDER_TIMEOUT)',
      type: ErrorBody,
    }),
  );
const PDF_OK = ApiOkResponse({
  description: 'A4 PDF of the print page; cached per version of the document',
  schema: { type: 'string', format: 'binary' },
});
const FILE_NAMES: Record<DocumentKind, string> = { programme: '秩序册', results: '成绩册', scoresheet: '记录表' };

/**
 * The printable documents: their data (what /print/… pages render) and the same pages as PDF.
 * Public, like the reads they are made from.
 */
@ApiTags('documents')
@ApiController()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly pdfs: DocumentPdfs,
  ) {}

  @Get('tournaments/:tournamentId/documents/programme')
  @Public()
  @ApiOperation({ summary: 'The programme (秩序册): regulations, teams with staff and rosters, groups, schedule' })
  @ApiOkResponse({ description: 'Page /print/programme/{tournamentId} renders it' })
  @ApiErrors(400, 404)
  programme(@UuidParam('tournamentId') tournamentId: string) {
    return this.documents.programme(tournamentId);
  }

  @Get('tournaments/:tournamentId/documents/results')
  @Public()
  @ApiOperation({ summary: 'The results book (成绩册): results, standings, bracket, places, leaders, awards' })
  @ApiOkResponse({ description: 'Page /print/results/{tournamentId} renders it' })
  @ApiErrors(400, 404)
  results(@UuidParam('tournamentId') tournamentId: string) {
    return this.documents.resultsBook(tournamentId);
  }

  @Get('games/:id/documents/scoresheet')
  @Public()
  @ApiOperation({ summary: 'A game’s scoresheet: play-by-play, fouls, time-outs, running score and box score' })
  @ApiOkResponse({ description: 'Page /print/scoresheet/{id} renders it' })
  @ApiErrors(400, 404)
  scoresheet(@UuidParam('id') id: string) {
    return this.documents.scoresheet(id);
  }

  @Get('tournaments/:tournamentId/documents/programme.pdf')
  @Public()
  @OwnReply()
  @ApiOperation({ summary: 'The programme (秩序册) as PDF' })
  @ApiProduces('application/pdf')
  @PDF_OK
  @PdfErrors()
  @ApiErrors(400, 404)
  programmePdf(@UuidParam('tournamentId') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('programme', id, req, reply);
  }

  @Get('tournaments/:tournamentId/documents/results.pdf')
  @Public()
  @OwnReply()
  @ApiOperation({ summary: 'The results book (成绩册) as PDF' })
  @ApiProduces('application/pdf')
  @PDF_OK
  @PdfErrors()
  @ApiErrors(400, 404)
  resultsPdf(@UuidParam('tournamentId') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('results', id, req, reply);
  }

  @Get('games/:id/documents/scoresheet.pdf')
  @Public()
  @OwnReply()
  @ApiOperation({ summary: 'A game’s scoresheet as PDF' })
  @ApiProduces('application/pdf')
  @PDF_OK
  @PdfErrors()
  @ApiErrors(400, 404)
  scoresheetPdf(@UuidParam('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('scoresheet', id, req, reply);
  }

  private async send(kind: DocumentKind, id: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { pdf, version } = await this.pdfs.pdf(kind, id, req.ip);
    const etag = `"${version}"`;
    void reply.header('etag', etag).header('cache-control', 'public, no-cache');
    if (req.headers['if-none-match'] === etag) {
      await reply.code(304).send();
      return;
    }
    const name = `${FILE_NAMES[kind]}-${id.slice(0, 8)}.pdf`;
    await reply
      .code(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${kind}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(pdf);
  }
}
