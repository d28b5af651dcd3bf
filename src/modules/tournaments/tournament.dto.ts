import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page.js';
import { CalendarDate, NameText, Nested, Nullable, Optional } from '../../common/validation/decorators.js';
import type { RosterLock, TournamentStatus } from '../../domain/registration/roster.js';
import { FIBA_RULES, type TournamentRules } from '../../domain/registration/tournament-rules.js';
import { TOURNAMENT_LANGUAGES, type TournamentLanguage } from './tournament.entity.js';

const STATUSES: TournamentStatus[] = ['registration', 'in_progress', 'completed'];

/** At most this many 承办 or 协办 units: a programme cover lists a handful. */
export const MAX_ORGANISING_UNITS = 20;

/** Unit ids in the order the programme lists them: each a uuid, none twice, each an existing unit (checked by the service). */
const UnitIds = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description,
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      maxItems: MAX_ORGANISING_UNITS,
      uniqueItems: true,
    }),
    Optional(),
    IsArray({ message: 'must be an array of unit ids' }),
    ArrayMaxSize(MAX_ORGANISING_UNITS, { message: `must list at most ${MAX_ORGANISING_UNITS} units` }),
    IsUUID('all', { each: true, message: 'each element must be a unit id (uuid)' }),
    ArrayUnique({ message: 'must not list the same unit twice' }),
  );

export class TimeoutRulesDto {
  @ApiPropertyOptional({ example: 2 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(5)
  firstHalf?: number;

  @ApiPropertyOptional({ example: 3 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(5)
  secondHalf?: number;

  @ApiPropertyOptional({ example: 2, description: 'At most this many in the last 2 minutes of the last period' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(5)
  lastTwoMinutesMax?: number;

  @ApiPropertyOptional({ example: 1 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(3)
  perOvertime?: number;
}

/** Rules settings; anything left out keeps the FIBA default (or the tournament's current value). */
export class RulesDto {
  @ApiPropertyOptional({ example: FIBA_RULES.periods })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(8)
  periods?: number;

  @ApiPropertyOptional({ example: FIBA_RULES.periodMinutes })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(30)
  periodMinutes?: number;

  @ApiPropertyOptional({ example: FIBA_RULES.overtimeMinutes })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10)
  overtimeMinutes?: number;

  @ApiPropertyOptional({ example: FIBA_RULES.rosterMin })
  @Optional()
  @IsInt()
  @Min(5)
  @Max(30)
  rosterMin?: number;

  @ApiPropertyOptional({ example: FIBA_RULES.rosterMax })
  @Optional()
  @IsInt()
  @Min(5)
  @Max(30)
  rosterMax?: number;

  @ApiPropertyOptional({
    example: '2024-05-10T18:00:00+08:00',
    nullable: true,
    type: String,
    description: 'Roster changes after this need an organiser override; null = lock when the tournament starts',
  })
  @Nullable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2024-05-10T18:00:00+08:00' })
  rosterLocksAt?: string | null;

  @ApiPropertyOptional({ example: FIBA_RULES.foulOutLimit })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10)
  foulOutLimit?: number;

  @ApiPropertyOptional({ example: FIBA_RULES.teamFoulPenaltyFrom })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(15)
  teamFoulPenaltyFrom?: number;

  @ApiPropertyOptional({ type: TimeoutRulesDto })
  @Optional()
  @Nested(() => TimeoutRulesDto)
  timeouts?: TimeoutRulesDto;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    description: 'IANA time zone of the venue: schedule times are its wall clock (calendar feeds say so)',
  })
  @Optional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: FIBA_RULES.forfeitScore })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  forfeitScore?: number;

  @ApiPropertyOptional({ example: false })
  @Optional()
  @IsBoolean()
  autoConfirmResults?: boolean;
}

export class CreateTournamentDto {
  @ApiProperty({ example: '湖州市首届非公企业职工篮球赛（工BA）', maxLength: 100 })
  @NameText(100)
  name: string;

  @ApiProperty({ example: '2024', maxLength: 20 })
  @NameText(20)
  season: string;

  @ApiPropertyOptional({ example: '湖州市工人文化宫', maxLength: 200, nullable: true, type: String })
  @Nullable()
  @NameText(200)
  venue?: string | null;

  @ApiProperty({ example: '2024-05-11', format: 'date' })
  @CalendarDate('2024-05-11')
  startsOn: string;

  @ApiProperty({ example: '2024-05-19', format: 'date' })
  @CalendarDate('2024-05-19')
  endsOn: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The hosting unit, e.g. 湖州市总工会',
  })
  @Nullable()
  @IsUUID()
  hostUnitId?: string | null;

  @UnitIds(
    '承办单位: the organiser units, in the order the programme lists them (left out: none on create, unchanged on update; [] clears)',
  )
  organiserUnitIds?: string[];

  @UnitIds(
    '协办单位: the co-organiser units, in the order the programme lists them (left out: none on create, unchanged on update; [] clears)',
  )
  coOrganiserUnitIds?: string[];

  @ApiPropertyOptional({ type: RulesDto, description: 'FIBA defaults for anything left out' })
  @Optional()
  @Nested(() => RulesDto)
  rules?: RulesDto;

  @ApiPropertyOptional({
    enum: TOURNAMENT_LANGUAGES,
    default: 'zh',
    description: 'The language of the names the server makes up (a preset’s stages and groups: 小组赛, A组…)',
  })
  @Optional()
  @IsIn(TOURNAMENT_LANGUAGES)
  language?: TournamentLanguage;
}

export class UpdateTournamentDto extends PartialType(CreateTournamentDto, { skipNullProperties: false }) {}

export class TournamentQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @Optional()
  @IsIn(STATUSES)
  status?: TournamentStatus;

  @ApiPropertyOptional({ example: '2024' })
  @Optional()
  @NameText(20)
  season?: string;
}

export class TimeoutRulesView {
  @ApiProperty({ type: 'integer' }) firstHalf: number;
  @ApiProperty({ type: 'integer' }) secondHalf: number;
  @ApiProperty({ type: 'integer' }) lastTwoMinutesMax: number;
  @ApiProperty({ type: 'integer' }) perOvertime: number;
}

export class RulesView implements TournamentRules {
  @ApiProperty({ type: 'integer', example: 4 }) periods: number;
  @ApiProperty({ type: 'integer', example: 10 }) periodMinutes: number;
  @ApiProperty({ type: 'integer', example: 5 }) overtimeMinutes: number;
  @ApiProperty({ type: 'integer', example: 5 }) rosterMin: number;
  @ApiProperty({ type: 'integer', example: 12 }) rosterMax: number;
  @ApiProperty({ nullable: true, type: String }) rosterLocksAt: string | null;
  @ApiProperty({ type: 'integer', example: 5 }) foulOutLimit: number;
  @ApiProperty({ type: 'integer', example: 5 }) teamFoulPenaltyFrom: number;
  @ApiProperty({ type: TimeoutRulesView }) timeouts: TimeoutRulesView;
  @ApiProperty({ type: 'integer', example: 20 }) forfeitScore: number;
  @ApiProperty({ example: false }) autoConfirmResults: boolean;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
}

export class RosterLockView implements RosterLock {
  @ApiProperty() locked: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class TournamentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '湖州市首届非公企业职工篮球赛（工BA）' }) name: string;
  @ApiProperty({ example: '2024' }) season: string;
  @ApiProperty({ nullable: true, type: String }) venue: string | null;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) hostUnitId: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: '承办单位' })
  organiserUnitIds: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: '协办单位' })
  coOrganiserUnitIds: string[];
  @ApiProperty({ type: RulesView }) rules: TournamentRules;
  @ApiProperty({ enum: TOURNAMENT_LANGUAGES, example: 'zh' }) language: TournamentLanguage;
  @ApiProperty({ enum: STATUSES }) status: TournamentStatus;
  @ApiProperty({ type: RosterLockView }) rosterLock: RosterLock;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
