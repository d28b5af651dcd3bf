import { Body, Delete, Get, HttpCode, Param, Put, Query, type PipeTransform } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { RequestValidationError } from '../../common/errors/validation.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import type { DecidedAwardKey } from '../../domain/awards/index.js';
import { StatsSettingsService } from '../stats/stats-settings.service.js';
import {
  AwardDecisionDto,
  AwardDecisionsDto,
  AwardsDto,
  AwardsQueryDto,
  CandidatesQueryDto,
  DecideAwardDto,
  DECIDED_AWARD_KEYS,
  MvpCandidatesDto,
  SportsmanshipDto,
  SportsmanshipQueryDto,
  StatsSettingsDto,
  UpdateStatsSettingsDto,
} from './awards.dto.js';
import { toStatsSettingsPatch } from './awards.mapper.js';
import { AwardsService } from './awards.service.js';
import { AwardsViews } from './awards-views.service.js';

const ORGANISERS = 'organisers of the tournament, or an administrator';

/** `:key`, one of the awards organisers decide; anything else is a 400 naming it. */
const awardKeyPipe: PipeTransform<string, DecidedAwardKey> = {
  transform(value: string) {
    if ((DECIDED_AWARD_KEYS as readonly string[]).includes(value)) return value as DecidedAwardKey;
    throw new RequestValidationError([{ field: 'key', reason: `must be one of: ${DECIDED_AWARD_KEYS.join(', ')}` }]);
  },
};

@ApiTags('awards')
@ApiController('tournaments/:tournamentId/awards')
export class AwardsController {
  constructor(
    private readonly awards: AwardsService,
    private readonly views: AwardsViews,
    private readonly settings: StatsSettingsService,
  ) {}

  @ApiOperation({ summary: 'Published awards and places' })
  @Get()
  @Public()
  @ApiOkResponse({
    type: AwardsDto,
    description:
      'The published list: 冠军, 亚军, 季军, 第四名 … (final places), MVP, 得分王, 助攻王, 篮板王, 最佳阵容, 精神风尚奖, 优秀组织奖 — each with Chinese and English labels (`label` in `lang`)',
  })
  @ApiErrors(400, 404)
  published(@UuidParam('tournamentId') tournamentId: string, @Query() query: AwardsQueryDto): Promise<AwardsDto> {
    return this.views.published(tournamentId, query.lang);
  }

  @ApiOperation({ summary: 'MVP candidates' })
  @Get('mvp-candidates')
  @Public()
  @ApiOkResponse({
    type: MvpCandidatesDto,
    description: 'The computed MVP candidate list for the organisers’ panel, with the formula in use',
  })
  @ApiErrors(400, 404)
  candidates(
    @UuidParam('tournamentId') tournamentId: string,
    @Query() query: CandidatesQueryDto,
  ): Promise<MvpCandidatesDto> {
    return this.views.candidates(tournamentId, query.limit);
  }

  @ApiOperation({ summary: 'Sportsmanship (conduct) table' })
  @Get('sportsmanship')
  @Public()
  @ApiOkResponse({
    type: SportsmanshipDto,
    description:
      'Indicators that inform 精神风尚奖 (the organisers decide it): technical, unsportsmanlike and disqualifying fouls (players, coaches, bench) and forfeits per team, fewest penalty points first',
  })
  @ApiErrors(400, 404)
  sportsmanship(
    @UuidParam('tournamentId') tournamentId: string,
    @Query() query: SportsmanshipQueryDto,
  ): Promise<SportsmanshipDto> {
    return this.views.sportsmanship(tournamentId, query.basis);
  }

  @ApiOperation({ summary: 'Decided awards' })
  @Get('decisions')
  @Public()
  @ApiOkResponse({ type: AwardDecisionsDto, description: 'The organisers’ decisions with recipients and citations' })
  @ApiErrors(400, 404)
  decisions(@UuidParam('tournamentId') tournamentId: string): Promise<AwardDecisionsDto> {
    return this.views.decided(tournamentId);
  }

  @ApiOperation({ summary: 'Decide an award' })
  @Put('decisions/:key')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiParam({ name: 'key', enum: DECIDED_AWARD_KEYS })
  @ApiOkResponse({
    type: AwardDecisionDto,
    description:
      'Decides (or changes) an award. Refused with 400 AWARDS_RECIPIENT_KIND_MISMATCH (优秀组织奖 to a team…), AWARDS_ALL_TOURNAMENT_TEAM_SIZE (not 5 players), AWARDS_DUPLICATE_RECIPIENT, AWARDS_RECIPIENT_COUNT; 404 AWARDS_UNKNOWN_RECIPIENT. Audited.',
  })
  @ApiErrors(400, 403, 404)
  decide(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Param('key', awardKeyPipe) key: DecidedAwardKey,
    @Body() dto: DecideAwardDto,
  ): Promise<AwardDecisionDto> {
    return this.awards.decide(actor, tournamentId, key, dto);
  }

  @ApiOperation({ summary: 'Withdraw a decided award' })
  @Delete('decisions/:key')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiParam({ name: 'key', enum: DECIDED_AWARD_KEYS })
  @ApiNoContentResponse({ description: 'The decision is withdrawn (audited)' })
  @ApiErrors(400, 403, 404)
  withdraw(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Param('key', awardKeyPipe) key: DecidedAwardKey,
  ): Promise<void> {
    return this.awards.withdraw(actor, tournamentId, key);
  }

  @ApiOperation({ summary: 'Award settings' })
  @Get('settings')
  @Public()
  @ApiOkResponse({ type: StatsSettingsDto, description: 'Leaders, 得分王/助攻王/篮板王 and MVP formula settings' })
  @ApiErrors(400, 404)
  async getSettings(@UuidParam('tournamentId') tournamentId: string): Promise<StatsSettingsDto> {
    return { tournamentId, ...(await this.settings.view(tournamentId)) };
  }

  @ApiOperation({ summary: 'Change the award settings' })
  @Put('settings')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({ type: StatsSettingsDto, description: 'Changes only the settings given; audited' })
  @ApiErrors(400, 403, 404)
  async putSettings(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: UpdateStatsSettingsDto,
  ): Promise<StatsSettingsDto> {
    return { tournamentId, ...(await this.settings.update(actor, tournamentId, toStatsSettingsPatch(dto))) };
  }
}
