import { conflict, notFound } from '../shared/domain-error.js';
import { resolveSlots, type ResolvedSide } from './resolve-slots.js';
import type { CompetitionFacts, CompetitionStructure, GameResultFact, GameStatus, GroupOutcomeFact } from './types.js';

export type Correction =
  { kind: 'game_result'; result: GameResultFact } | { kind: 'group_outcome'; outcome: GroupOutcomeFact };

export interface AffectedGame {
  gameId: string;
  /** The game's status before the correction ('scheduled' when it has no result record). */
  status: GameStatus;
  side: 'home' | 'away';
  before: ResolvedSide;
  after: ResolvedSide;
}

export interface CorrectionPlan {
  /** The facts with the correction applied and invalidated results removed: what the service should store. */
  facts: CompetitionFacts;
  /** Every side of a dependent game whose team changes, in structure order. */
  affectedGames: AffectedGame[];
  /** Dependent games that had already started: only present when the organiser forced the correction. */
  overriddenStartedGames: string[];
  /** Results of dependent games that no longer name their own teams and were dropped (forced corrections only). */
  invalidatedResults: string[];
}

const started = (status: GameStatus) => status !== 'scheduled';

/**
 * What a corrected game result or group outcome changes downstream. A dependent game that has already
 * started (live or later) cannot silently change teams: this refuses with
 * COMPETITION_DEPENDENT_GAME_STARTED unless `force` (the organiser's override), in which case the plan
 * lists the games it overrides and the downstream results that no longer hold, so the service can
 * record them.
 */
export function planCorrection(
  structure: CompetitionStructure,
  facts: CompetitionFacts,
  correction: Correction,
  options: { force?: boolean } = {},
): CorrectionPlan {
  if (correction.kind === 'game_result' && !structure.games.some((g) => g.id === correction.result.gameId)) {
    throw notFound('COMPETITION_UNKNOWN_GAME', `Game ${correction.result.gameId} is not part of this competition`);
  }
  const groupIds = structure.stages.flatMap((s) => (s.kind === 'group' ? s.groups.map((g) => g.id) : []));
  if (correction.kind === 'group_outcome' && !groupIds.includes(correction.outcome.groupId)) {
    throw notFound('COMPETITION_UNKNOWN_GROUP', `Group ${correction.outcome.groupId} is not part of this competition`);
  }
  const statusOf = new Map(facts.games.map((g) => [g.gameId, g.status]));
  const correctedId = correction.kind === 'game_result' ? correction.result.gameId : null;
  let next: CompetitionFacts =
    correction.kind === 'game_result'
      ? { ...facts, games: [...facts.games.filter((g) => g.gameId !== correctedId), correction.result] }
      : {
          ...facts,
          groups: [...facts.groups.filter((g) => g.groupId !== correction.outcome.groupId), correction.outcome],
        };
  const before = resolveSlots(structure, facts);
  const invalidatedResults: string[] = [];
  let affected: AffectedGame[] = [];
  // Dropping a result that no longer fits its teams can move teams further down: repeat until stable.
  for (;;) {
    const after = resolveSlots(structure, next);
    affected = [];
    before.games.forEach((was, i) => {
      const now = after.games[i];
      if (was.gameId === correctedId) return;
      for (const side of ['home', 'away'] as const) {
        if (was[side].teamId !== now[side].teamId || was[side].state !== now[side].state) {
          affected.push({
            gameId: was.gameId,
            status: statusOf.get(was.gameId) ?? 'scheduled',
            side,
            before: was[side],
            after: now[side],
          });
        }
      }
    });
    const stale = after.inconsistentResults.filter((id) => id !== correctedId && !invalidatedResults.includes(id));
    if (stale.length === 0) break;
    invalidatedResults.push(...stale);
    next = { ...next, games: next.games.filter((g) => !stale.includes(g.gameId)) };
  }
  const startedGames = [...new Set(affected.filter((a) => started(a.status)).map((a) => a.gameId))];
  if (startedGames.length > 0 && !options.force) {
    throw conflict(
      'COMPETITION_DEPENDENT_GAME_STARTED',
      `Game ${startedGames[0]} has already started and its teams would change; the organiser must force the correction`,
      startedGames.map((gameId) => ({ field: gameId, reason: 'dependent game already started' })),
      { gameIds: startedGames },
    );
  }
  return { facts: next, affectedGames: affected, overriddenStartedGames: startedGames, invalidatedResults };
}
