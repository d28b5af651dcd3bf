import { Get, Res } from '@nestjs/common';
import { ApiController } from '../../common/http/api-controller.js';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access.decorators.js';
import { ApiErrors } from '../../common/http/api-errors.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { CalendarService, type CalendarFile } from './calendar.service.js';

const ICS = {
  status: 200,
  description:
    'iCalendar (RFC 5545) to subscribe to: each game with its time in the tournament’s time zone, venue and court, teams, and the result once decided',
  content: { 'text/calendar': { schema: { type: 'string' as const } } },
};

@ApiTags('calendar')
@ApiController()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('tournaments/:tournamentId/calendar.ics')
  @Public()
  @ApiOperation({ summary: 'Calendar feed of every game of the tournament' })
  @ApiProduces('text/calendar')
  @ApiResponse(ICS)
  @ApiErrors(400, 404)
  async tournament(
    @UuidParam('tournamentId') tournamentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return send(reply, await this.calendar.tournamentFeed(tournamentId));
  }

  @Get('teams/:teamId/calendar.ics')
  @Public()
  @ApiOperation({ summary: 'Calendar feed of one team’s games' })
  @ApiProduces('text/calendar')
  @ApiResponse(ICS)
  @ApiErrors(400, 404)
  async team(@UuidParam('teamId') teamId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return send(reply, await this.calendar.teamFeed(teamId));
  }
}

function send(reply: FastifyReply, file: CalendarFile): string {
  void reply.header('content-type', 'text/calendar; charset=utf-8');
  void reply.header(
    'content-disposition',
    `inline; filename="calendar.ics"; filename*=UTF-8''${encodeURIComponent(`${file.name}.ics`)}`,
  );
  // Calendars poll; a moved game must show at their next look.
  void reply.header('cache-control', 'no-cache');
  return file.body;
}
