import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { LEADER_CATEGORIES, type LeaderCategory, type RankingBasis } from '../../domain/stats/index.js';
import { Optional } from '../../common/validation/decorators.js';

const BASES = ['total', 'per_game'] as const;

/** `?stageIds=S1,KO` (or the parameter repeated) as a list. */
const commaList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class LeadersQueryDto {
  @ApiPropertyOptional({
    enum: LEADER_CATEGORIES,
    example: 'points',
    description:
      'One board; without it: points, rebounds, assists, steals, blocks, three_pointers_made, free_throw_pct, efficiency',
  })
  @Optional()
  @IsIn(LEADER_CATEGORIES)
  category?: LeaderCategory;

  @ApiPropertyOptional({
    enum: BASES,
    description:
      'total or per_game; default: the tournament’s setting (per game). Percentages are always made/attempted',
  })
  @Optional()
  @IsIn(BASES)
  basis?: RankingBasis;

  @ApiPropertyOptional({ example: 2, description: 'Games a player needs; default: the tournament’s setting' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(500)
  minGames?: number;

  @ApiPropertyOptional({
    example: 10,
    description: 'Percentage boards: attempts a player needs; default: the tournament’s setting per category',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  minAttempts?: number;

  @ApiPropertyOptional({
    type: String,
    example: 'S1,KO',
    description: 'Only games of these stages (comma-separated stage ids); default: every game',
  })
  @Optional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9]{1,4}$/, { each: true, message: 'each must be a stage id of 1-4 letters or digits' })
  stageIds?: string[];

  @ApiPropertyOptional({ default: 10, description: 'Ranks listed (players tied at the cut keep their place)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Also count games in progress at their current box score (marked per entry and in liveGameIds)',
  })
  @Optional()
  @Transform(bool)
  @IsBoolean()
  live = false;
}

export class LeaderPlayerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '王磊' }) name: string;
  @ApiProperty({ example: 23, nullable: true, type: 'integer' }) jerseyNumber: number | null;
}

export class LeaderTeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '长兴天顺物流队' }) name: string;
}

export class LeaderEntryDto {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty({ description: 'Shares the rank with another player (shown "1=")' }) tied: boolean;
  @ApiProperty({ type: LeaderPlayerDto }) player: LeaderPlayerDto;
  @ApiProperty({ type: LeaderTeamDto }) team: LeaderTeamDto;
  @ApiProperty({ type: 'integer', example: 4 }) games: number;
  @ApiProperty({ example: 18.25, description: 'The ranked value: total, per game, or a percentage (unrounded)' })
  value: number;
  @ApiProperty({ example: '18.3', description: 'The value as pages show it (one decimal; % for percentages)' })
  display: string;
  @ApiProperty({ type: 'integer', example: 73, description: 'The summed statistic (percentages: shots made)' })
  total: number;
  @ApiProperty({ example: null, nullable: true, type: 'integer', description: 'Percentages: shots attempted' })
  attempts: number | null;
  @ApiProperty({ description: 'A game in progress is counted in this line' }) includesLive: boolean;
}

export class LeaderboardDto {
  @ApiProperty({ enum: LEADER_CATEGORIES, example: 'points' }) category: LeaderCategory;
  @ApiProperty({ example: '得分' }) labelZh: string;
  @ApiProperty({ example: 'Points' }) labelEn: string;
  @ApiProperty({ enum: BASES, example: 'per_game' }) basis: RankingBasis;
  @ApiProperty({ type: 'integer', example: 1 }) minGames: number;
  @ApiProperty({ example: null, nullable: true, type: 'integer', description: 'Percentages only' })
  minAttempts: number | null;
  @ApiProperty({ type: 'integer', example: 37, description: 'Players who met the minimums' }) eligible: number;
  @ApiProperty({ type: [LeaderEntryDto] }) entries: LeaderEntryDto[];
}

export class StageRefDto {
  @ApiProperty({ example: 'S1' }) id: string;
  @ApiProperty({ example: '小组赛' }) name: string;
  @ApiProperty({ enum: ['group', 'knockout'] }) kind: 'group' | 'knockout';
}

export class LeadersDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ description: 'Games in progress are counted (live=true)' }) live: boolean;
  @ApiProperty({ type: [String], description: 'The games in progress counted at their current box score' })
  liveGameIds: string[];
  @ApiProperty({
    type: [String],
    nullable: true,
    example: null,
    description: 'The stage filter applied; null: all games',
  })
  stageIds: string[] | null;
  @ApiProperty({ type: [StageRefDto], description: 'The competition’s stages, to filter by' }) stages: StageRefDto[];
  @ApiProperty({ type: [LeaderboardDto] }) boards: LeaderboardDto[];
}

export class RebuildDto {
  @ApiProperty({ type: 'integer', example: 16, description: 'Decided games replayed from their play-by-play' })
  games: number;
  @ApiProperty({ type: 'integer', example: 231 }) lines: number;
  @ApiProperty({ type: [String], example: [], description: 'Games whose stored lines differed and were rewritten' })
  changedGameIds: string[];
  @ApiProperty({
    type: [String],
    example: [],
    description: 'Players whose kept totals differed from the sums of their lines and were rewritten',
  })
  driftedPlayerIds: string[];
}
