import { HttpCode, Post } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { TournamentDto } from '../tournaments/tournament.dto.js';
import { TournamentsService } from '../tournaments/tournaments.service.js';
import { PlayersService } from './players.service.js';

/** Starting a tournament checks every roster, so it lives beside the rosters. */
@ApiTags('tournaments')
@ApiController('tournaments')
export class TournamentStartController {
  constructor(
    private readonly tournaments: TournamentsService,
    private readonly players: PlayersService,
  ) {}

  @ApiOperation({ summary: 'Start the tournament (rosters lock)' })
  @Post(':id/start')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], 'organisers of this tournament, or an administrator')
  @ApiOkResponse({
    type: TournamentDto,
    description: 'Every roster must hold rosterMin..rosterMax players; rosters lock from now on',
  })
  @ApiErrors(400, 404, 409)
  start(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TournamentDto> {
    return this.tournaments.start(actor, id, (tournamentId) => this.players.rosterSizes(tournamentId));
  }
}
