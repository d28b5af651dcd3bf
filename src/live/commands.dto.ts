import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { CompiledAcceptance } from '../common/validation/compiled-accept.js';
import { GameTransitionDto } from '../modules/games/game.dto.js';
import { RecordEventDto, UndoDto } from '../modules/games/play-event.dto.js';

/**
 * Socket commands are the REST bodies plus the game they are about (REST has it in the path).
 * Those that come many times a second (plays, undos, fans joining) have the compiled check.
 */
@CompiledAcceptance()
export class GameRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  gameId: string;
}

/** `game:subscribe`: `lastSeq` is the last event the client applied (omit on its first join). */
@CompiledAcceptance()
export class GameSubscribeDto extends GameRefDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  lastSeq?: number;
}

@CompiledAcceptance()
export class TournamentRefDto {
  @IsUUID()
  tournamentId: string;
}

@CompiledAcceptance()
export class GameEventCommandDto extends RecordEventDto {
  @IsUUID()
  gameId: string;
}

@CompiledAcceptance()
export class GameUndoCommandDto extends UndoDto {
  @IsUUID()
  gameId: string;
}

export class GameTransitionCommandDto extends GameTransitionDto {
  @IsUUID()
  gameId: string;
}
