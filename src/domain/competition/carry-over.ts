import type { CompetitionStructure } from './types.js';

/** A game of the structure with the two teams it was played between. */
export interface PlayedPairing {
  gameId: string;
  homeTeamId: string | null;
  awayTeamId: string | null;
}

/**
 * The games of earlier group stages that count in a group of a later group stage (FIBA "games
 * carried over"), by the stage's `carryOver`: `among_group` keeps games between two teams of the
 * group, `all` every earlier group game with at least one of them. Knockout games never carry over.
 * Returns [] when the group's stage carries nothing over.
 */
export function carriedOverGameIds(
  structure: CompetitionStructure,
  groupId: string,
  teamIds: readonly string[],
  pairings: ReadonlyMap<string, PlayedPairing>,
): string[] {
  const stageIndex = structure.stages.findIndex((s) => s.kind === 'group' && s.groups.some((g) => g.id === groupId));
  const stage = structure.stages[stageIndex];
  if (stage === undefined || stage.kind !== 'group') return [];
  const mode = stage.carryOver ?? 'none';
  if (mode === 'none') return [];
  const earlierGroupStages = new Set(
    structure.stages.slice(0, stageIndex).flatMap((s) => (s.kind === 'group' ? [s.id] : [])),
  );
  const members = new Set(teamIds);
  const out: string[] = [];
  for (const game of structure.games) {
    if (game.groupId === null || !earlierGroupStages.has(game.stageId)) continue;
    const played = pairings.get(game.id);
    if (!played) continue;
    const inGroup = [played.homeTeamId, played.awayTeamId].filter((id) => id !== null && members.has(id)).length;
    if (inGroup === 2 || (mode === 'all' && inGroup === 1)) out.push(game.id);
  }
  return out;
}
