import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Nested, Optional } from '../../common/validation/decorators.js';

/*
 * A result from a paper scoresheet (POST /games/{id}/paper-result). The shape is checked here;
 * the rules of the sport (no level score, periods adding up, players of the right team, fouls
 * within the limit, made <= attempted) are src/domain/game/paper-result.ts, which names the same
 * fields (`home.players[2].fouls`).
 */

const MAX_COUNT = 999;

/** An optional whole number 0..999 with its example. */
const Count = (example: number, description: string) => (target: object, key: string | symbol) => {
  ApiPropertyOptional({ example, description })(target, key);
  Optional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_COUNT)(target, key);
};

export class PaperPlayerLineDto {
  @ApiProperty({
    format: 'uuid',
    example: '5b0d7c1e-2f4a-4e8b-9c3d-1a2b3c4d5e6f',
    description: 'A player of this team',
  })
  @IsUUID()
  playerId: string;

  @Count(21, 'Points; when left out, 2·fgm2 + 3·fgm3 + ftm') points?: number;
  @Count(3, 'Fouls of every kind, as the foul boxes of the sheet (at most the foul-out limit, 5)') fouls?: number;
  @Count(6, 'Two-point field goals made') fgm2?: number;
  @Count(11, 'Two-point field goals attempted') fga2?: number;
  @Count(1, 'Three-pointers made (3PM)') fgm3?: number;
  @Count(4, 'Three-pointers attempted') fga3?: number;
  @Count(4, 'Free throws made (FTM)') ftm?: number;
  @Count(6, 'Free throws attempted (FTA)') fta?: number;
  @Count(2, 'Offensive rebounds') oreb?: number;
  @Count(5, 'Defensive rebounds') dreb?: number;
  @Count(7, 'Total rebounds, when the sheet does not split them (the part not given as oreb counts as defensive)')
  reb?: number;
  @Count(5, 'Assists') ast?: number;
  @Count(2, 'Steals') stl?: number;
  @Count(1, 'Blocks') blk?: number;
  @Count(3, 'Turnovers') tov?: number;
}

export class PaperTeamResultDto {
  @ApiProperty({ example: 62, description: 'Final score' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  score: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [15, 14, 18, 15],
    description:
      'Points per period, regulation then overtime (e.g. 6 entries for two overtimes); both teams or neither; they add up to the score',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_COUNT, { each: true })
  periods?: number[];

  @ApiPropertyOptional({
    type: [PaperPlayerLineDto],
    example: [{ playerId: '5b0d7c1e-2f4a-4e8b-9c3d-1a2b3c4d5e6f', points: 21, fouls: 3, fgm3: 1, ftm: 4, fta: 6 }],
    description:
      'Players who played, with what the sheet gives; only entered numbers count in leaders. Their points add up to at most the score (the rest is the team’s)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PaperPlayerLineDto)
  players?: PaperPlayerLineDto[];
}

export class PaperResultDto {
  @ApiProperty({ type: PaperTeamResultDto, example: { score: 62, periods: [15, 14, 18, 15] } })
  @Nested(() => PaperTeamResultDto)
  home: PaperTeamResultDto;

  @ApiProperty({ type: PaperTeamResultDto, example: { score: 58, periods: [12, 16, 14, 16] } })
  @Nested(() => PaperTeamResultDto)
  away: PaperTeamResultDto;
}
