import { Body, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { COMPETITION_READ, VersionedRead } from '../../common/http/fresh-reads.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import {
  DrawGroupsDto,
  RecordLotsDto,
  RecordOverrideDto,
  SetupCompetitionDto,
  StandingsQueryDto,
} from './competition.dto.js';
import { CompetitionService } from './competition.service.js';
import {
  BracketDto,
  CompetitionDto,
  FinalRankingDto,
  GeneratedGamesDto,
  PendingOverrideDto,
  StandingsDto,
} from './competition-view.dto.js';
import { CompetitionViews } from './competition-views.service.js';

const ORGANISERS = 'organisers of the tournament, or an administrator';

@ApiTags('competition')
@ApiController('tournaments/:tournamentId/competition')
export class CompetitionController {
  constructor(
    private readonly competition: CompetitionService,
    private readonly views: CompetitionViews,
  ) {}

  @ApiOperation({ summary: 'Set the competition format' })
  @Put()
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: CompetitionDto,
    description:
      'Sets (or replaces, until the games exist) the format. With groups to draw the phase is `configured`; otherwise the structure is built at once (`drawn`).',
  })
  @ApiErrors(400, 403, 404, 409)
  setup(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: SetupCompetitionDto,
  ): Promise<CompetitionDto> {
    return this.competition.setup(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'Get the competition structure' })
  @Get()
  @Public()
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(400, 404)
  get(@UuidParam('tournamentId') tournamentId: string): Promise<CompetitionDto> {
    return this.competition.get(tournamentId);
  }

  @ApiOperation({ summary: 'Draw the groups' })
  @Post('draw')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: CompetitionDto,
    description: 'The draw (with its recorded seed) and the structure built from it',
  })
  @ApiErrors(400, 403, 404, 409)
  draw(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: DrawGroupsDto,
  ): Promise<CompetitionDto> {
    return this.competition.draw(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'Create the games of the format' })
  @Post('games')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({
    type: GeneratedGamesDto,
    description:
      'One game per structure game (competitionKey = its id), on the schedule’s court and time if there is one',
  })
  @ApiErrors(403, 404, 409)
  generateGames(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
  ): Promise<GeneratedGamesDto> {
    return this.competition.generateGames(actor, tournamentId);
  }

  @ApiOperation({ summary: 'Record drawn lots for a tie' })
  @Post('lots')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: CompetitionDto,
    description: 'Accepted only for teams only lots can separate; the slots waiting for it fill in',
  })
  @ApiErrors(400, 403, 404, 409)
  lots(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: RecordLotsDto,
  ): Promise<CompetitionDto> {
    return this.competition.recordLots(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: "Override a slot or a result's consequence" })
  @Post('overrides')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({
    type: PendingOverrideDto,
    description:
      'Lets the next result change of this game go through even when a game depending on it has started (otherwise refused with 409 COMPETITION_DEPENDENT_GAME_STARTED). Used once, and kept in forcedCorrections and the audit log.',
  })
  @ApiErrors(400, 403, 404, 409)
  override(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: RecordOverrideDto,
  ): Promise<PendingOverrideDto> {
    return this.competition.recordOverride(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'The bracket' })
  @Get('bracket')
  @Public()
  @VersionedRead(COMPETITION_READ)
  @ApiOkResponse({
    type: BracketDto,
    description: 'Every game with its slots, the teams they resolve to, the game and its result',
  })
  @ApiErrors(400, 404, 409)
  bracket(@UuidParam('tournamentId') tournamentId: string): Promise<BracketDto> {
    return this.views.bracket(tournamentId);
  }

  @ApiOperation({ summary: 'Group standings with tie-break explanations' })
  @Get('standings')
  @Public()
  @VersionedRead(COMPETITION_READ)
  @ApiOkResponse({
    type: StandingsDto,
    description:
      'Official (decided games, FIBA Appendix D) and live (games in progress at their current score) group tables',
  })
  @ApiErrors(400, 404, 409)
  standings(@UuidParam('tournamentId') tournamentId: string, @Query() query: StandingsQueryDto): Promise<StandingsDto> {
    return this.views.standings(tournamentId, query);
  }

  @ApiOperation({ summary: 'Final places' })
  @Get('ranking')
  @Public()
  @VersionedRead(COMPETITION_READ)
  @ApiOkResponse({
    type: FinalRankingDto,
    description: 'Final places 1..N once every game is decided; until then the games still open',
  })
  @ApiErrors(400, 404, 409)
  ranking(@UuidParam('tournamentId') tournamentId: string): Promise<FinalRankingDto> {
    return this.views.finalRanking(tournamentId);
  }
}
