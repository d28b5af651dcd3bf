import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import {
  PLAY_EVENT_TYPES,
  PLAY_TYPES,
  type FoulKind,
  type PlayEventBody,
  type PlayEventType,
} from '../../domain/game/index.js';
import { GameLiveDto, HomeAwayDto } from './game.dto.js';
import { CompiledAcceptance } from '../../common/validation/compiled-accept.js';
import { Optional } from '../../common/validation/decorators.js';

/** Sequence numbers are PostgreSQL integers. */
const MAX_SEQ = 2_147_483_647;

/*
 * The play-by-play event union as request DTOs: one class per `type`, chosen by class-transformer's
 * discriminator, so the global validation pipe names the bad field (`event.points`) and refuses
 * fields a type does not take. Payload rules that need the game (whose roster, which period) are
 * the reducer's (src/domain/game).
 */

/** Tenths of a second; 60 minutes is far beyond any period. */
const MAX_CLOCK = 36_000;

/** The device's period and clock, optional on every play. */
abstract class TimedPlay {
  @ApiPropertyOptional({ description: 'Period the device believes it is in (overtime continues 5, 6…)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(20)
  period?: number;

  @ApiPropertyOptional({ example: 5810, description: 'Time left in the period on the device, tenths of a second' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLOCK)
  gameClock?: number;
}

const typeIs = (type: PlayEventType) => applyType(type);
function applyType(type: PlayEventType): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ enum: [type] })(target, key);
    IsIn([type], { message: `must be ${type}` })(target, key);
  };
}

const TeamId = () => (target: object, key: string | symbol) => {
  ApiProperty({ format: 'uuid' })(target, key);
  IsUUID()(target, key);
};
const PlayerId =
  (optional = false, description?: string) =>
  (target: object, key: string | symbol) => {
    if (optional) {
      ApiPropertyOptional({ format: 'uuid', description })(target, key);
      Optional()(target, key);
    } else ApiProperty({ format: 'uuid', description })(target, key);
    IsUUID()(target, key);
  };
const FreeThrowNumber = () => (target: object, key: string | symbol) => {
  ApiPropertyOptional()(target, key);
  Optional()(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(3)(target, key);
};

export class FieldGoalMadeDto extends TimedPlay {
  @typeIs('field_goal_made') type: 'field_goal_made';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
  @ApiProperty({ enum: [2, 3] }) @IsIn([2, 3]) points: 2 | 3;
  @PlayerId(true, 'A team-mate who assisted') assistPlayerId?: string;
}

export class FieldGoalMissedDto extends TimedPlay {
  @typeIs('field_goal_missed') type: 'field_goal_missed';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
  @ApiProperty({ enum: [2, 3] }) @IsIn([2, 3]) points: 2 | 3;
}

export class FreeThrowMadeDto extends TimedPlay {
  @typeIs('free_throw_made') type: 'free_throw_made';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
  @FreeThrowNumber() attempt?: number;
  @FreeThrowNumber() of?: number;
}

export class FreeThrowMissedDto extends TimedPlay {
  @typeIs('free_throw_missed') type: 'free_throw_missed';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
  @FreeThrowNumber() attempt?: number;
  @FreeThrowNumber() of?: number;
}

export class ReboundDto extends TimedPlay {
  @typeIs('rebound') type: 'rebound';
  @TeamId() teamId: string;
  @ApiProperty({ enum: ['offensive', 'defensive'] }) @IsIn(['offensive', 'defensive']) kind: 'offensive' | 'defensive';
  @PlayerId(true, 'Omit for a team rebound') playerId?: string;
}

export class StealDto extends TimedPlay {
  @typeIs('steal') type: 'steal';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
}

export class BlockDto extends TimedPlay {
  @typeIs('block') type: 'block';
  @TeamId() teamId: string;
  @PlayerId() playerId: string;
}

export class TurnoverDto extends TimedPlay {
  @typeIs('turnover') type: 'turnover';
  @TeamId() teamId: string;
  @PlayerId(true, 'Omit for a team turnover') playerId?: string;
}

const FOUL_KINDS: FoulKind[] = ['personal', 'technical', 'unsportsmanlike', 'disqualifying'];

export class FoulDto extends TimedPlay {
  @typeIs('foul') type: 'foul';
  @TeamId() teamId: string;
  @ApiProperty({ enum: FOUL_KINDS }) @IsIn(FOUL_KINDS) kind: FoulKind;
  @ApiProperty({ enum: ['player', 'coach', 'bench'] }) @IsIn(['player', 'coach', 'bench']) committedBy:
    'player' | 'coach' | 'bench';
  @PlayerId(true, 'Required when committedBy is player') playerId?: string;
}

export class TimeOutDto extends TimedPlay {
  @typeIs('timeout') type: 'timeout';
  @TeamId() teamId: string;
}

export class SubstitutionDto extends TimedPlay {
  @typeIs('substitution') type: 'substitution';
  @TeamId() teamId: string;
  @PlayerId(false, 'Enters the court') playerInId: string;
  @PlayerId(false, 'Leaves the court') playerOutId: string;
}

export class PeriodStartDto extends TimedPlay {
  @typeIs('period_start') type: 'period_start';
}

export class PeriodEndDto extends TimedPlay {
  @typeIs('period_end') type: 'period_end';
}

/** Clock events carry the clock value they happened at, so it is required here. */
export class ClockStartDto {
  @typeIs('clock_start') type: 'clock_start';
  @ApiPropertyOptional() @Optional() @IsInt() @Min(1) @Max(20) period?: number;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_CLOCK) gameClock: number;
}

export class ClockStopDto {
  @typeIs('clock_stop') type: 'clock_stop';
  @ApiPropertyOptional() @Optional() @IsInt() @Min(1) @Max(20) period?: number;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_CLOCK) gameClock: number;
}

/** Score-only mode: "+2 for team X" (no playerId) or "+3 by #7". */
export class ScoreAdjustDto extends TimedPlay {
  @typeIs('score_adjust') type: 'score_adjust';
  @TeamId() teamId: string;
  @ApiProperty({ enum: [1, 2, 3] }) @IsIn([1, 2, 3]) points: 1 | 2 | 3;
  @PlayerId(true, 'Omit to credit the team only') playerId?: string;
}

/** What an unknown `type` is read as, so the answer names `type` (and no other field) as the problem. */
export class UnknownEventDto {
  @ApiProperty({ enum: PLAY_EVENT_TYPES })
  @IsIn(PLAY_EVENT_TYPES as PlayEventType[], { message: `must be one of: ${PLAY_EVENT_TYPES.join(', ')}` })
  type: string;
}

/** The same, inside a replacement, which must be a play. */
export class UnknownPlayDto {
  @ApiProperty({ enum: PLAY_TYPES })
  @IsIn(PLAY_TYPES as readonly string[] as string[], { message: `must be a play: one of ${PLAY_TYPES.join(', ')}` })
  type: string;
}

const PLAY_DTOS = [
  FieldGoalMadeDto,
  FieldGoalMissedDto,
  FreeThrowMadeDto,
  FreeThrowMissedDto,
  ReboundDto,
  StealDto,
  BlockDto,
  TurnoverDto,
  FoulDto,
  TimeOutDto,
  SubstitutionDto,
  PeriodStartDto,
  PeriodEndDto,
  ClockStartDto,
  ClockStopDto,
  ScoreAdjustDto,
] as const;

const playSubTypes = PLAY_DTOS.map((value, i) => ({ value, name: PLAY_TYPES[i]! }));

/** Correction: take event `targetSeq` out of force (voiding a void reinstates its target). */
export class VoidDto {
  @typeIs('void') type: 'void';
  @ApiProperty() @IsInt() @Min(1) targetSeq: number;
}

/** Correction: read play `targetSeq` as `replacement`. */
export class ReplaceDto {
  @typeIs('replace') type: 'replace';
  @ApiProperty() @IsInt() @Min(1) targetSeq: number;

  @ApiProperty({
    description: 'A play (any type above except the corrections)',
    oneOf: PLAY_DTOS.map((d) => ({ $ref: getSchemaPath(d) })),
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UnknownPlayDto, {
    discriminator: { property: 'type', subTypes: playSubTypes },
    keepDiscriminatorProperty: true,
  })
  replacement: PlayEventBody;
}

export const EVENT_DTOS = [...PLAY_DTOS, VoidDto, ReplaceDto] as const;
/** The OpenAPI schema of an event: one of the event DTOs. */
const EVENT_SCHEMAS = EVENT_DTOS.map((d) => ({ $ref: getSchemaPath(d) }));
const eventSubTypes = [...playSubTypes, { value: VoidDto, name: 'void' }, { value: ReplaceDto, name: 'replace' }];

/** Decorates the `event` field of a command: one of the event DTOs, picked by `type`. */
function EventBody(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: 'The play or correction, discriminated by `type`', oneOf: EVENT_SCHEMAS })(target, key);
    IsDefined()(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(() => UnknownEventDto, {
      discriminator: { property: 'type', subTypes: eventSubTypes },
      keepDiscriminatorProperty: true,
    })(target, key);
  };
}

/** POST /games/{id}/events (compiled check: a scorer's play is the busiest command there is). */
@ApiExtraModels(...EVENT_DTOS)
@CompiledAcceptance()
export class RecordEventDto {
  @ApiProperty({ format: 'uuid', description: 'Made by the device once per event and kept for its retries' })
  @IsUUID()
  clientEventId: string;

  @ApiProperty({ description: 'The last seq this device saw; a stale one is refused with 409 and the current state' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  expectedSeq: number;

  @EventBody()
  event: PlayEventBody;
}

/** POST /games/{id}/undo: voids the last action that is not itself an undo. */
@CompiledAcceptance()
export class UndoDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientEventId: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  expectedSeq: number;
}

export class PlaysQueryDto {
  @ApiPropertyOptional({ default: 0, description: 'Only events after this seq' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  afterSeq = 0;

  @ApiPropertyOptional({ default: 200, description: 'Older name of pageSize, kept for the scorer’s console' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 200;

  @ApiPropertyOptional({
    default: 1,
    description: 'As every list (README, API conventions): page n of the events after `afterSeq`',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000, { message: 'must not be greater than 100000' })
  page?: number;

  @ApiPropertyOptional({
    description: 'Events per page (default: `limit`, 200); up to 500 since a game log runs to several hundred plays',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

/** The acknowledgement of a recorded event (REST answer and socket ack alike). */
export class RecordedEventDto {
  @ApiProperty({ format: 'uuid' }) gameId: string;
  @ApiProperty({ type: 'integer', example: 42 }) seq: number;
  @ApiProperty({ format: 'uuid' }) clientEventId: string;
  @ApiProperty({ description: 'The event as recorded', oneOf: EVENT_SCHEMAS }) event: PlayEventBody;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: GameLiveDto, description: 'The game right after this event' }) game: GameLiveDto;
  @ApiProperty({ description: 'true when this answers a retry: the event was recorded before and nothing changed now' })
  duplicate: boolean;
}

/** One entry of the play-by-play log. */
export class PlayEventDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ format: 'uuid' }) clientEventId: string;
  @ApiProperty({ description: 'The play or correction, by `type`', oneOf: EVENT_SCHEMAS }) event: PlayEventBody;
  @ApiProperty() recordedAt: string;
  @ApiProperty({
    description: 'false once a later correction voided it (a replaced play stays in force with its new body)',
  })
  inForce: boolean;
  @ApiProperty({ type: HomeAwayDto, description: 'Score right after this event was recorded' }) score: HomeAwayDto;
}

export class PlaysPageDto {
  @ApiProperty({ type: [PlayEventDto] }) items: PlayEventDto[];
  @ApiProperty({ type: 'integer', description: 'Events after `afterSeq` in all pages' }) total: number;
  @ApiProperty({ type: 'integer', example: 1 }) page: number;
  @ApiProperty({ type: 'integer', example: 200 }) pageSize: number;
  @ApiProperty({ type: 'integer', description: 'Seq of the last event in the log' }) lastSeq: number;
}
