/**
 * What the clinch/elimination rule (src/domain/standings/qualification.ts) reads for one group:
 * its decided games, its games still to be decided, and how many of its places go through.
 * Only the mapping from the stored structure and results lives here.
 */
import type { CompetitionStructure, SlotResolution, Slot } from '../../domain/competition/index.js';
import { computeQualification, type Qualification } from '../../domain/standings/index.js';
import { groupGame, type GroupTable } from './competition-facts.js';
import type { AppliedResult, CompetitionLots } from './competition.types.js';

export interface AdvancingPlaces {
  /** Places 1..advancing go on for certain (a group-place slot of a later group stage or the main bracket). */
  advancing: number;
  /** Places 1..possible may go on (a best-placed slot takes some teams of that place). */
  possible: number;
}

/**
 * The places of a group that go through: those a later group stage or the championship bracket
 * (a knockout stage without a place offset) takes by name ("A组第1") or as a best-placed team.
 * Null when nothing follows the group (a league table) or the places that follow are not 1..n.
 */
export function advancingPlacesOf(structure: CompetitionStructure, groupId: string): AdvancingPlaces | null {
  const ownStage = structure.stages.find((s) => s.kind === 'group' && s.groups.some((g) => g.id === groupId));
  if (!ownStage) return null;
  const onward: Slot[] = [];
  for (const stage of structure.stages) {
    if (stage.id === ownStage.id) continue;
    if (stage.kind === 'knockout' && stage.placeOffset !== 0) continue;
    if (stage.kind === 'knockout') onward.push(...stage.seeding);
    else onward.push(...stage.groups.flatMap((g) => g.entrants));
    for (const game of structure.games) if (game.stageId === stage.id) onward.push(game.home, game.away);
  }
  const direct = new Set(onward.flatMap((s) => (s.kind === 'group_place' && s.groupId === groupId ? [s.place] : [])));
  const best = onward.flatMap((s) => (s.kind === 'best_placed' && s.stageId === ownStage.id ? [s.place] : []));
  let advancing = 0;
  while (direct.has(advancing + 1)) advancing++;
  if (advancing === 0 && best.length === 0) return null;
  return { advancing, possible: Math.max(advancing, ...best) };
}

/** Each team's mark for one group table; null when the group feeds nothing or its teams are not known. */
export function groupQualification(
  structure: CompetitionStructure,
  table: GroupTable,
  resolution: SlotResolution,
  results: Readonly<Record<string, AppliedResult>>,
  lots: CompetitionLots,
): Map<string, Qualification> | null {
  if (table.teamIds === null) return null;
  const places = advancingPlacesOf(structure, table.group.id);
  if (!places) return null;
  const sides = new Map(resolution.games.map((g) => [g.gameId, g]));
  const ownGames = structure.games.filter((g) => g.groupId === table.group.id);
  const games = [...table.carriedOverGameIds, ...ownGames.map((g) => g.id)].flatMap((id) =>
    results[id] ? [groupGame(id, results[id])] : [],
  );
  const remaining = ownGames.flatMap((g) => {
    const side = sides.get(g.id);
    if (results[g.id] || !side?.home.teamId || !side.away.teamId) return [];
    return [{ id: g.id, homeTeamId: side.home.teamId, awayTeamId: side.away.teamId }];
  });
  return computeQualification({
    teamIds: table.teamIds,
    games,
    remaining,
    advancingPlaces: places.advancing,
    possiblePlaces: places.possible,
    drawOrder: lots.groups.find((l) => l.groupId === table.group.id)?.order ?? [],
  });
}
