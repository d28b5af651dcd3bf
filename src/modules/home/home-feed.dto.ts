import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { GameStatus } from '../../domain/game/index.js';
import { GAME_STATUSES } from '../games/game.entity.js';

export class HomeFeedQueryDto {
  @ApiPropertyOptional({
    example: '2024-05-18',
    description: "The reader's today (the venue's calendar date); default: the server's date",
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date written YYYY-MM-DD' })
  date?: string;
}

export class HomeTeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '南浔彩蝶队' }) name: string;
}

export class HomeTournamentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2024湖州市职工篮球联赛' }) name: string;
}

export class HomeGameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: HomeTournamentDto }) tournament: HomeTournamentDto;
  @ApiProperty({ type: HomeTeamDto, nullable: true }) homeTeam: HomeTeamDto | null;
  @ApiProperty({ type: HomeTeamDto, nullable: true }) awayTeam: HomeTeamDto | null;
  @ApiProperty({ enum: GAME_STATUSES, example: 'live' }) status: GameStatus;
  @ApiProperty({ type: 'integer', example: 55 }) homeScore: number;
  @ApiProperty({ type: 'integer', example: 52 }) awayScore: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'Current period (5 and more: overtime)' }) period: number;
  @ApiProperty({ example: '2024-05-18T19:30', nullable: true, type: String }) scheduledAt: string | null;
  @ApiProperty({ example: '主场', nullable: true, type: String }) court: string | null;
  @ApiProperty({ example: 'SF1', nullable: true, type: String, description: 'The game in the competition structure' })
  competitionKey: string | null;
}

export class HomeFeedDto {
  @ApiProperty({ example: '2024-05-18' }) date: string;
  @ApiProperty({ type: [HomeGameDto], description: 'Games in progress (ready or live), every tournament' })
  live: HomeGameDto[];
  @ApiProperty({ type: [HomeGameDto], description: 'Games scheduled on `date` that are not in progress, by time' })
  today: HomeGameDto[];
  @ApiProperty({ type: [HomeGameDto], description: 'The latest decided games, newest first (at most 12)' })
  recent: HomeGameDto[];
}
