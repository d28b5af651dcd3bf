import type { GameStatus } from '../game/game-lifecycle.js';
import { forbidden } from '../shared/domain-error.js';
import type { Principal } from './principal.js';

/** The facts about a game that decide who may score it (the games module supplies them). */
export interface ScorableGame {
  id: string;
  tournamentId: string;
  status: GameStatus;
  /** Court name as scheduled, e.g. "1号场"; null when not yet on a court. */
  court: string | null;
  /** Local date of the game (YYYY-MM-DD), null when not yet scheduled. */
  day: string | null;
}

/** An organiser's assignment of a scorekeeper account: to one game, or to a court for a day. */
export interface ScorekeeperAssignmentFacts {
  tournamentId: string;
  gameId: string | null;
  court: string | null;
  day: string | null;
}

/** Events are recorded only while a game is about to start or being played. */
export const SCORABLE_STATUSES: readonly GameStatus[] = ['ready', 'live'];

export type ScoreDecision =
  { allowed: true; via: 'organiser' | 'assignment' | 'game_code' } | { allowed: false; code: string; reason: string };

/**
 * Who may record events for a game:
 * - the tournament's organisers (and administrators);
 * - a scorekeeper account with a live assignment to this game, or to its court on its day;
 * - a device whose game-code session names this game.
 * In every case only while the game is ready or live.
 */
export function scoreDecision(
  principal: Principal,
  game: ScorableGame,
  facts: { organisesTournament: boolean; assignments: readonly ScorekeeperAssignmentFacts[] },
): ScoreDecision {
  const via = whyMayScore(principal, game, facts);
  if (!via) return { allowed: false, code: 'SCORE_FORBIDDEN', reason: 'You are not the scorekeeper of this game' };
  if (!SCORABLE_STATUSES.includes(game.status)) {
    return {
      allowed: false,
      code: 'GAME_NOT_SCORABLE',
      reason: `Events are recorded only while a game is ready or live; this one is ${game.status}`,
    };
  }
  return { allowed: true, via };
}

function whyMayScore(
  principal: Principal,
  game: ScorableGame,
  facts: { organisesTournament: boolean; assignments: readonly ScorekeeperAssignmentFacts[] },
): 'organiser' | 'assignment' | 'game_code' | null {
  if (principal.kind === 'game_code') {
    const scope = principal.scope;
    return scope.tournamentId === game.tournamentId && (scope.gameIds ?? []).includes(game.id) ? 'game_code' : null;
  }
  if (principal.role === 'admin') return 'organiser';
  if (principal.role === 'organiser') return facts.organisesTournament ? 'organiser' : null;
  const assigned = facts.assignments.some(
    (a) =>
      a.tournamentId === game.tournamentId &&
      (a.gameId === game.id ||
        (a.gameId === null && a.court !== null && a.court === game.court && a.day !== null && a.day === game.day)),
  );
  return assigned ? 'assignment' : null;
}

export function assertCanScore(...args: Parameters<typeof scoreDecision>): void {
  const decision = scoreDecision(...args);
  if (!decision.allowed) throw forbidden(decision.code, decision.reason);
}

/** An assignment names exactly one game, or a court and a day. */
export function assignmentTargetProblem(target: {
  gameId?: string | null;
  court?: string | null;
  day?: string | null;
}): string | null {
  const byGame = !!target.gameId;
  const byCourt = !!target.court || !!target.day;
  if (byGame && byCourt) return 'give either gameId, or court and day, not both';
  if (!byGame && !(target.court && target.day)) return 'give a gameId, or both court and day';
  return null;
}
