import { rankAcrossGroups } from '../standings/cross-group.js';
import { rematchFreeSeeding } from './seeding.js';
import type {
  CompetitionFacts,
  CompetitionStructure,
  GameResultFact,
  GroupOutcomeFact,
  GroupRankingRow,
  KnockoutStage,
  Slot,
} from './types.js';

/**
 * 'pending': the source is not final yet. 'draw_required': the source is final but teams are level
 * and only a recorded drawing of lots can say which one fills the slot. 'not_needed': the game is a
 * grand-final reset that will not be played.
 */
export type SideState = 'resolved' | 'pending' | 'draw_required' | 'not_needed';

export interface ResolvedSide {
  teamId: string | null;
  state: SideState;
}

export interface ResolvedGame {
  gameId: string;
  home: ResolvedSide;
  away: ResolvedSide;
  /** False only for a grand-final reset made unnecessary by the grand final's result. */
  needed: boolean;
  /** Whether a final result exists and names this game's two teams. */
  decided: boolean;
}

export interface SlotResolution {
  /** In structure order. */
  games: ResolvedGame[];
  /** Effective seeding per knockout stage (after any rematch swap); null where a seed is not known. */
  seeding: Array<{
    stageId: string;
    teamIds: Array<string | null>;
    /**
     * Seeds moved to keep two teams of one group apart in the first round, decided at resolution
     * (entered as seed `enteredAs`, plays as seed `seed`). Swaps made when the structure was built are in
     * the structure's own seeding already (see knockoutSeedSwaps).
     */
    swaps: SeedSwap[];
  }>;
  /** Final results whose winner/loser are not this game's two teams (e.g. after a correction upstream). */
  inconsistentResults: string[];
}

export interface SeedSwap {
  seed: number;
  enteredAs: number;
}

export const isDecidedStatus = (status: GameResultFact['status']) => status === 'final' || status === 'confirmed';

const resolved = (teamId: string): ResolvedSide => ({ teamId, state: 'resolved' });
// Fresh objects each time: callers may store or mutate what they get.
const pending = (): ResolvedSide => ({ teamId: null, state: 'pending' });
const drawRequired = (): ResolvedSide => ({ teamId: null, state: 'draw_required' });
const notNeeded = (): ResolvedSide => ({ teamId: null, state: 'not_needed' });
const worst = (sides: ResolvedSide[]): ResolvedSide =>
  sides.find((s) => s.state === 'pending') ?? sides.find((s) => s.state === 'draw_required') ?? pending();

/**
 * Fills every slot whose sources are final: a group place once that group is final, a best-placed
 * slot once every group of its stage is final (ranked with rankAcrossGroups), a winner/loser once that
 * game has a final result. Pure: same structure and facts, same answer.
 */
export function resolveSlots(structure: CompetitionStructure, facts: CompetitionFacts): SlotResolution {
  const groupFacts = new Map(facts.groups.map((g) => [g.groupId, g]));
  const resultFacts = new Map(facts.games.map((g) => [g.gameId, g]));
  const groupsOfStage = new Map<string, Array<{ id: string; size: number }>>();
  const knockoutById = new Map<string, KnockoutStage>();
  for (const stage of structure.stages) {
    if (stage.kind === 'group')
      groupsOfStage.set(
        stage.id,
        stage.groups.map((g) => ({ id: g.id, size: g.entrants.length })),
      );
    else knockoutById.set(stage.id, stage);
  }

  const groupPlace = (groupId: string, place: number): ResolvedSide => {
    const outcome = groupFacts.get(groupId);
    if (outcome === undefined || !outcome.isFinal) return pending();
    const rows = outcome.ranking.filter((row) => row.rank === place);
    return rows.length === 1 ? resolved(rows[0].teamId) : drawRequired();
  };

  const bestPlacedCache = new Map<string, Map<number, ResolvedSide>>();
  const bestPlaced = (stageId: string, place: number, rank: number): ResolvedSide => {
    const key = `${stageId}#${place}`;
    let byRank = bestPlacedCache.get(key);
    if (byRank === undefined) {
      byRank = rankBestPlaced(groupsOfStage.get(stageId) ?? [], place, groupFacts, facts, stageId);
      bestPlacedCache.set(key, byRank);
    }
    return byRank.get(rank) ?? pending();
  };

  const winners = new Map<string, ResolvedSide>();
  const losers = new Map<string, ResolvedSide>();
  const seedingCache = new Map<string, ResolvedSide[]>();
  const swapsOf = new Map<string, SeedSwap[]>();
  const seeding = (stage: KnockoutStage): ResolvedSide[] => {
    let sides = seedingCache.get(stage.id);
    if (sides !== undefined) return sides;
    const entrants = stage.seeding.map((slot) => resolveSlot(slot, stage.id));
    if (entrants.some((e) => e.state !== 'resolved')) {
      sides = entrants.map(() => ({ ...worst(entrants.filter((e) => e.state !== 'resolved')) }));
    } else {
      const groupOf = entrants.map((e, i) => groupOfEntrant(stage.seeding[i], e.teamId!, groupsOfStage, groupFacts));
      const effective = rematchFreeSeeding(groupOf, stage.bracketSize);
      sides = effective.map((i) => entrants[i]);
      swapsOf.set(
        stage.id,
        effective.flatMap((i, k) => (i === k ? [] : [{ seed: k + 1, enteredAs: i + 1 }])),
      );
    }
    seedingCache.set(stage.id, sides);
    return sides;
  };

  const resolveSlot = (slot: Slot, stageId: string): ResolvedSide => {
    switch (slot.kind) {
      case 'team':
        return resolved(slot.teamId);
      case 'group_place':
        return groupPlace(slot.groupId, slot.place);
      case 'best_placed':
        return bestPlaced(slot.stageId, slot.place, slot.rank);
      case 'game_winner':
        return winners.get(slot.gameId) ?? pending();
      case 'game_loser':
        return losers.get(slot.gameId) ?? pending();
      case 'seed': {
        const stage = knockoutById.get(stageId);
        return stage === undefined ? pending() : (seeding(stage)[slot.seed - 1] ?? pending());
      }
    }
  };

  const games: ResolvedGame[] = [];
  const inconsistentResults: string[] = [];
  const byId = new Map<string, ResolvedGame>();
  for (const game of structure.games) {
    let home = resolveSlot(game.home, game.stageId);
    let away = resolveSlot(game.away, game.stageId);
    let needed = true;
    if (game.playedOnlyIf !== null) {
      const condition = byId.get(game.playedOnlyIf.gameId);
      const conditionWinner = condition?.decided ? winners.get(game.playedOnlyIf.gameId)?.teamId : undefined;
      if (
        condition !== undefined &&
        conditionWinner !== undefined &&
        conditionWinner !== condition[game.playedOnlyIf.winnerSide].teamId
      ) {
        needed = false;
        home = notNeeded();
        away = notNeeded();
      }
    }
    const fact = resultFacts.get(game.id);
    let decided = false;
    if (needed && fact !== undefined && isDecidedStatus(fact.status)) {
      const teams = [home.teamId, away.teamId];
      const consistent =
        home.state === 'resolved' &&
        away.state === 'resolved' &&
        fact.winnerTeamId !== fact.loserTeamId &&
        teams.includes(fact.winnerTeamId) &&
        teams.includes(fact.loserTeamId);
      if (consistent) {
        decided = true;
        winners.set(game.id, resolved(fact.winnerTeamId!));
        losers.set(game.id, resolved(fact.loserTeamId!));
      } else {
        inconsistentResults.push(game.id);
      }
    }
    const entry: ResolvedGame = { gameId: game.id, home, away, needed, decided };
    byId.set(game.id, entry);
    games.push(entry);
  }
  const seedings = [...knockoutById.values()].map((stage) => ({
    stageId: stage.id,
    teamIds: (stage.pairingAtResolution
      ? seeding(stage)
      : stage.seeding.map((slot) => resolveSlot(slot, stage.id))
    ).map((side) => side.teamId),
    swaps: swapsOf.get(stage.id) ?? [],
  }));
  return { games, seeding: seedings, inconsistentResults };
}

function placedRow(outcome: GroupOutcomeFact, place: number): GroupRankingRow | 'draw' {
  const rows = outcome.ranking.filter((row) => row.rank === place);
  return rows.length === 1 ? rows[0] : 'draw';
}

/** Ranks the teams placed `place` in every group of a stage; all groups must be final. */
function rankBestPlaced(
  groups: ReadonlyArray<{ id: string; size: number }>,
  place: number,
  groupFacts: Map<string, GroupOutcomeFact>,
  facts: CompetitionFacts,
  stageId: string,
): Map<number, ResolvedSide> {
  const byRank = new Map<number, ResolvedSide>();
  const eligible = groups.filter((g) => g.size >= place);
  const outcomes = eligible.map((g) => groupFacts.get(g.id));
  if (outcomes.some((o) => o === undefined || !o.isFinal)) return byRank;
  const rows = outcomes.map((o) => placedRow(o!, place));
  if (rows.includes('draw')) {
    eligible.forEach((_, i) => byRank.set(i + 1, drawRequired()));
    return byRank;
  }
  const drawOrder = facts.crossGroupDraws?.find((d) => d.stageId === stageId && d.place === place)?.order ?? [];
  const ranked = rankAcrossGroups(
    (rows as GroupRankingRow[]).map((row, i) => ({
      teamId: row.teamId,
      groupId: eligible[i].id,
      played: row.played,
      wins: row.wins,
      classificationPoints: row.classificationPoints,
      pointsFor: row.pointsFor,
      pointsAgainst: row.pointsAgainst,
    })),
    drawOrder,
  );
  for (let rank = 1; rank <= ranked.length; rank++) {
    // No team or several at this rank: it lies inside a block of level teams.
    const atRank = ranked.filter((p) => p.rank === rank);
    byRank.set(rank, atRank.length === 1 ? resolved(atRank[0].teamId) : drawRequired());
  }
  return byRank;
}

/** Which group an entrant finished in, for the no-rematch rule (null: no group constraint). */
function groupOfEntrant(
  slot: Slot,
  teamId: string,
  groupsOfStage: Map<string, Array<{ id: string }>>,
  groupFacts: Map<string, GroupOutcomeFact>,
): string | null {
  if (slot.kind === 'group_place') return slot.groupId;
  if (slot.kind !== 'best_placed') return null;
  const group = (groupsOfStage.get(slot.stageId) ?? []).find((g) =>
    groupFacts.get(g.id)?.ranking.some((r) => r.teamId === teamId),
  );
  return group?.id ?? null;
}
