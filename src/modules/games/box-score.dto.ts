import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BoxScorePlayerLine,
  BoxScoreTeam,
  BoxScoreTeamTotals,
  GameStatus,
  PeriodScore,
  ShootingPercentages,
} from '../../domain/game/index.js';
import { GAME_STATUSES } from './game.entity.js';
import type { BoxScoreView } from './game.mapper.js';

/** The box score's shapes for the API document (the values come from src/domain/game/box-score.ts). */

const count = (description?: string) => ApiProperty({ type: 'integer', minimum: 0, description });

export class BoxScorePlayerLineDto implements BoxScorePlayerLine {
  @ApiProperty({ format: 'uuid' }) gameId: string;
  @ApiProperty({ format: 'uuid' }) playerId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 99, example: 23, description: 'As registered' })
  jerseyNumber: BoxScorePlayerLine['jerseyNumber'];
  @ApiProperty({ example: '沈建华' }) name: string;
  @ApiProperty({ description: 'In the starting five' }) starter: boolean;
  @ApiProperty({ description: 'On the court now (tracked lineups)' }) onCourt: boolean;
  @ApiProperty({ description: 'Took part: entered the court or recorded any event' }) played: boolean;
  @ApiProperty({ type: String, enum: ['fouled_out', 'disqualified'], nullable: true })
  out: BoxScorePlayerLine['out'];
  @count('Points') pts: number;
  @count() fgm: number;
  @count() fga: number;
  @count() fgm2: number;
  @count() fga2: number;
  @count() fgm3: number;
  @count() fga3: number;
  @count() ftm: number;
  @count() fta: number;
  @count() oreb: number;
  @count() dreb: number;
  @count() reb: number;
  @count() ast: number;
  @count() stl: number;
  @count() blk: number;
  @count('Turnovers') tov: number;
  @count('Personal fouls') pf: number;
  @ApiProperty({ type: 'integer', description: 'Efficiency (FIBA EFF)' }) eff: number;
  @count('Points credited in score-only mode') scoreOnlyPts: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'MIN in seconds (1530 = 25:30); null when the lineups and clock were not tracked',
  })
  secondsPlayed: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Points scored minus conceded while on court; null when not tracked',
  })
  plusMinus: number | null;
  @ApiPropertyOptional({ type: 'integer', description: 'Categories the game kept (bitmask); absent: all of them' })
  kept?: number;
}

export class BoxScoreTeamTotalsDto implements BoxScoreTeamTotals {
  @count() pts: number;
  @count() fgm: number;
  @count() fga: number;
  @count() fgm2: number;
  @count() fga2: number;
  @count() fgm3: number;
  @count() fga3: number;
  @count() ftm: number;
  @count() fta: number;
  @count('Including team rebounds') oreb: number;
  @count('Including team rebounds') dreb: number;
  @count() reb: number;
  @count() ast: number;
  @count() stl: number;
  @count() blk: number;
  @count('Including team turnovers') tov: number;
  @count() pf: number;
  @ApiProperty({ type: 'integer' }) eff: number;
  @count() teamRebounds: number;
  @count() teamTurnovers: number;
  @count('Points credited to the team in score-only mode') teamPoints: number;
  @count() coachTechnicals: number;
  @count() benchTechnicals: number;
}

export class ShootingPercentagesDto implements ShootingPercentages {
  @ApiProperty({ type: Number, nullable: true, example: 47.5, description: '0-100, null without attempts' })
  fg: number | null;
  @ApiProperty({ type: Number, nullable: true }) fg2: number | null;
  @ApiProperty({ type: Number, nullable: true }) fg3: number | null;
  @ApiProperty({ type: Number, nullable: true }) ft: number | null;
}

export class BoxScoreTeamDto implements BoxScoreTeam {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ example: '南浔彩蝶队' }) name: string;
  @ApiProperty({ type: 'integer' }) score: number;
  @ApiProperty({ type: [BoxScorePlayerLineDto] }) players: BoxScorePlayerLineDto[];
  @ApiProperty({ type: BoxScoreTeamTotalsDto }) totals: BoxScoreTeamTotalsDto;
  @ApiProperty({ type: ShootingPercentagesDto }) percentages: ShootingPercentagesDto;
}

export class BoxScorePeriodDto implements PeriodScore {
  @ApiProperty({ type: 'integer', example: 1 }) period: number;
  @ApiProperty({ example: 'Q1', description: 'Q1–Q4, then OT1, OT2…' }) label: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '0b5c7d2e-1f3a-4c5b-9d6e-7f8091a2b3c4': 21 },
    description: 'Points in the period by team id',
  })
  points: Record<string, number>;
}

export class BoxScoreDto implements BoxScoreView {
  @ApiProperty({ format: 'uuid' }) gameId: string;
  @ApiProperty({ enum: GAME_STATUSES }) status: GameStatus;
  @ApiProperty({ type: 'integer', description: 'Seq of the last event counted' }) lastSeq: number;
  @ApiProperty({ description: 'The game has ended' }) gameOver: boolean;
  @ApiProperty({ type: [BoxScoreTeamDto], minItems: 2, maxItems: 2, description: 'Home, then away' })
  teams: [BoxScoreTeamDto, BoxScoreTeamDto];
  @ApiProperty({ type: [BoxScorePeriodDto] }) scoreByPeriod: BoxScorePeriodDto[];
}
