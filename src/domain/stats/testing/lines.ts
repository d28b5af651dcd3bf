import { emptyLine } from '../box-score-line.js';
import type { StagedPlayerGameLine } from '../player-totals.js';

/** A played line in a game; `over` sets the statistics that matter to the scenario. */
export const gameLine = (
  playerId: string,
  teamId: string,
  gameId: string,
  over: Partial<StagedPlayerGameLine> = {},
): StagedPlayerGameLine => ({ ...emptyLine(gameId, playerId, teamId), stageId: 'group', played: true, ...over });

/** Lines for `games` games with the same statistics each game. */
export const repeatedLines = (
  playerId: string,
  teamId: string,
  games: number,
  over: Partial<StagedPlayerGameLine> = {},
): StagedPlayerGameLine[] =>
  Array.from({ length: games }, (_, g) => gameLine(playerId, teamId, `${teamId}-g${g + 1}`, over));
