/**
 * Player statistics over many games: per-player totals (one pass) and leaderboards
 * (points, rebounds, assists, shooting percentages, efficiency…) on totals or per game.
 */
export * from './box-score-line.js';
export {
  ALL_KEPT,
  CATEGORY_GAMES,
  COUNTED_BY,
  COUNTED_GAMES,
  countsGame,
  KEPT,
  type CountedGames,
  type KeptStat,
} from './kept.js';
export {
  aggregatePlayerTotals,
  keptGamesOf,
  mergePlayerTotals,
  negatePlayerTotals,
  totalsWithEfficiency,
  type PlayerTotals,
  type StagedPlayerGameLine,
  type TotalsFilter,
} from './player-totals.js';
export {
  allLeaderboards,
  COUNTING_CATEGORIES,
  DEFAULT_LEADER_LIMIT,
  DEFAULT_MIN_ATTEMPTS,
  isPercentageCategory,
  LEADER_CATEGORIES,
  leaderboard,
  leaderboardOptionsFor,
  PERCENTAGE_CATEGORIES,
  type CountingCategory,
  type Leaderboard,
  type LeaderboardOptions,
  type LeaderCategory,
  type LeaderEntry,
  type LeaderSettings,
  type PercentageCategory,
  type RankingBasis,
} from './leaderboard.js';
export { compareNamesForDisplay, competitionRanks, type SharedRank } from './ranking.js';
export { kthLargest } from './top-k.js';
export { DEFAULT_LEADER_BOARDS, LEADER_CATEGORY_LABELS } from './labels.js';
