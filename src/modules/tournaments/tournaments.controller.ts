import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import { CreateTournamentDto, TournamentDto, TournamentQueryDto, UpdateTournamentDto } from './tournament.dto.js';
import { TournamentsService } from './tournaments.service.js';

const TournamentPage = PageOf(TournamentDto);

@ApiTags('tournaments')
@Controller('tournaments')
export class TournamentsController {
  constructor(private readonly tournaments: TournamentsService) {}

  @Post()
  @ApiCreatedResponse({ type: TournamentDto, description: 'Rules left out take the FIBA defaults' })
  @ApiErrors(400)
  create(@Body() dto: CreateTournamentDto): Promise<TournamentDto> {
    return this.tournaments.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: TournamentPage })
  @ApiErrors(400)
  list(@Query() query: TournamentQueryDto) {
    return this.tournaments.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TournamentDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<TournamentDto> {
    return this.tournaments.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TournamentDto, description: 'Rules given are merged over the current ones' })
  @ApiErrors(400, 404)
  update(@UuidParam('id') id: string, @Body() dto: UpdateTournamentDto): Promise<TournamentDto> {
    return this.tournaments.update(id, dto);
  }
}
