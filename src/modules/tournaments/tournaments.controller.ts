import { Body, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { CreateTournamentDto, TournamentDto, TournamentQueryDto, UpdateTournamentDto } from './tournament.dto.js';
import { TournamentsService } from './tournaments.service.js';

const TournamentPage = PageOf(TournamentDto);

@ApiTags('tournaments')
@ApiController('tournaments')
export class TournamentsController {
  constructor(private readonly tournaments: TournamentsService) {}

  @ApiOperation({ summary: 'Create a tournament' })
  @Post()
  @Roles(['organiser', 'admin'], 'organisers (the creator becomes the owner) and administrators')
  @ApiCreatedResponse({ type: TournamentDto, description: 'Rules left out take the FIBA defaults' })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTournamentDto): Promise<TournamentDto> {
    return this.tournaments.create(actor, dto);
  }

  @ApiOperation({ summary: 'List tournaments' })
  @Get()
  @Public()
  @ApiOkResponse({ type: TournamentPage })
  @ApiErrors(400)
  list(@Query() query: TournamentQueryDto) {
    return this.tournaments.list(query);
  }

  @ApiOperation({ summary: 'List the tournaments I organise' })
  @Get('mine')
  @Roles(['organiser', 'admin'], 'organisers: the tournaments they own or co-organise')
  @ApiOkResponse({ type: TournamentPage })
  @ApiErrors(400)
  mine(@CurrentActor() actor: Actor, @Query() query: TournamentQueryDto) {
    return this.tournaments.listOrganisedBy(actor, query);
  }

  @ApiOperation({ summary: 'Get a tournament' })
  @Get(':id')
  @Public()
  @ApiOkResponse({ type: TournamentDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<TournamentDto> {
    return this.tournaments.get(id);
  }

  @ApiOperation({ summary: 'Update a tournament' })
  @Patch(':id')
  @Roles(['organiser', 'admin'], 'organisers of this tournament, or an administrator')
  @ApiOkResponse({ type: TournamentDto, description: 'Rules given are merged over the current ones' })
  @ApiErrors(400, 404)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTournamentDto,
  ): Promise<TournamentDto> {
    return this.tournaments.update(actor, id, dto);
  }
}
