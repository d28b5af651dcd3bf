import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, NameText, Nested, Optional, WallClockTime } from '../../common/validation/decorators.js';

/** Stage and group ids are short: they become part of game ids ('S1-A-R1-G1', at most 20 characters). */
const SHORT_ID = /^[A-Za-z0-9]{1,4}$/;
const SHORT_ID_MESSAGE = 'must be 1-4 letters or digits';
/** A game of the structure: 'SF1', 'S1-A-R1-G1'. */
export const GAME_KEY = /^[A-Za-z0-9_-]{1,20}$/;
const MAX_TEAMS = 1024;

const ShortId = (example: string, description?: string) => (target: object, key: string | symbol) => {
  ApiProperty({ example, pattern: SHORT_ID.source, description })(target, key);
  Matches(SHORT_ID, { message: SHORT_ID_MESSAGE })(target, key);
};

// ---- Slots: where a stage's entrant comes from ----

export const SLOT_KINDS = ['team', 'group_place', 'best_placed'] as const;

export class TeamSlotDto {
  @ApiProperty({ enum: ['team'] }) @IsIn(['team']) kind: 'team';
  @ApiProperty({ format: 'uuid', description: 'A team of this tournament' }) @IsUUID() teamId: string;
}

export class GroupPlaceSlotDto {
  @ApiProperty({ enum: ['group_place'] }) @IsIn(['group_place']) kind: 'group_place';
  @ShortId('A', 'A group of an earlier stage') groupId: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(MAX_TEAMS) place: number;
}

export class BestPlacedSlotDto {
  @ApiProperty({ enum: ['best_placed'] }) @IsIn(['best_placed']) kind: 'best_placed';
  @ShortId('S1', 'An earlier group stage') stageId: string;
  @ApiProperty({ example: 2, description: 'The group place compared across groups (2: runners-up)' })
  @IsInt()
  @Min(1)
  @Max(MAX_TEAMS)
  place: number;
  @ApiProperty({ example: 1, description: '1: the best of them' })
  @IsInt()
  @Min(1)
  @Max(MAX_TEAMS)
  rank: number;
}

/** What an unknown `kind` is read as, so the answer names `kind`. */
export class UnknownSlotDto {
  @ApiProperty({ enum: SLOT_KINDS })
  @IsIn(SLOT_KINDS as unknown as string[], { message: `must be one of: ${SLOT_KINDS.join(', ')}` })
  kind: string;
}

const SLOT_DTOS = [TeamSlotDto, GroupPlaceSlotDto, BestPlacedSlotDto];
const slotSubTypes = SLOT_DTOS.map((value, i) => ({ value, name: SLOT_KINDS[i]! }));
type SlotInput = TeamSlotDto | GroupPlaceSlotDto | BestPlacedSlotDto;

const Slots = (description: string) => (target: object, key: string | symbol) => {
  ApiProperty({ description, type: 'array', items: { oneOf: SLOT_DTOS.map((d) => ({ $ref: getSchemaPath(d) })) } })(
    target,
    key,
  );
  IsArray()(target, key);
  ArrayMaxSize(MAX_TEAMS)(target, key);
  IsObject({ each: true, message: 'each element must be an object' })(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => UnknownSlotDto, {
    discriminator: { property: 'kind', subTypes: slotSubTypes },
    keepDiscriminatorProperty: true,
  })(target, key);
};

// ---- Explicit stages ----

export const CARRY_OVER = ['none', 'among_group', 'all'] as const;

export class GroupConfigDto {
  @ShortId('A') id: string;

  @ApiPropertyOptional({ example: 'A组', maxLength: 40 })
  @Optional()
  @NameText(40)
  name?: string;

  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(2)
  @Max(64)
  size: number;

  @Optional()
  @Slots('Leave out to fill the group with the group draw; otherwise exactly `size` entrants')
  entrants?: SlotInput[];
}

export class GroupStageConfigDto {
  @ApiProperty({ enum: ['group'] }) @IsIn(['group']) kind: 'group';
  @ShortId('S1') id: string;

  @ApiPropertyOptional({ example: '小组赛', maxLength: 40 })
  @Optional()
  @NameText(40)
  name?: string;

  @ApiProperty({ enum: ['single', 'double'], example: 'single' })
  @IsIn(['single', 'double'])
  roundRobin: 'single' | 'double';

  @ApiPropertyOptional({
    enum: CARRY_OVER,
    default: 'none',
    example: 'among_group',
    description:
      'A later group stage (single round robin) can count games of earlier group stages: among_group — the games between two of its teams (they do not meet again); all — every earlier group game of its teams, opponents outside the group included (FIBA World Cup 2019)',
  })
  @Optional()
  @IsIn(CARRY_OVER)
  carryOver?: (typeof CARRY_OVER)[number];

  @ApiProperty({ type: [GroupConfigDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(256)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => GroupConfigDto)
  groups: GroupConfigDto[];
}

export class KnockoutOptionsDto {
  @ApiPropertyOptional({ enum: ['single_elimination', 'double_elimination'], default: 'single_elimination' })
  @Optional()
  @IsIn(['single_elimination', 'double_elimination'])
  format?: 'single_elimination' | 'double_elimination';

  @ApiPropertyOptional({ example: true, description: 'Play a 3rd-place game' })
  @Optional()
  @IsBoolean()
  thirdPlaceGame?: boolean;

  @ApiPropertyOptional({ example: 8, description: 'Classification games for every place down to this one (0: none)' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_TEAMS)
  classifyPlacesDownTo?: number;

  @ApiPropertyOptional({ description: 'Classification games for every place' })
  @Optional()
  @IsBoolean()
  fullClassification?: boolean;

  @ApiPropertyOptional({
    description: 'Double elimination: a second grand final when the losers’ bracket winner wins the first',
  })
  @Optional()
  @IsBoolean()
  grandFinalReset?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Keep two teams of one group apart in the first knockout round where possible',
  })
  @Optional()
  @IsBoolean()
  avoidGroupRematch?: boolean;
}

export class KnockoutStageConfigDto extends KnockoutOptionsDto {
  @ApiProperty({ enum: ['knockout'] }) @IsIn(['knockout']) kind: 'knockout';
  @ShortId('KO') id: string;

  @ApiPropertyOptional({ example: '淘汰赛', maxLength: 40 })
  @Optional()
  @NameText(40)
  name?: string;

  @Slots('Entrants in seed order (seed 1 first)')
  entrants: SlotInput[];

  @ApiPropertyOptional({
    example: 8,
    description: 'Added to every place this stage decides (a 9th-16th bracket has 8)',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_TEAMS)
  placeOffset?: number;

  @ApiPropertyOptional({
    example: 'C',
    pattern: '^[A-Za-z0-9]{1,3}$',
    description: 'Prefix of this stage’s game ids, needed when there are two knockout stages',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9]{1,3}$/, { message: 'must be 1-3 letters or digits' })
  gameIdPrefix?: string;
}

export class UnknownStageDto {
  @ApiProperty({ enum: ['group', 'knockout'] })
  @IsIn(['group', 'knockout'], { message: 'must be one of: group, knockout' })
  kind: string;
}

// ---- Templates ----

export class BestPlacedOptionDto {
  @ApiProperty({ example: 2, description: 'Group place compared across groups (2: runners-up)' })
  @IsInt()
  @Min(2)
  @Max(64)
  place: number;

  @ApiProperty({ example: 1, description: 'How many of them go through' })
  @IsInt()
  @Min(1)
  @Max(256)
  count: number;
}

export class FormatTemplateDto {
  @ApiPropertyOptional({ example: 10, description: 'Defaults to the number of teams entered now' })
  @Optional()
  @IsInt()
  @Min(2)
  @Max(MAX_TEAMS)
  teamCount?: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(256)
  groupCount: number;

  @ApiProperty({ example: 1, description: 'Teams going through from every group (0: the groups decide everything)' })
  @IsInt()
  @Min(0)
  @Max(64)
  advancePerGroup: number;

  @ApiPropertyOptional({
    type: BestPlacedOptionDto,
    description: 'Extra entrants: the best teams placed `place` across the groups',
  })
  @Optional()
  @Nested(() => BestPlacedOptionDto)
  bestPlaced?: BestPlacedOptionDto;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 2,
    maximum: 64,
    example: [4, 3, 3],
    description: 'Defaults to sizes as even as possible, larger groups first',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(256)
  @IsInt({ each: true })
  @Min(2, { each: true })
  @Max(64, { each: true })
  groupSizes?: number[];

  @ApiPropertyOptional({ enum: ['single', 'double'], default: 'single' })
  @Optional()
  @IsIn(['single', 'double'])
  roundRobin?: 'single' | 'double';

  @ApiPropertyOptional({ type: KnockoutOptionsDto, example: { thirdPlaceGame: true } })
  @Optional()
  @Nested(() => KnockoutOptionsDto)
  knockout?: KnockoutOptionsDto;
}

export const HUZHOU_FORMATS = ['three_groups_best_runner_up', 'four_groups_quarter_finals'] as const;
const STAGE_DTOS = [GroupStageConfigDto, KnockoutStageConfigDto];

/** PUT /tournaments/{id}/competition: exactly one of huzhou2024, template, stages. */
@ApiExtraModels(...SLOT_DTOS, ...STAGE_DTOS)
export class SetupCompetitionDto {
  @ApiPropertyOptional({
    enum: HUZHOU_FORMATS,
    example: 'three_groups_best_runner_up',
    description:
      'Huzhou 2024 (10 teams, 16 games): groups of 4/3/3, winners and the best runner-up into semi-finals; or 3/3/2/2 with quarter-finals. Both with a final and a 3rd-place game.',
  })
  @Optional()
  @IsIn(HUZHOU_FORMATS)
  huzhou2024?: (typeof HUZHOU_FORMATS)[number];

  @ApiPropertyOptional({
    type: FormatTemplateDto,
    description: 'Groups then a knockout fed by crossovers, e.g. 10 teams, 3 groups, semi-finals',
    example: {
      teamCount: 10,
      groupCount: 3,
      advancePerGroup: 1,
      bestPlaced: { place: 2, count: 1 },
      knockout: { thirdPlaceGame: true },
    },
  })
  @Optional()
  @Nested(() => FormatTemplateDto)
  template?: FormatTemplateDto;

  @ApiPropertyOptional({
    description: 'Explicit stages, in order',
    type: 'array',
    items: { oneOf: STAGE_DTOS.map((d) => ({ $ref: getSchemaPath(d) })) },
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(16)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => UnknownStageDto, {
    discriminator: {
      property: 'kind',
      subTypes: [
        { value: GroupStageConfigDto, name: 'group' },
        { value: KnockoutStageConfigDto, name: 'knockout' },
      ],
    },
    keepDiscriminatorProperty: true,
  })
  stages?: Array<GroupStageConfigDto | KnockoutStageConfigDto>;
}

// ---- Group draw ----

export const DRAW_METHODS = ['hand', 'random', 'serpentine', 'pots'] as const;

export class DrawnGroupDto {
  @ShortId('A') groupId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The group’s teams in draw order' })
  @IsArray()
  @ArrayMaxSize(64)
  @IsUUID('all', { each: true })
  teamIds: string[];
}

export class DrawGroupsDto {
  @ApiProperty({
    enum: DRAW_METHODS,
    example: 'random',
    description: 'hand: `groups`; random: optional `seed`; serpentine and pots: `ranking` (pots also a `seed`)',
  })
  @IsIn(DRAW_METHODS)
  method: (typeof DRAW_METHODS)[number];

  @ApiPropertyOptional({
    example: 'S1',
    description: 'The group stage to draw (default: the first one with groups to fill)',
  })
  @Optional()
  @Matches(SHORT_ID, { message: SHORT_ID_MESSAGE })
  stageId?: string;

  @ApiPropertyOptional({ type: [DrawnGroupDto], description: 'method=hand: every group with its teams' })
  @ValidateIf((o: DrawGroupsDto) => o.method === 'hand' || o.groups !== undefined)
  @IsArray()
  @ArrayMaxSize(256)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => DrawnGroupDto)
  groups?: DrawnGroupDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'method=serpentine or pots: every team, best first',
  })
  @ValidateIf((o: DrawGroupsDto) => o.method === 'serpentine' || o.method === 'pots' || o.ranking !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS)
  @IsUUID('all', { each: true })
  ranking?: string[];

  @ApiPropertyOptional({
    example: 20240501,
    description: 'random and pots: the seed (made and recorded when left out)',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;

  @ApiPropertyOptional({ default: false, description: 'Never put two teams of the same unit in one group' })
  @Optional()
  @IsBoolean()
  keepUnitsApart?: boolean;
}

// ---- Drawing of lots, overrides ----

export const LOT_SCOPES = ['group', 'cross_group', 'final_ranking'] as const;

export class RecordLotsDto {
  @ApiProperty({
    enum: LOT_SCOPES,
    example: 'group',
    description:
      'group: teams level in a finished group; cross_group: teams level across groups for one place; final_ranking: teams level for final places',
  })
  @IsIn(LOT_SCOPES)
  scope: (typeof LOT_SCOPES)[number];

  @ApiPropertyOptional({ example: 'A', description: 'scope=group' })
  @ValidateIf((o: RecordLotsDto) => o.scope === 'group' || o.groupId !== undefined)
  @Matches(SHORT_ID, { message: SHORT_ID_MESSAGE })
  groupId?: string;

  @ApiPropertyOptional({ example: 'S1', description: 'scope=cross_group' })
  @ValidateIf((o: RecordLotsDto) => o.scope === 'cross_group' || o.stageId !== undefined)
  @Matches(SHORT_ID, { message: SHORT_ID_MESSAGE })
  stageId?: string;

  @ApiPropertyOptional({ example: 2, description: 'scope=cross_group: the group place compared' })
  @ValidateIf((o: RecordLotsDto) => o.scope === 'cross_group' || o.place !== undefined)
  @IsInt()
  @Min(1)
  @Max(64)
  place?: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The teams as the lots placed them, best first' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_TEAMS)
  @IsUUID('all', { each: true })
  order: string[];
}

export class RecordOverrideDto {
  @ApiProperty({
    example: 'SF1',
    description: 'The structure game whose corrected result may change games that already started',
  })
  @Matches(GAME_KEY, { message: 'must be a game id of the structure such as SF1' })
  gameId: string;

  @ApiProperty({ example: '技术台记分错误，经仲裁确认更正比分', maxLength: 200 })
  @NameText(200)
  reason: string;
}

// ---- Courts and schedule ----

const LocalTime = (example: string, description?: string) => (target: object, key: string | symbol) => {
  ApiProperty({ example, description: description ?? 'Venue wall clock, YYYY-MM-DDTHH:mm' })(target, key);
  WallClockTime(example)(target, key);
};
const COURT_CODE = /^[A-Za-z0-9_-]{1,20}$/;

export class CourtWindowDto {
  @LocalTime('2024-05-01T08:30') start: string;
  @LocalTime('2024-05-01T21:30') end: string;
}

export class CourtDto {
  @ApiProperty({ example: 'main', pattern: COURT_CODE.source, description: 'Short id used by schedules and moves' })
  @Matches(COURT_CODE, { message: 'must be 1-20 letters, digits, dash or underscore' })
  id: string;

  @ApiProperty({
    example: '主场',
    maxLength: 40,
    description: 'As people read it; games and scorekeeper assignments use this name',
  })
  @NameText(40)
  name: string;

  @ApiProperty({ type: [CourtWindowDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CourtWindowDto)
  windows: CourtWindowDto[];
}

export class SetCourtsDto {
  @ApiProperty({
    type: [CourtDto],
    example: [
      { id: 'main', name: '主场', windows: [{ start: '2024-05-01T08:30', end: '2024-05-01T21:30' }] },
      { id: 'side', name: '副场', windows: [{ start: '2024-05-01T08:30', end: '2024-05-01T18:00' }] },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CourtDto)
  courts: CourtDto[];
}

export class FixedSlotDto {
  @ApiProperty({ example: 'main' }) @Matches(COURT_CODE, { message: 'must be a court id' }) courtId: string;
  @LocalTime('2024-05-02T19:30') start: string;
}

export class GameScheduleOptionDto {
  @ApiProperty({ example: 'F' })
  @Matches(GAME_KEY, { message: 'must be a game id of the structure such as F' })
  gameId: string;

  @ApiPropertyOptional({
    type: FixedSlotDto,
    description: 'Keep this game exactly here (the final at 19:30 on the main court)',
  })
  @Optional()
  @Nested(() => FixedSlotDto)
  fixed?: FixedSlotDto;

  @ApiPropertyOptional({
    type: [String],
    example: ['main'],
    description: 'Courts to use when free the same day, most preferred first',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(COURT_CODE, { each: true, message: 'must be a court id' })
  preferredCourtIds?: string[];

  @ApiPropertyOptional({ example: 120, description: 'Slot length of this game in minutes' })
  @Optional()
  @IsInt()
  @Min(10)
  @Max(600)
  durationMinutes?: number;
}

export class StageDaysDto {
  @ShortId('KO', 'A stage of the competition') stageId: string;

  @ApiProperty({ example: '2024-05-02', format: 'date', description: 'First day of the stage' })
  @CalendarDate('2024-05-02')
  first: string;

  @ApiProperty({ example: '2024-05-02', format: 'date', description: 'Last day of the stage (inclusive)' })
  @CalendarDate('2024-05-02')
  last: string;
}

export class GenerateScheduleDto {
  @ApiProperty({ example: 90, description: 'Slot of one game including warm-up, minutes' })
  @IsInt()
  @Min(10)
  @Max(600)
  slotMinutes: number;

  @ApiProperty({ example: 60, description: 'Minimum minutes between a team’s games' })
  @IsInt()
  @Min(0)
  @Max(1440)
  minRestMinutes: number;

  @ApiPropertyOptional({
    example: 0,
    default: 0,
    description: 'Extra minutes after a game before a game depending on it',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1440)
  dependencyBufferMinutes?: number;

  @ApiPropertyOptional({ example: 5, default: 5, description: 'Starts fall on multiples of this many minutes' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(60)
  startStepMinutes?: number;

  @ApiPropertyOptional({
    type: [GameScheduleOptionDto],
    example: [{ gameId: 'F', fixed: { courtId: 'main', start: '2024-05-02T19:30' } }],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(4096)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => GameScheduleOptionDto)
  games?: GameScheduleOptionDto[];

  @ApiPropertyOptional({
    type: [StageDaysDto],
    example: [
      { stageId: 'S1', first: '2024-05-01', last: '2024-05-01' },
      { stageId: 'KO', first: '2024-05-02', last: '2024-05-02' },
    ],
    description: 'Days each stage is played on; a stage left out may use any day',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(16)
  @IsObject({ each: true, message: 'each element must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StageDaysDto)
  stageDays?: StageDaysDto[];

  @ApiPropertyOptional({
    default: true,
    description:
      'A stage starts on a later day than the stage it waits for (the knockout after the group-stage days). Dropped, and `quality.stagesOnNewDays` false, when the days cannot hold it',
  })
  @Optional()
  @IsBoolean()
  newDayForNewStage?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Games moved by hand keep their slot (false: place them again like the rest)',
  })
  @Optional()
  @IsBoolean()
  keepMovedGames?: boolean;
}

export class MoveGameDto {
  @ApiProperty({ example: 'S1-A-R2-G1', description: 'The structure game to move' })
  @Matches(GAME_KEY, { message: 'must be a game id of the structure such as S1-A-R2-G1' })
  gameId: string;

  @ApiProperty({ example: 'side' })
  @Matches(COURT_CODE, { message: 'must be a court id' })
  courtId: string;

  @LocalTime('2024-05-01T14:00') start: string;
}

export class DelaysQueryDto {
  @ApiPropertyOptional({ example: '2024-05-01T16:10', description: 'Venue wall clock to project from (default: now)' })
  @Optional()
  @WallClockTime('2024-05-01T16:10')
  now?: string;

  @ApiPropertyOptional({ example: 'main', description: 'Only this court' })
  @Optional()
  @Matches(COURT_CODE, { message: 'must be a court id' })
  courtId?: string;
}

export class StandingsQueryDto {
  @ApiPropertyOptional({ example: 'A', description: 'Only this group' })
  @Optional()
  @IsDefined()
  @Matches(SHORT_ID, { message: SHORT_ID_MESSAGE })
  groupId?: string;
}
