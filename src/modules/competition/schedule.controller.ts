import { Body, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, type Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { DelaysQueryDto, GenerateScheduleDto, MoveGameDto, SetCourtsDto } from './competition.dto.js';
import { CourtsDto, DelaysDto, ScheduleDto } from './competition-view.dto.js';
import { ScheduleService } from './schedule.service.js';

const ORGANISERS = 'organisers of the tournament, or an administrator';

@ApiTags('schedule')
@ApiController('tournaments/:tournamentId/competition')
export class ScheduleController {
  constructor(private readonly schedules: ScheduleService) {}

  @ApiOperation({ summary: 'Set the courts and their hours' })
  @Put('courts')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: CourtsDto,
    description: 'Replaces the courts and their windows; refused (409) if the stored schedule would break',
  })
  @ApiErrors(400, 403, 404, 409)
  setCourts(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: SetCourtsDto,
  ): Promise<CourtsDto> {
    return this.schedules.setCourts(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'List the courts' })
  @Get('courts')
  @Public()
  @ApiOkResponse({ type: CourtsDto })
  @ApiErrors(400, 404)
  courts(@UuidParam('tournamentId') tournamentId: string): Promise<CourtsDto> {
    return this.schedules.courts(tournamentId);
  }

  @ApiOperation({ summary: 'Build the schedule' })
  @Post('schedule')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: ScheduleDto,
    description: 'Places every game; 400 SCHEDULE_INFEASIBLE names each game that does not fit and why',
  })
  @ApiErrors(400, 403, 404, 409)
  generate(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: GenerateScheduleDto,
  ): Promise<ScheduleDto> {
    return this.schedules.generate(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'The schedule' })
  @Get('schedule')
  @Public()
  @ApiOkResponse({ type: ScheduleDto })
  @ApiErrors(400, 404, 409)
  schedule(@UuidParam('tournamentId') tournamentId: string): Promise<ScheduleDto> {
    return this.schedules.schedule(tournamentId);
  }

  @ApiOperation({ summary: 'Move a game' })
  @Post('schedule/moves')
  @HttpCode(200)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({
    type: ScheduleDto,
    description:
      'A move that breaks a rule is refused with 409 SCHEDULE_MOVE_REFUSED, one detail per rule (e.g. "team 南浔彩蝶队 plays game S1-A-R1-G1 at 14:00 on 主场")',
  })
  @ApiErrors(400, 403, 404, 409)
  move(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: MoveGameDto,
  ): Promise<ScheduleDto> {
    return this.schedules.move(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'The schedule with knock-on delays' })
  @Get('schedule/delays')
  @Public()
  @ApiOkResponse({
    type: DelaysDto,
    description: 'Knock-on delays from games that started late or run long (overtime), from the games’ recorded times',
  })
  @ApiErrors(400, 404, 409)
  delays(@UuidParam('tournamentId') tournamentId: string, @Query() query: DelaysQueryDto): Promise<DelaysDto> {
    return this.schedules.delays(tournamentId, query);
  }
}
