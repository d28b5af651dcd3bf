import { miniTableOf } from './tally.js';
import type { GroupGame, MiniTable, TeamRecord, TieBreakCriterion, TieBreakStep } from './types.js';

type TieBreakKey = Exclude<TieBreakCriterion, 'classification_points' | 'draw' | 'shared'>;

/**
 * FIBA OBR Appendix D.1.3: for 2 or more teams level on classification points, in this order —
 * classification points, point difference and points scored in the games between them,
 * then point difference and points scored in all games of the group.
 */
const CRITERIA: ReadonlyArray<[TieBreakKey, (mini: TeamRecord, group: TeamRecord) => number]> = [
  ['head_to_head_points', (mini) => mini.classificationPoints],
  ['head_to_head_difference', (mini) => mini.pointDifference],
  ['head_to_head_scored', (mini) => mini.pointsFor],
  ['group_difference', (_mini, group) => group.pointDifference],
  ['group_scored', (_mini, group) => group.pointsFor],
];

/** Teams in a place: one team when a criterion placed it, several when nothing but lots can separate them. */
export interface PlacedBlock {
  teamIds: string[];
  decidedBy: Exclude<TieBreakCriterion, 'draw' | 'shared'> | 'unresolved';
  /** The other teams level with this block at the step that decided it. */
  tiedWith: string[];
  miniTable: MiniTable | null;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Split teams by a value, best (highest) first; teams in one group share the value. */
export function splitByValue(teamIds: readonly string[], valueOf: (teamId: string) => number): string[][] {
  const values = [...new Set(teamIds.map(valueOf))].sort((a, b) => b - a);
  return values.map((v) => teamIds.filter((id) => valueOf(id) === v).sort(byId));
}

/**
 * Orders teams level on classification points. Whenever a criterion splits them into sub-sets, the
 * procedure restarts from the first criterion for each sub-set still level, using only the games among
 * that sub-set (D.1.4: "the procedure of D.1.3 shall be repeated from the beginning for all the remaining
 * teams not classified yet"). A criterion that separates every team is final: no restart follows it.
 */
export function breakTie(
  tied: readonly string[],
  games: readonly GroupGame[],
  group: ReadonlyMap<string, TeamRecord>,
  steps: TieBreakStep[],
): PlacedBlock[] {
  const miniTable = miniTableOf(tied, games);
  const mini = new Map(miniTable.rows.map((r) => [r.teamId, r]));
  for (const [criterion, measure] of CRITERIA) {
    const valueOf = (id: string) => measure(mini.get(id)!, group.get(id)!);
    const groups = splitByValue(tied, valueOf);
    steps.push({
      amongTeamIds: [...tied].sort(byId),
      criterion,
      values: [...tied].sort(byId).map((teamId) => ({ teamId, value: valueOf(teamId) })),
      groups,
    });
    if (groups.length === 1) continue;
    const others = (ids: string[]) => tied.filter((id) => !ids.includes(id)).sort(byId);
    return groups.flatMap((sub) =>
      sub.length === 1
        ? [{ teamIds: sub, decidedBy: criterion, tiedWith: others(sub), miniTable }]
        : breakTie(sub, games, group, steps),
    );
  }
  return [{ teamIds: [...tied].sort(byId), decidedBy: 'unresolved', tiedWith: [], miniTable }];
}

/** The whole group: classification points first (D.1.1), then the tie-break for each set of level teams. */
export function placeTeams(
  teamIds: readonly string[],
  games: readonly GroupGame[],
  group: ReadonlyMap<string, TeamRecord>,
): { blocks: PlacedBlock[]; steps: TieBreakStep[] } {
  const steps: TieBreakStep[] = [];
  const blocks = splitByValue(teamIds, (id) => group.get(id)!.classificationPoints).flatMap((level) =>
    level.length === 1
      ? [{ teamIds: level, decidedBy: 'classification_points' as const, tiedWith: [], miniTable: null }]
      : breakTie(level, games, group, steps),
  );
  return { blocks, steps };
}
