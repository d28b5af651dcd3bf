import { Body, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorators.js';
import { CurrentActor, CurrentCaller, type Actor, type Caller } from '../../common/auth/actor.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { GameCodeLoginDto, TokensDto } from '../auth/auth.dto.js';
import { AssignmentsService } from './assignments.service.js';
import { GameCodesService } from './game-codes.service.js';
import {
  AssignmentDto,
  AssignmentQueryDto,
  CreateAssignmentDto,
  CreateGameCodeDto,
  GameCodeDto,
  IssuedGameCodeDto,
} from './scorekeeping.dto.js';

const ORGANISERS = 'organisers of this tournament, or an administrator';

/** How organisers hand out scorekeeper access: assignments of accounts, and one-time game codes for devices. */
@ApiTags('scorekeeping')
@ApiController()
export class ScorekeepingController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly codes: GameCodesService,
  ) {}

  @ApiOperation({ summary: 'Assign a scorekeeper to games' })
  @Post('tournaments/:tournamentId/scorekeepers')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({
    type: AssignmentDto,
    description: 'The scorekeeper account may now score that game, or every game on that court that day',
  })
  @ApiErrors(400, 404, 409)
  assign(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: CreateAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.assignments.create(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'List scorekeeper assignments' })
  @Get('tournaments/:tournamentId/scorekeepers')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({ type: [AssignmentDto] })
  @ApiErrors(400, 404)
  listAssignments(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Query() query: AssignmentQueryDto,
  ): Promise<AssignmentDto[]> {
    return this.assignments.list(actor, tournamentId, query);
  }

  @ApiOperation({ summary: 'Remove a scorekeeper assignment' })
  @Delete('tournaments/:tournamentId/scorekeepers/:id')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiNoContentResponse({ description: 'Assignment removed; every session of that scorekeeper ended at once' })
  @ApiErrors(400, 404, 409)
  unassign(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @UuidParam('id') id: string,
  ): Promise<void> {
    return this.assignments.remove(actor, tournamentId, id);
  }

  @ApiOperation({ summary: "Issue a game code for a scorer's device" })
  @Post('tournaments/:tournamentId/game-codes')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiCreatedResponse({
    type: IssuedGameCodeDto,
    description: 'The code is in this answer only: hand it to the scorer’s table',
  })
  @ApiErrors(400, 404, 409)
  issueCode(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @Body() dto: CreateGameCodeDto,
  ): Promise<IssuedGameCodeDto> {
    return this.codes.issue(actor, tournamentId, dto);
  }

  @ApiOperation({ summary: 'List game codes' })
  @Get('tournaments/:tournamentId/game-codes')
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiOkResponse({ type: [GameCodeDto], description: 'Newest first; codes themselves are never shown again' })
  @ApiErrors(400, 404)
  listCodes(@CurrentActor() actor: Actor, @UuidParam('tournamentId') tournamentId: string): Promise<GameCodeDto[]> {
    return this.codes.list(actor, tournamentId);
  }

  @ApiOperation({ summary: 'Revoke a game code' })
  @Delete('tournaments/:tournamentId/game-codes/:id')
  @HttpCode(204)
  @Roles(['organiser', 'admin'], ORGANISERS)
  @ApiNoContentResponse({
    description: 'The code no longer works, and a device logged in with it is logged out at once',
  })
  @ApiErrors(400, 404, 409)
  revokeCode(
    @CurrentActor() actor: Actor,
    @UuidParam('tournamentId') tournamentId: string,
    @UuidParam('id') id: string,
  ): Promise<void> {
    return this.codes.revoke(actor, tournamentId, id);
  }

  @ApiOperation({ summary: 'Log a device in with a game code' })
  @Post('auth/game-code')
  @HttpCode(200)
  @ApiTags('auth')
  @Public('a device at the scorer’s table with a game code; failed attempts are throttled')
  @ApiOkResponse({ type: TokensDto, description: 'A session that may score that one game; the code is spent' })
  @ApiErrors(400, 401)
  @ApiResponse({
    status: 429,
    description: 'Too many wrong codes; Retry-After says when to try again',
    type: ErrorBody,
  })
  exchangeCode(@CurrentCaller() caller: Caller, @Body() dto: GameCodeLoginDto): Promise<TokensDto> {
    return this.codes.exchange(caller, dto.code);
  }
}
