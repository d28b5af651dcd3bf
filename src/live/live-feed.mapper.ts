import type { ClockDto } from '../modules/games/game.dto.js';
import type { RecordedEventDto } from '../modules/games/play-event.dto.js';
import type { GameEventDelta, LiveClock, TournamentScore } from './events.js';

/** The clock of a game view plus when its reading was taken (the recording time of event `asOfSeq`). */
export const toLiveClock = (clock: ClockDto, clockAt: Date | null): LiveClock => ({
  running: clock.running,
  remaining: clock.remaining,
  asOf: clockAt ? clockAt.toISOString() : null,
  asOfSeq: clock.asOfSeq,
});

/** A recorded event as the game's room receives it. */
export function toGameEventDelta(ack: RecordedEventDto, clockAt: Date | null, serverTime: string): GameEventDelta {
  const { duplicate: _duplicate, ...delta } = ack;
  return { ...delta, clock: toLiveClock(ack.game.clock, clockAt), serverTime };
}

/** The game's line on its tournament's scoreboard after a delta. */
export const toTournamentScore = (tournamentId: string, d: GameEventDelta): TournamentScore => ({
  tournamentId,
  gameId: d.gameId,
  seq: d.seq,
  status: d.game.status,
  score: d.game.score,
  period: d.game.period,
  clock: d.clock,
  serverTime: d.serverTime,
});
