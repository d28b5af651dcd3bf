import { addSide, emptyRecord, sidesOf } from './tally.js';
import { placeTeams, type PlacedBlock } from './tie-break.js';
import type {
  GroupGame,
  GroupStandings,
  GroupStandingsInput,
  GroupStandingsOptions,
  StandingRow,
  TeamRecord,
} from './types.js';
import { validateGroup } from './validate.js';

interface GroupTotals extends TeamRecord {
  forfeitLosses: number;
  includesLive: boolean;
}

/** Games that count: final ones, plus live ones with a leader when live standings are asked for. */
function countedGames(games: readonly GroupGame[], includeLive: boolean) {
  const counted: GroupGame[] = [];
  const levelLiveGameIds: string[] = [];
  for (const game of games) {
    if (game.state === 'final') counted.push(game);
    else if (includeLive && game.homeScore === game.awayScore) levelLiveGameIds.push(game.id);
    else if (includeLive) counted.push(game);
  }
  return { counted, levelLiveGameIds };
}

function groupTotals(teamIds: readonly string[], games: readonly GroupGame[]): Map<string, GroupTotals> {
  const totals = new Map<string, GroupTotals>(
    teamIds.map((id) => [id, { ...emptyRecord(id), forfeitLosses: 0, includesLive: false }]),
  );
  for (const game of games) {
    for (const side of sidesOf(game)) {
      const current = totals.get(side.teamId);
      // A carried-over game against a team outside this group counts for the group team only.
      if (current === undefined) continue;
      totals.set(side.teamId, {
        ...current,
        ...addSide(current, side),
        forfeitLosses: current.forfeitLosses + (side.forfeited ? 1 : 0),
        includesLive: current.includesLive || side.live,
      });
    }
  }
  return totals;
}

/**
 * Teams only lots can separate: at the end of the group a recorded draw orders them (D.1.3, last
 * sentence); without one, or before the group is complete, they share the place.
 */
function resolveLevel(block: PlacedBlock, complete: boolean, drawOrder: readonly string[]) {
  const drawn = block.teamIds.every((id) => drawOrder.includes(id));
  if (complete && drawn) {
    const order = [...block.teamIds].sort((a, b) => drawOrder.indexOf(a) - drawOrder.indexOf(b));
    return { order, shared: false, decidedBy: 'draw' as const, needsDraw: false };
  }
  return {
    order: block.teamIds,
    shared: true,
    decidedBy: complete ? ('draw' as const) : ('shared' as const),
    needsDraw: complete,
  };
}

/** Mini-table rows and tied teams listed in the order of the final table, as a reader expects them. */
function inTableOrder(rows: StandingRow[]): StandingRow[] {
  const position = new Map(rows.map((r, i) => [r.teamId, i]));
  const byPosition = (a: string, b: string) => position.get(a)! - position.get(b)!;
  return rows.map((row) => ({
    ...row,
    tiedWith: [...row.tiedWith].sort(byPosition),
    miniTable: row.miniTable && {
      ...row.miniTable,
      teamIds: [...row.miniTable.teamIds].sort(byPosition),
      rows: [...row.miniTable.rows].sort((a, b) => byPosition(a.teamId, b.teamId)),
    },
  }));
}

/**
 * Group standings under the FIBA Official Basketball Rules, Appendix D (classification of teams):
 * classification points, then — for teams level on them — the games between the tied teams, with the
 * procedure restarting for every sub-set a criterion leaves level (D.1.3, D.1.4).
 */
export function computeGroupStandings(input: GroupStandingsInput, options: GroupStandingsOptions = {}): GroupStandings {
  validateGroup(input, options);
  const includeLive = options.includeLive ?? false;
  const drawOrder = options.drawOrder ?? [];
  const anyLive = input.games.some((g) => g.state === 'live');
  // Nothing played yet is never "complete": that would ask for lots before a ball is thrown.
  const complete = options.complete ?? (input.games.length > 0 && (input.unplayedGames ?? []).length === 0 && !anyLive);
  const { counted, levelLiveGameIds } = countedGames(input.games, includeLive);
  const totals = groupTotals(input.teamIds, counted);
  const { blocks, steps } = placeTeams(input.teamIds, counted, totals);

  const rows: StandingRow[] = [];
  const drawsNeeded: string[][] = [];
  for (const block of blocks) {
    const firstRank = rows.length + 1;
    if (block.decidedBy !== 'unresolved') {
      const [teamId] = block.teamIds;
      const { tiedWith, miniTable, decidedBy } = block;
      rows.push({
        ...totals.get(teamId)!,
        rank: firstRank,
        sharedRank: false,
        decidedBy,
        tiedWith,
        miniTable,
        needsDraw: false,
      });
      continue;
    }
    const level = resolveLevel(block, complete, drawOrder);
    if (level.needsDraw) drawsNeeded.push([...block.teamIds]);
    level.order.forEach((teamId, i) => {
      rows.push({
        ...totals.get(teamId)!,
        rank: level.shared ? firstRank : firstRank + i,
        sharedRank: level.shared,
        decidedBy: level.decidedBy,
        tiedWith: block.teamIds.filter((id) => id !== teamId),
        miniTable: block.miniTable,
        needsDraw: level.needsDraw,
      });
    });
  }
  return {
    rows: inTableOrder(rows),
    complete,
    includesLive: counted.some((g) => g.state === 'live'),
    needsDraw: drawsNeeded.length > 0,
    drawsNeeded,
    levelLiveGameIds: levelLiveGameIds.sort(),
    tieBreakSteps: steps,
  };
}
