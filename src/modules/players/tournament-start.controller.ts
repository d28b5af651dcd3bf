import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { TournamentDto } from '../tournaments/tournament.dto.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { PlayersService } from './players.service.js';

/** Starting a tournament checks every roster, so it lives beside the rosters. */
@ApiTags('tournaments')
@Controller('tournaments')
export class TournamentStartController {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly players: PlayersService,
  ) {}

  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: TournamentDto, description: 'Every roster must hold rosterMin..rosterMax players; rosters lock from now on' })
  @ApiErrors(400, 404, 409)
  start(@UuidParam('id') id: string): Promise<TournamentDto> {
    return this.tournaments.start(id, (tournamentId) => this.players.rosterSizes(tournamentId));
  }
}
