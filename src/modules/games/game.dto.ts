import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { NameText, Nullable, Optional, WallClockTime } from '../../common/validation/decorators.js';
import type { GameFlag, GameResult, GameStatus } from '../../domain/game/index.js';
import { GAME_STATUSES } from './game.entity.js';

export class CreateGameDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Omit for a knockout game whose teams come from earlier results',
  })
  @Nullable()
  @IsUUID()
  homeTeamId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Nullable()
  @IsUUID()
  awayTeamId?: string | null;

  @ApiPropertyOptional({
    example: 'SF1',
    maxLength: 20,
    nullable: true,
    type: String,
    description: 'The game’s name in the competition structure; unique in the tournament',
  })
  @Nullable()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'must be 1-20 letters, digits, dash or underscore' })
  competitionKey?: string | null;

  @ApiPropertyOptional({ example: '1号场', maxLength: 40, nullable: true, type: String })
  @Nullable()
  @NameText(40)
  court?: string | null;

  @ApiPropertyOptional({
    example: '2024-05-18T19:30',
    nullable: true,
    type: String,
    description: 'Venue wall clock, YYYY-MM-DDTHH:mm',
  })
  @Nullable()
  @WallClockTime('2024-05-18T19:30')
  scheduledAt?: string | null;
}

export const TRANSITION_TARGETS = [
  'ready',
  'live',
  'final',
  'official',
  'forfeit',
  'lost_by_default',
  'postponed',
  'cancelled',
  'scheduled',
] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

/** One lifecycle step. Each target takes only the facts it needs. */
export class GameTransitionDto {
  @ApiProperty({
    enum: TRANSITION_TARGETS,
    description:
      'ready (with both starting fives), live (start, or reopen a final game), final (end), official (confirm), forfeit, lost_by_default (with teamId), postponed, cancelled, scheduled (back from ready or postponed)',
  })
  @IsIn(TRANSITION_TARGETS)
  to: TransitionTarget;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'to=ready: the home team’s starting five (player ids)',
  })
  @ValidateIf((o: GameTransitionDto) => o.to === 'ready' || o.homeStartingFive !== undefined)
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  homeStartingFive?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'to=ready: the away team’s starting five' })
  @ValidateIf((o: GameTransitionDto) => o.to === 'ready' || o.awayStartingFive !== undefined)
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  awayStartingFive?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'to=forfeit: the team that forfeits; to=lost_by_default: the team that loses',
  })
  @ValidateIf((o: GameTransitionDto) => o.to === 'forfeit' || o.to === 'lost_by_default' || o.teamId !== undefined)
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    example: '客队未能在开赛15分钟后凑齐5名球员',
    maxLength: 200,
    description: 'Why (kept in the audit log)',
  })
  @Optional()
  @NameText(200)
  reason?: string;
}

export class TeamRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '长兴天顺物流队' }) name: string;
}

/** A game's team with what a scoreboard draws it with. */
export class GameTeamDto extends TeamRefDto {
  @ApiProperty({ example: '天顺物流', nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ example: '#1E4FA0', nullable: true, type: String, description: 'Jersey colour' })
  primaryColor: string | null;
}

export class HomeAwayDto {
  @ApiProperty({ type: 'integer', example: 55 }) home: number;
  @ApiProperty({ type: 'integer', example: 52 }) away: number;
}

export class PeriodDto {
  @ApiProperty({
    type: 'integer',
    example: 5,
    description: '0 before the first period; 5 = first overtime with 4 periods',
  })
  current: number;
  @ApiProperty({ example: 'OT1', nullable: true, type: String }) label: string | null;
  @ApiProperty({ enum: ['not_started', 'in_progress', 'ended'] }) status: 'not_started' | 'in_progress' | 'ended';
}

export class ClockDto {
  @ApiProperty() running: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Time left in the period, tenths of a second' })
  remaining: number | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The event that set it' }) asOfSeq: number | null;
}

export class TeamFoulsDto {
  @ApiProperty({
    type: 'integer',
    description: 'Team fouls counting toward the penalty in this period (overtime counts with the last period)',
  })
  current: number;
  @ApiProperty() inPenalty: boolean;
}

export class TeamFoulsByTeamDto {
  @ApiProperty({ type: TeamFoulsDto }) home: TeamFoulsDto;
  @ApiProperty({ type: TeamFoulsDto }) away: TeamFoulsDto;
}

export class GameFlagDto implements GameFlag {
  @ApiProperty({ type: String, example: 'CLOCK_WENT_UP' }) code: GameFlag['code'];
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) playerId: string | null;
  @ApiProperty() message: string;
}

/** The game as it stands after an event: what a scoreboard shows. */
export class GameLiveDto {
  @ApiProperty({ enum: GAME_STATUSES }) status: GameStatus;
  @ApiProperty({ type: 'integer', description: 'Seq of the last event in the log' }) lastSeq: number;
  @ApiProperty({ type: HomeAwayDto }) score: HomeAwayDto;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: ClockDto }) clock: ClockDto;
  @ApiProperty({ type: TeamFoulsByTeamDto }) teamFouls: TeamFoulsByTeamDto;
  @ApiProperty({ type: HomeAwayDto, description: 'Time-outs left in the current half or overtime' })
  timeoutsLeft: HomeAwayDto;
  @ApiProperty({ description: 'The last period ended tied: an overtime must be played' }) overtimeRequired: boolean;
  @ApiProperty({ description: 'The last period ended with a winner: the game can be ended' }) gameOver: boolean;
  @ApiProperty({ type: [GameFlagDto], description: 'Unusual things this event raised, for the organiser to review' })
  flags: GameFlag[];
}

export class PeriodScoreDto {
  @ApiProperty({ example: 'OT1' }) label: string;
  @ApiProperty({ type: 'integer' }) home: number;
  @ApiProperty({ type: 'integer' }) away: number;
}

export class GameResultDto implements Omit<GameResult, 'penalisedTeamId'> {
  @ApiProperty({ enum: ['played', 'forfeit', 'default'] }) kind: GameResult['kind'];
  @ApiProperty({ type: 'integer' }) homeScore: number;
  @ApiProperty({ type: 'integer' }) awayScore: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) penalisedTeamId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) winnerTeamId: string | null;
}

export class GameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ type: GameTeamDto, nullable: true }) homeTeam: GameTeamDto | null;
  @ApiProperty({ type: GameTeamDto, nullable: true }) awayTeam: GameTeamDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'SF1' }) competitionKey: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1号场' }) court: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-05-18T19:30' }) scheduledAt: string | null;
  @ApiProperty({ enum: GAME_STATUSES }) status: GameStatus;
  @ApiProperty({ type: 'integer', description: 'Live score, or the recorded result' }) homeScore: number;
  @ApiProperty({ type: 'integer' }) awayScore: number;
  @ApiProperty({ type: GameResultDto, nullable: true }) result: GameResultDto | null;
  @ApiProperty({ type: [String], nullable: true }) homeStartingFive: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) awayStartingFive: string[] | null;
  @ApiProperty({ type: GameLiveDto, nullable: true, description: 'null until the game is ready' })
  live: GameLiveDto | null;
  @ApiProperty({ type: [PeriodScoreDto] }) scoreByPeriod: PeriodScoreDto[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class GameQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000, { message: 'must not be greater than 100000' })
  page = 1;

  @ApiPropertyOptional({ default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 50;

  @ApiPropertyOptional({ type: String, enum: GAME_STATUSES })
  @Optional()
  @IsIn(GAME_STATUSES)
  status?: GameStatus;
}

export class GamePageDto {
  @ApiProperty({ type: [GameDto], description: 'Without `live` and `scoreByPeriod` (read one game for those)' })
  items: GameDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}
