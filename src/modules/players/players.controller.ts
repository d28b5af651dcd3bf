import { Body, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { PageOf } from '../../common/pagination/page.js';
import {
  CreatePlayerDto,
  ImportQueryDto,
  ImportResultDto,
  PlayerDto,
  PlayerQueryDto,
  RemovePlayerQueryDto,
  UpdatePlayerDto,
} from './player.dto.js';
import { PlayersService } from './players.service.js';

const PlayerPage = PageOf(PlayerDto);

@ApiTags('players')
@ApiController()
export class PlayersController {
  constructor(private readonly players: PlayersService) {}

  @ApiOperation({ summary: 'Add a player to a team' })
  @Post('teams/:teamId/players')
  @Roles(['organiser', 'admin'], 'organisers of the team’s tournament, or an administrator')
  @ApiCreatedResponse({
    type: PlayerDto,
    description: 'After the roster lock, `overrideReason` is required and the change is recorded',
  })
  @ApiErrors(400, 404, 409)
  add(
    @CurrentActor() actor: Actor,
    @UuidParam('teamId') teamId: string,
    @Body() dto: CreatePlayerDto,
  ): Promise<PlayerDto> {
    return this.players.add(actor, teamId, dto);
  }

  @ApiOperation({ summary: 'Import a roster from CSV' })
  @Post('teams/:teamId/players/import')
  @HttpCode(201)
  @Roles(['organiser', 'admin'], 'organisers of the team’s tournament, or an administrator')
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'UTF-8 CSV, with or without BOM. Headers in Chinese or English: 姓名/name, 号码/jerseyNumber, 位置/position, 工作单位/employer, 身份证号/nationalId',
    schema: {
      type: 'string',
      example: '姓名,号码,位置,工作单位\n王磊,7,后卫,长兴天顺物流有限公司\n李强,23,中锋,长兴天顺物流有限公司\n',
    },
  })
  @ApiCreatedResponse({
    type: ImportResultDto,
    description: 'All rows imported; on any problem nothing is imported and each problem names its row and column',
  })
  @ApiErrors(400, 404, 409)
  import(
    @CurrentActor() actor: Actor,
    @UuidParam('teamId') teamId: string,
    @Body() csv: string,
    @Query() query: ImportQueryDto,
  ): Promise<ImportResultDto> {
    return this.players.importCsv(actor, teamId, csv, query.overrideReason);
  }

  @ApiOperation({ summary: "A team's roster" })
  @Get('teams/:teamId/players')
  @Public()
  @ApiOkResponse({ type: PlayerPage })
  @ApiErrors(400, 404)
  listByTeam(@UuidParam('teamId') teamId: string, @Query() query: PlayerQueryDto) {
    return this.players.listByTeam(teamId, query);
  }

  @ApiOperation({ summary: 'All players of a tournament' })
  @Get('tournaments/:tournamentId/players')
  @Public()
  @ApiOkResponse({
    type: PlayerPage,
    description: 'Every player of the tournament; search by name, pinyin or initials',
  })
  @ApiErrors(400, 404)
  listByTournament(@UuidParam('tournamentId') tournamentId: string, @Query() query: PlayerQueryDto) {
    return this.players.listByTournament(tournamentId, query);
  }

  @ApiOperation({ summary: 'Get a player' })
  @Get('players/:id')
  @Public()
  @ApiOkResponse({ type: PlayerDto })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string): Promise<PlayerDto> {
    return this.players.get(id);
  }

  @ApiOperation({ summary: 'Update a player' })
  @Patch('players/:id')
  @Roles(['organiser', 'admin'], 'organisers of the team’s tournament, or an administrator')
  @ApiOkResponse({ type: PlayerDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdatePlayerDto): Promise<PlayerDto> {
    return this.players.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Remove a player' })
  @Delete('players/:id')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], 'organisers of the team’s tournament, or an administrator')
  @ApiNoContentResponse({ description: 'Removed from the roster (kept for games already played)' })
  @ApiErrors(400, 404, 409)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() query: RemovePlayerQueryDto,
  ): Promise<void> {
    return this.players.remove(actor, id, query.overrideReason);
  }
}
