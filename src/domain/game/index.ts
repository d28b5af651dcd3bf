/**
 * Live game scoring: lifecycle, play-by-play events, the reducer that turns the event log into
 * the game state, and the box score. Pure TypeScript over plain JSON data.
 */
export * from './state-machine.js';
export * from './game-lifecycle.js';
export * from './game-outcome.js';
export * from './game-settings.js';
export * from './play-event.js';
export * from './game-flags.js';
export type * from './game-state.js';
export { initialGameState } from './game-state.js';
export { applyEvent, replay, gameEndFacts, assertGameCanEnd, type GameEndFacts } from './reducer.js';
export { catchUp, snapshotDue, SNAPSHOT_EVERY } from './snapshots.js';
export { InForceTracker, resolveCorrections, undoLast, type ResolvedLog } from './corrections.js';
export { boxScore, playerGameLines, percentage } from './box-score.js';
export type {
  BoxScore,
  BoxScoreTeam,
  BoxScorePlayerLine,
  BoxScoreTeamTotals,
  ShootingPercentages,
} from './box-score.js';
export { canonicalJson, sameEventContent, scorekeeperMayMove, statusAfterEvent } from './live-scoring.js';
export { assertPaperResult, paperResultPath, paperResultProblems, paperLine } from './paper-result.js';
export { courtTimeOf, secondsPlayed, plusMinus } from './apply-court-time.js';
