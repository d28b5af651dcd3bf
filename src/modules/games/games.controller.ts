import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { GAME_READ, VersionedRead } from '../../common/http/fresh-reads.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { CreateGameDto, GameDto, GamePageDto, GameQueryDto, GameTransitionDto } from './game.dto.js';
import type { BoxScoreView } from './game.mapper.js';
import { GameLifecycleService } from './game-lifecycle.service.js';
import { BoxScoreDto } from './box-score.dto.js';
import { GamesService } from './games.service.js';
import { PlaysPageDto, PlaysQueryDto } from './play-event.dto.js';

const ORGANISERS = 'organisers of the tournament, or an administrator';

@ApiTags('games')
@ApiController()
export class GamesController {
  constructor(
    private readonly games: GamesService,
    private readonly lifecycle: GameLifecycleService,
  ) {}

  @ApiOperation({ summary: 'Create a game' })
  @Post('tournaments/:tournamentId/games')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({ type: GameDto })
  @ApiErrors(400, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: CreateGameDto,
  ): Promise<GameDto> {
    return this.games.create(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: "List a tournament's games" })
  @Get('tournaments/:tournamentId/games')
  @Public()
  @ApiOkResponse({ type: GamePageDto, description: 'By kick-off time' })
  @ApiErrors(400, 404)
  list(@UuidParam('tournamentId') tournamentId: string, @Query() query: GameQueryDto) {
    return this.games.list(tournamentId, query);
  }

  @ApiOperation({ summary: 'Get a game with its live score' })
  @Get('games/:id')
  @Public()
  @VersionedRead(GAME_READ)
  @ApiOkResponse({
    type: GameDto,
    description: 'With the live state (score, period, clock, team fouls, time-outs, flags) and the score by period',
  })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<GameDto> {
    return this.games.get(id);
  }

  @ApiOperation({ summary: "A game's box score" })
  @Get('games/:id/box-score')
  @Public()
  @ApiOkResponse({
    type: BoxScoreDto,
    description:
      'Both teams’ player lines (PTS, FGM/FGA, 3PM/3PA, FTM/FTA, OREB, DREB, REB, AST, STL, BLK, TO, PF, EFF; `secondsPlayed` (MIN, e.g. 1530 = 25:30) and `plusMinus` from the lineups and the game clock, null where those are not tracked), totals, percentages and the score by period',
  })
  @ApiErrors(400, 404, 409)
  boxScore(@UuidParam('id') id: string): Promise<BoxScoreView> {
    return this.games.boxScore(id);
  }

  @ApiOperation({ summary: "A game's play-by-play" })
  @Get('games/:id/plays')
  @Public()
  @ApiOkResponse({ type: PlaysPageDto })
  @ApiErrors(400, 404)
  plays(@UuidParam('id') id: string, @Query() query: PlaysQueryDto): Promise<PlaysPageDto> {
    return this.games.plays(id, query);
  }

  @ApiOperation({ summary: "Change a game's status" })
  @Post('games/:id/transitions')
  @HttpCode(200)
  @Roles(
    ['organiser', 'admin', 'scorekeeper'],
    'the game’s scorekeepers for ready, live (start) and final (end); organisers of the tournament for every step',
  )
  @ApiOkResponse({
    type: GameDto,
    description: 'An illegal step is refused with 409 GAME_ILLEGAL_TRANSITION naming from, to and why',
  })
  @ApiErrors(400, 403, 404, 409)
  transition(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: GameTransitionDto,
  ): Promise<GameDto> {
    return this.lifecycle.transition(actor, id, dto);
  }
}
