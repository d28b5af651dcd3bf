import { Body, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { CreateTeamDto, TeamDto, TeamQueryDto, UpdateTeamDto } from './team.dto.js';
import { TeamsService } from './teams.service.js';

const TeamPage = PageOf(TeamDto);

@ApiTags('teams')
@ApiController()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @ApiOperation({ summary: 'Enter a team' })
  @Post('tournaments/:tournamentId/teams')
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiCreatedResponse({ type: TeamDto })
  @ApiErrors(400, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: CreateTeamDto,
  ): Promise<TeamDto> {
    return this.teams.create(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: "List a tournament's teams" })
  @Get('tournaments/:tournamentId/teams')
  @Public()
  @ApiOkResponse({ type: TeamPage })
  @ApiErrors(400, 404)
  list(@UuidParam('tournamentId') tournamentId: string, @Query() query: TeamQueryDto) {
    return this.teams.list(tournamentId, query);
  }

  @ApiOperation({ summary: 'Get a team' })
  @Get('teams/:id')
  @Public()
  @ApiOkResponse({ type: TeamDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<TeamDto> {
    return this.teams.get(id);
  }

  @ApiOperation({ summary: 'Update a team' })
  @Patch('teams/:id')
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiOkResponse({ type: TeamDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateTeamDto): Promise<TeamDto> {
    return this.teams.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Withdraw a team' })
  @Delete('teams/:id')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiNoContentResponse({ description: 'Withdrawn (only during registration); its roster goes with it' })
  @ApiErrors(400, 404, 409)
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.teams.remove(actor, id);
  }
}
