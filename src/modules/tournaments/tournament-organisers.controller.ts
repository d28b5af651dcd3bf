import { Body, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { AuditEntryDto, AuditQueryDto } from '../audit/audit.dto.js';
import { InviteOrganiserDto, OrganiserDto } from './organiser.dto.js';
import { TournamentsService } from './tournaments.service.js';

const AuditPage = PageOf(AuditEntryDto);

/** Who runs a tournament, and what they did: readable by its organisers only. */
@ApiTags('tournaments')
@ApiController('tournaments/:id')
export class TournamentOrganisersController {
  constructor(private readonly tournaments: TournamentsService) {}

  @ApiOperation({ summary: "List a tournament's organisers" })
  @Get('organisers')
  @Roles(['organiser', 'admin'], 'organisers of this tournament, or an administrator')
  @ApiOkResponse({ type: [OrganiserDto] })
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<OrganiserDto[]> {
    return this.tournaments.listOrganisers(actor, id);
  }

  @ApiOperation({ summary: 'Add an organiser to a tournament' })
  @Post('organisers')
  @Roles(['organiser', 'admin'], 'the owner of this tournament, or an administrator')
  @ApiCreatedResponse({
    type: OrganiserDto,
    description: 'The organiser account now co-organises this tournament (and no other)',
  })
  @ApiErrors(400, 404, 409)
  invite(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: InviteOrganiserDto,
  ): Promise<OrganiserDto> {
    return this.tournaments.inviteOrganiser(actor, id, dto);
  }

  @ApiOperation({ summary: 'Remove an organiser from a tournament' })
  @Delete('organisers/:accountId')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], 'the owner of this tournament, or an administrator')
  @ApiNoContentResponse({ description: 'The co-organiser no longer has any access to this tournament' })
  @ApiErrors(400, 404, 409)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('accountId') accountId: string,
  ): Promise<void> {
    return this.tournaments.removeOrganiser(actor, id, accountId);
  }

  @ApiOperation({ summary: "A tournament's audit log" })
  @Get('audit')
  @Roles(['organiser', 'admin'], 'organisers of this tournament, or an administrator')
  @ApiOkResponse({
    type: AuditPage,
    description: 'Every write to this tournament, newest first, with the value before and after',
  })
  @ApiErrors(400, 404)
  audit(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: AuditQueryDto) {
    return this.tournaments.auditLog(actor, id, query);
  }
}
