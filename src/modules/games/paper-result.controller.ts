import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { GameDto } from './game.dto.js';
import { PaperResultDto } from './paper-result.dto.js';
import { PaperResultService } from './paper-result.service.js';

/** Results without live scoring. */
@ApiTags('games')
@ApiController('games/:id')
export class PaperResultController {
  constructor(private readonly paper: PaperResultService) {}

  @ApiOperation({ summary: 'Enter a result from the paper scoresheet' })
  @Post('paper-result')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiOkResponse({
    type: GameDto,
    description:
      'The game decided from its paper scoresheet: final (official when the tournament confirms automatically), with standings, advancement and leaders moved in the same transaction. No scorekeeper, starting five or minimum roster needed. Sent again while the game is final, it corrects the result (the same sheet again changes nothing). 400 GAME_PAPER_RESULT_* names every bad field (`home.players[2].fouls`); 409 GAME_PAPER_RESULT_NOT_ALLOWED for a game scored live, official, forfeited, postponed or cancelled.',
  })
  @ApiErrors(400, 403, 404, 409)
  record(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: PaperResultDto): Promise<GameDto> {
    return this.paper.record(actor, id, dto);
  }
}
