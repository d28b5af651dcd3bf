import { Body, Post } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { RecordedEventDto, RecordEventDto, UndoDto } from './play-event.dto.js';
import { ScoringService } from './scoring.service.js';

const SCORERS =
  'the game’s scorekeepers (assignment or game code) and the tournament’s organisers, while the game is ready or live';

/** Play-by-play over HTTP; the socket commands game:event and game:undo do the same. */
@ApiTags('games')
@ApiController('games/:id')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @ApiOperation({ summary: 'Record a play' })
  @Post('events')
  @Roles(['scorekeeper', 'organiser', 'admin'], SCORERS)
  @ApiCreatedResponse({
    type: RecordedEventDto,
    description:
      'Recorded and committed. The same clientEventId again answers the original result (duplicate: true); with other content 409 GAME_EVENT_ID_REUSED. A stale expectedSeq is 409 GAME_SEQ_STALE with the current state in `context`. A play credited to a player on the bench (starting fives given) is 400 PLAYER_NOT_ON_COURT with `details[{field: "event.playerId"}]` and `context {playerId, teamId}`: record the substitution first.',
  })
  @ApiErrors(400, 403, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: RecordEventDto,
  ): Promise<RecordedEventDto> {
    return this.scoring.record(actor, id, dto);
  }

  @ApiOperation({ summary: 'Undo the last play' })
  @Post('undo')
  @Roles(['scorekeeper', 'organiser', 'admin'], SCORERS)
  @ApiCreatedResponse({
    type: RecordedEventDto,
    description: 'The void that undid the last action; 409 GAME_NOTHING_TO_UNDO when there is none',
  })
  @ApiErrors(400, 403, 404, 409)
  undo(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UndoDto): Promise<RecordedEventDto> {
    return this.scoring.undo(actor, id, dto);
  }
}
