import { Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { LEADERS_READ, VersionedRead } from '../../common/http/fresh-reads.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { LeadersDto, LeadersQueryDto, RebuildDto } from './leaders.dto.js';
import { LeadersService } from './leaders.service.js';
import { PlayerLinesService } from './player-lines.service.js';

@ApiTags('leaders')
@ApiController('tournaments/:tournamentId/leaders')
export class LeadersController {
  constructor(
    private readonly leaders: LeadersService,
    private readonly lines: PlayerLinesService,
  ) {}

  @ApiOperation({ summary: 'Statistical leaders' })
  @Get()
  @Public()
  @VersionedRead(LEADERS_READ)
  @ApiOkResponse({
    type: LeadersDto,
    description:
      'Points, rebounds, assists, steals, blocks, 3-pointers made, FT%, EFF (and FG%, 3P%, OREB, DREB by category): totals or per game, minimum games and attempts from the tournament’s settings unless given, ties shown as ties (same rank, `tied`). Decided games only unless live=true.',
  })
  @ApiErrors(400, 404)
  get(@UuidParam('tournamentId') tournamentId: string, @Query() query: LeadersQueryDto): Promise<LeadersDto> {
    return this.leaders.leaders(tournamentId, query);
  }

  @ApiOperation({ summary: 'Rebuild the leaders from the play-by-play' })
  @Post('rebuild')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], 'organisers of the tournament, or an administrator')
  @ApiOkResponse({
    type: RebuildDto,
    description:
      'Recomputes every decided game’s player lines from its play-by-play log and rewrites those that differ (none, normally). Audited.',
  })
  @ApiErrors(403, 404)
  rebuild(@CurrentActor() actor: Actor, @UuidParam('tournamentId') tournamentId: string): Promise<RebuildDto> {
    return this.lines.rebuild(actor, tournamentId);
  }
}
