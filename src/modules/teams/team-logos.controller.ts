import { Delete, Get, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { OwnReply } from '../../common/http/shared-reads.interceptor.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { TeamDto } from './team.dto.js';
import { teamLogoUrl } from './team.mapper.js';
import { TeamLogosService } from './team-logos.service.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

@ApiTags('teams')
@ApiController()
export class TeamLogosController {
  constructor(private readonly logos: TeamLogosService) {}

  @ApiOperation({ summary: 'Upload the team’s logo (PNG, JPEG or WebP, at most 512 KB)' })
  @Put('teams/:id/logo')
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp', 'application/octet-stream')
  @ApiBody({
    description:
      'The image itself as the body: PNG, JPEG or WebP, at most 512 KB. The kind is read from the bytes and must agree with Content-Type; SVG is refused.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({ type: TeamDto, description: 'The team with its new `logoUrl`' })
  @ApiErrors(400, 401, 403, 404)
  @ApiResponse({ status: 413, description: 'Over 512 KB (TEAM_LOGO_TOO_LARGE)', type: ErrorBody })
  @ApiResponse({
    status: 415,
    description: 'Not PNG, JPEG or WebP, SVG, or bytes that disagree with Content-Type',
    type: ErrorBody,
  })
  upload(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() request: FastifyRequest): Promise<TeamDto> {
    return this.logos.upload(actor, id, request.body, request.headers['content-type']);
  }

  @ApiOperation({ summary: 'Remove the team’s logo' })
  @Delete('teams/:id/logo')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiNoContentResponse({ description: 'The team has no logo now' })
  @ApiErrors(400, 401, 403, 404)
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.logos.remove(actor, id);
  }

  @ApiOperation({ summary: 'The team’s logo image (cached for a year under its hash)' })
  @Get('teams/:id/logo/:hash')
  @Public()
  @OwnReply()
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({
    description:
      'The logo, cached for a year (its address carries its hash); an older hash is redirected to the current logo',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 307, description: 'The hash is not the current logo’s: go to the current one' })
  @ApiErrors(400, 404)
  async image(
    @UuidParam('id') id: string,
    @Param('hash') hash: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const logo = await this.logos.get(id);
    if (logo.hash !== hash) {
      await reply.code(307).header('cache-control', 'no-cache').header('location', teamLogoUrl(id, logo.hash)).send();
      return;
    }
    const etag = `"${logo.hash}"`;
    void reply
      .header('cache-control', IMMUTABLE)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      // Opened on its own, the image can run nothing and load nothing.
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (request.headers['if-none-match'] === etag) {
      await reply.code(304).send();
      return;
    }
    await reply.code(200).header('content-type', logo.contentType).send(logo.content);
  }
}
