import {
  isPercentageCategory,
  LEADER_CATEGORY_LABELS,
  type Leaderboard,
  type LeaderEntry,
} from '../../domain/stats/index.js';
import type { LeaderboardDto, LeaderEntryDto } from './leaders.dto.js';

export interface Names {
  players: ReadonlyMap<string, { name: string; jerseyNumber: number; teamId: string }>;
  teams: ReadonlyMap<string, string>;
}

/** One decimal for averages and percentages, whole numbers as they are. */
export function displayValue(board: Pick<Leaderboard, 'category' | 'basis'>, value: number): string {
  if (isPercentageCategory(board.category)) return `${value.toFixed(1)}%`;
  return board.basis === 'per_game' ? value.toFixed(1) : String(value);
}

export const toLeaderEntryDto = (
  board: Pick<Leaderboard, 'category' | 'basis'>,
  e: LeaderEntry,
  names: Names,
  livePlayerIds: ReadonlySet<string>,
): LeaderEntryDto => {
  const player = names.players.get(e.playerId);
  return {
    rank: e.rank,
    tied: e.tied,
    player: { id: e.playerId, name: player?.name ?? e.playerId, jerseyNumber: player?.jerseyNumber ?? null },
    team: { id: e.teamId, name: names.teams.get(e.teamId) ?? e.teamId },
    games: e.games,
    value: e.value,
    display: displayValue(board, e.value),
    total: e.total,
    attempts: e.attempts ?? null,
    includesLive: livePlayerIds.has(e.playerId),
  };
};

export const toLeaderboardDto = (
  board: Leaderboard,
  names: Names,
  livePlayerIds: ReadonlySet<string>,
): LeaderboardDto => ({
  category: board.category,
  labelZh: LEADER_CATEGORY_LABELS[board.category].zh,
  labelEn: LEADER_CATEGORY_LABELS[board.category].en,
  basis: board.basis,
  minGames: board.minGames,
  minAttempts: board.minAttempts ?? null,
  eligible: board.eligible,
  entries: board.entries.map((e) => toLeaderEntryDto(board, e, names, livePlayerIds)),
});
