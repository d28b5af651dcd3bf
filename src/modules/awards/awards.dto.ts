import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NameText, Nested, Nullable, Optional, Trim } from '../../common/validation/decorators.js';
import type { DecidedAwardKey, RecipientType } from '../../domain/awards/index.js';

export const DECIDED_AWARD_KEYS = ['mvp', 'all_tournament_team', 'sportsmanship', 'best_organising_unit'] as const;
export const RECIPIENT_TYPES = ['player', 'team', 'unit'] as const;
const BASES = ['total', 'per_game'] as const;
const MVP_BASES = ['eff_per_game', 'pts_per_game', 'eff_total'] as const;

// ---- Organisers' decisions ----

export class AwardRecipientDto {
  @ApiProperty({
    enum: RECIPIENT_TYPES,
    example: 'unit',
    description: '优秀组织奖 goes to a unit, 精神风尚奖 to a team, the others to players',
  })
  @IsIn(RECIPIENT_TYPES)
  type: RecipientType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class DecideAwardDto {
  @ApiProperty({
    type: [AwardRecipientDto],
    example: [{ type: 'unit', id: '7d3f3c52-5a43-4a57-9b0e-2d1f6a7c9e10' }],
    description:
      'MVP: 1 player; all_tournament_team: 5 distinct players; sportsmanship: teams; best_organising_unit: units',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => AwardRecipientDto)
  recipients: AwardRecipientDto[];

  @ApiPropertyOptional({
    example: '赛事组织周密、保障有力，动员辖区非公企业职工踊跃参赛。',
    maxLength: 500,
    description: 'Read out or printed with the award',
  })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(500)
  citation?: string;

  @ApiPropertyOptional({
    example: '精神风尚团队奖',
    maxLength: 40,
    description: 'The award’s local name, when it differs',
  })
  @Optional()
  @NameText(40)
  labelZh?: string;

  @ApiPropertyOptional({ example: 'Sportsmanship team award', maxLength: 80 })
  @Optional()
  @NameText(80)
  labelEn?: string;
}

export class AwardKeyParamDto {
  @IsIn(DECIDED_AWARD_KEYS)
  key: DecidedAwardKey;
}

export class TeamOfRecipientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '南浔彩蝶队' }) name: string;
}

export class RecipientDto {
  @ApiProperty({ enum: RECIPIENT_TYPES }) type: RecipientType;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '南太湖新区总工会' }) name: string;
  @ApiPropertyOptional({ example: 23, nullable: true, type: 'integer', description: 'Players' }) jerseyNumber?:
    number | null;
  @ApiPropertyOptional({
    type: TeamOfRecipientDto,
    example: { id: '0b5c7d2e-1f3a-4c5b-9d6e-7f8091a2b3c4', name: '南浔彩蝶队' },
    description: 'Players: their team',
    nullable: true,
  })
  team?: { id: string; name: string } | null;
}

export class AwardDecisionDto {
  @ApiProperty({ enum: DECIDED_AWARD_KEYS, example: 'best_organising_unit' }) key: DecidedAwardKey;
  @ApiProperty({ example: '优秀组织奖' }) labelZh: string;
  @ApiProperty({ example: 'Best organising unit' }) labelEn: string;
  @ApiProperty({ type: [RecipientDto] }) recipients: RecipientDto[];
  @ApiProperty({ example: '赛事组织周密、保障有力。', nullable: true, type: String }) citation: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ example: '2024-05-19T12:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
}

export class AwardDecisionsDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ type: [AwardDecisionDto] }) decisions: AwardDecisionDto[];
}

// ---- The published list ----

export class AwardsQueryDto {
  @ApiPropertyOptional({
    enum: ['zh', 'en'],
    default: 'zh',
    description: '`label` in Chinese (default) or English; both are always given too',
  })
  @Optional()
  @IsIn(['zh', 'en'])
  lang: 'zh' | 'en' = 'zh';
}

export class PublishedAwardDto {
  @ApiProperty({
    example: 'top_scorer',
    description:
      'place_1, place_2…, mvp, top_scorer, assists_leader, rebounds_leader, all_tournament_team, sportsmanship, best_organising_unit',
  })
  key: string;
  @ApiProperty({ enum: ['team_place', 'computed', 'decided'] }) kind: string;
  @ApiProperty({ example: '得分王', description: 'In the language asked for' }) label: string;
  @ApiProperty({ example: '得分王' }) labelZh: string;
  @ApiProperty({ example: 'Top scorer' }) labelEn: string;
  @ApiProperty({
    type: [RecipientDto],
    description: 'Several: co-winners (a shared place, players level on the value)',
  })
  recipients: RecipientDto[];
  @ApiProperty({
    example: 21.5,
    nullable: true,
    type: Number,
    description: 'Place number, the leading statistic, or the MVP score',
  })
  value: number | null;
  @ApiProperty({
    example: '21.5',
    nullable: true,
    type: String,
    description: 'Computed awards: the value as shown (per game: one decimal)',
  })
  display: string | null;
  @ApiProperty({
    example: 'per_game',
    nullable: true,
    enum: [...BASES, null],
    description: 'Computed awards: ranked on totals or per game',
  })
  basis: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) citation: string | null;
}

export class AwardsDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ enum: ['zh', 'en'] }) lang: 'zh' | 'en';
  @ApiProperty({ description: 'The competition’s final places are known (team places listed)' }) placesFinal: boolean;
  @ApiProperty({
    type: [PublishedAwardDto],
    description: 'Team places, MVP, 得分王, 助攻王, 篮板王, 最佳阵容, 精神风尚奖, 优秀组织奖 — those with recipients',
  })
  awards: PublishedAwardDto[];
}

export class CandidatesQueryDto {
  @ApiPropertyOptional({ default: 10, description: 'Candidates listed (ties at the cut kept)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;
}

export class MvpCandidateDto {
  @ApiProperty({ type: 'integer', example: 1 }) rank: number;
  @ApiProperty() tied: boolean;
  @ApiProperty({ type: RecipientDto }) player: RecipientDto;
  @ApiProperty({ example: 1, nullable: true, type: 'integer' }) teamPlace: number | null;
  @ApiProperty({ type: 'integer', example: 4 }) games: number;
  @ApiProperty({ example: 21.25, description: 'EFF per game (or the configured basis), unweighted' }) base: number;
  @ApiProperty({ example: 1.5 }) teamFactor: number;
  @ApiProperty({ example: 31.875 }) score: number;
}

export class MvpCandidatesDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({
    example: 'score = EFF per game × (1 + 0.5 × (N − place) / (N − 1)); champion ×1.5, last ×1',
    description: 'The formula in use (src/domain/awards/mvp-candidates.ts); the organisers decide the MVP',
  })
  formula: string;
  @ApiProperty({ description: 'Team places are final; before that every team factor is 1' }) placesFinal: boolean;
  @ApiProperty({ type: [MvpCandidateDto] }) candidates: MvpCandidateDto[];
}

// ---- Settings ----

export class MinAttemptsDto {
  @ApiPropertyOptional({ example: 10 }) @Optional() @IsInt() @Min(1) @Max(10000) free_throw_pct?: number;
  @ApiPropertyOptional({ example: 20 }) @Optional() @IsInt() @Min(1) @Max(10000) field_goal_pct?: number;
  @ApiPropertyOptional({ example: 10 }) @Optional() @IsInt() @Min(1) @Max(10000) three_point_pct?: number;
}

export class LeaderSettingsDto {
  @ApiPropertyOptional({ enum: BASES, example: 'per_game' }) @Optional() @IsIn(BASES) basis?: 'total' | 'per_game';
  @ApiPropertyOptional({ example: 1 }) @Optional() @IsInt() @Min(0) @Max(500) minGames?: number;
  @ApiPropertyOptional({ type: MinAttemptsDto })
  @Optional()
  @Nested(() => MinAttemptsDto)
  minAttempts?: MinAttemptsDto;
}

export class ComputedAwardSettingsDto {
  @ApiPropertyOptional({
    enum: BASES,
    example: 'total',
    description: '得分王/助攻王/篮板王 on totals (common in workers’ tournaments) or per game (FIBA)',
  })
  @Optional()
  @IsIn(BASES)
  basis?: 'total' | 'per_game';
  @ApiPropertyOptional({ example: 2 }) @Optional() @IsInt() @Min(0) @Max(500) minGames?: number;
  @ApiPropertyOptional({
    type: [String],
    example: null,
    nullable: true,
    description: 'Stages whose games count for these awards; null: all',
  })
  @Nullable()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9]{1,4}$/, { each: true, message: 'each must be a stage id of 1-4 letters or digits' })
  stageIds?: string[] | null;
}

export class TeamSuccessDto {
  @ApiProperty({ enum: ['linear', 'per_place'], example: 'linear' })
  @IsIn(['linear', 'per_place'])
  kind: 'linear' | 'per_place';

  @ApiPropertyOptional({ example: 0.5, description: 'linear: the champion’s bonus (1 + weight)' })
  @ValidateIf((o: TeamSuccessDto) => o.kind === 'linear')
  @IsNumber()
  @Min(0)
  @Max(10)
  weight?: number;

  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    example: [1.3, 1.2, 1.1, 1],
    description: 'per_place: factor by place, non-increasing',
  })
  @ValidateIf((o: TeamSuccessDto) => o.kind === 'per_place')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @IsNumber({}, { each: true })
  factors?: number[];
}

export class MvpSettingsDto {
  @ApiPropertyOptional({ enum: MVP_BASES, example: 'eff_per_game' })
  @Optional()
  @IsIn(MVP_BASES)
  basis?: (typeof MVP_BASES)[number];
  @ApiPropertyOptional({ type: TeamSuccessDto })
  @Optional()
  @Nested(() => TeamSuccessDto)
  teamSuccess?: TeamSuccessDto;
  @ApiPropertyOptional({ example: 2 }) @Optional() @IsInt() @Min(0) @Max(500) minGames?: number;
  @ApiPropertyOptional({ example: false, description: 'Without the organisers’ MVP, publish the top candidate' })
  @Optional()
  @IsBoolean()
  publishTopCandidateWhenUndecided?: boolean;
}

export class UpdateStatsSettingsDto {
  @ApiPropertyOptional({ type: LeaderSettingsDto, description: 'The leaders pages' })
  @Optional()
  @Nested(() => LeaderSettingsDto)
  leaders?: LeaderSettingsDto;

  @ApiPropertyOptional({ type: ComputedAwardSettingsDto, description: '得分王, 助攻王, 篮板王' })
  @Optional()
  @Nested(() => ComputedAwardSettingsDto)
  awards?: ComputedAwardSettingsDto;

  @ApiPropertyOptional({ type: MvpSettingsDto, description: 'The MVP candidate formula' })
  @Optional()
  @Nested(() => MvpSettingsDto)
  mvp?: MvpSettingsDto;
}

export class StatsSettingsDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({
    type: LeaderSettingsDto,
    example: {
      basis: 'per_game',
      minGames: 1,
      minAttempts: { free_throw_pct: 10, field_goal_pct: 20, three_point_pct: 10 },
    },
  })
  leaders: object;
  @ApiProperty({ type: ComputedAwardSettingsDto, example: { basis: 'per_game', minGames: 2, stageIds: null } })
  awards: object;
  @ApiProperty({
    type: MvpSettingsDto,
    example: {
      basis: 'eff_per_game',
      teamSuccess: { kind: 'linear', weight: 0.5 },
      minGames: 2,
      publishTopCandidateWhenUndecided: false,
    },
  })
  mvp: object;
  @ApiProperty({ type: 'integer', example: 0, description: '0: the defaults, never changed' }) version: number;
}

// ---- Sportsmanship indicators ----

export class SportsmanshipQueryDto {
  @ApiPropertyOptional({ enum: BASES, default: 'total', description: 'Order on penalty points, or per game played' })
  @Optional()
  @IsIn(BASES)
  basis: 'total' | 'per_game' = 'total';
}

export class SportsmanshipRowDto {
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Suggested place, fewest penalty points first; equal values share it',
  })
  rank: number;
  @ApiProperty() tied: boolean;
  @ApiProperty({ type: RecipientDto }) team: RecipientDto;
  @ApiProperty({ type: 'integer', example: 4 }) gamesPlayed: number;
  @ApiProperty({ type: 'integer', example: 1 }) technical: number;
  @ApiProperty({ type: 'integer', example: 0 }) unsportsmanlike: number;
  @ApiProperty({ type: 'integer', example: 0 }) disqualifying: number;
  @ApiProperty({ type: 'integer', example: 0 }) forfeits: number;
  @ApiProperty({ example: 1, description: 'technical 1, unsportsmanlike 2, disqualifying 4, forfeit 10' })
  penaltyPoints: number;
  @ApiProperty({ example: 0.25, nullable: true, type: Number }) penaltyPerGame: number | null;
}

export class SportsmanshipDto {
  @ApiProperty({ format: 'uuid' }) tournamentId: string;
  @ApiProperty({ enum: BASES }) basis: 'total' | 'per_game';
  @ApiProperty({
    type: [SportsmanshipRowDto],
    description: 'What informs 精神风尚奖 (the organisers decide it): misconduct fouls and forfeits in decided games',
  })
  teams: SportsmanshipRowDto[];
}
