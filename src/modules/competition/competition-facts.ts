/**
 * Turns the games module's rows into the facts the pure competition rules read
 * (src/domain/competition: CompetitionFacts) and group standings (src/domain/standings).
 * No rule lives here: only the mapping between the two modules' shapes.
 */
import {
  carriedOverGameIds,
  resolveSlots,
  type CompetitionFacts,
  type CompetitionStructure,
  type GameResultFact,
  type GameStatus as CompetitionGameStatus,
  type Group,
  type GroupOutcomeFact,
  type PlayedPairing,
} from '../../domain/competition/index.js';
import { gameOutcome, type GameStatus } from '../../domain/game/index.js';
import { computeGroupStandings, type GroupGame, type GroupStandings } from '../../domain/standings/index.js';
import type { FixtureRow } from '../games/game-fixtures.service.js';
import type { AppliedResult, CompetitionLots } from './competition.types.js';

export const emptyLots = (): CompetitionLots => ({ groups: [], crossGroup: [], finalRanking: [] });

const DECIDED: ReadonlySet<GameStatus> = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

export const isDecided = (status: GameStatus) => DECIDED.has(status);

/**
 * The games module's statuses as the competition rules read them. `ready` counts as started: its
 * rosters and starting fives are fixed for two named teams, so its teams can no longer change.
 * Postponed and cancelled games have not started. Decided games are mapped by the caller from
 * the applied result (final, or confirmed once official).
 */
export function competitionStatus(status: GameStatus | undefined): CompetitionGameStatus {
  switch (status) {
    case 'ready':
    case 'live':
      return 'live';
    case 'final':
    case 'forfeit':
    case 'lost_by_default':
      return 'final';
    case 'official':
      return 'confirmed';
    default:
      return 'scheduled';
  }
}

/** The row's result, when the game has one that names two teams. */
export function decidedResult(row: FixtureRow): AppliedResult | null {
  if (!isDecided(row.status) || row.result === null || !row.homeTeamId || !row.awayTeamId) return null;
  const outcome = gameOutcome({
    id: row.id,
    homeTeamId: row.homeTeamId,
    awayTeamId: row.awayTeamId,
    status: row.status,
    result: row.result,
  });
  if (outcome === null) return null;
  return {
    homeTeamId: row.homeTeamId,
    awayTeamId: row.awayTeamId,
    homeScore: row.result.homeScore,
    awayScore: row.result.awayScore,
    kind: row.result.kind,
    penalisedTeamId: row.result.penalisedTeamId,
    winnerTeamId: outcome.winnerTeamId,
    loserTeamId: outcome.loserTeamId,
    official: row.status === 'official',
  };
}

/**
 * The results that count: a decided game's own result; for a game reopened for a correction
 * (final -> live), the result last applied, until the game is decided again.
 */
export function effectiveResults(
  structure: CompetitionStructure,
  rows: ReadonlyMap<string, FixtureRow>,
  applied: Readonly<Record<string, AppliedResult>>,
): Record<string, AppliedResult> {
  const out: Record<string, AppliedResult> = {};
  for (const game of structure.games) {
    const row = rows.get(game.id);
    const own = row ? decidedResult(row) : null;
    const kept = applied[game.id];
    if (own) out[game.id] = own;
    else if (kept && row && !isDecided(row.status)) out[game.id] = kept;
  }
  return out;
}

export const sameResult = (a: AppliedResult | undefined, b: AppliedResult | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.homeTeamId === b.homeTeamId &&
    a.awayTeamId === b.awayTeamId &&
    a.homeScore === b.homeScore &&
    a.awayScore === b.awayScore &&
    a.kind === b.kind &&
    a.penalisedTeamId === b.penalisedTeamId);

export function resultFact(
  gameId: string,
  result: AppliedResult | undefined,
  row: FixtureRow | undefined,
): GameResultFact {
  if (result) {
    return {
      gameId,
      status: result.official ? 'confirmed' : 'final',
      winnerTeamId: result.winnerTeamId,
      loserTeamId: result.loserTeamId,
    };
  }
  return { gameId, status: competitionStatus(row?.status), winnerTeamId: null, loserTeamId: null };
}

export interface GroupTable {
  group: Group;
  stageId: string;
  /** Null while a team of the group is still unknown (a later stage's group). */
  teamIds: string[] | null;
  standings: GroupStandings | null;
  /** Games of earlier group stages that count here (the stage's carry-over), decided ones only. */
  carriedOverGameIds: string[];
}

export interface CompetitionPicture {
  facts: CompetitionFacts;
  tables: GroupTable[];
}

/**
 * Facts and group tables from a set of results. Groups are ranked with the FIBA classification
 * (computeGroupStandings); a group is final once all its games are decided. Later group stages
 * read the outcomes of earlier ones, so group stages are ranked in order.
 */
export function competitionPicture(
  structure: CompetitionStructure,
  results: Readonly<Record<string, AppliedResult>>,
  rows: ReadonlyMap<string, FixtureRow>,
  lots: CompetitionLots,
): CompetitionPicture {
  const facts: CompetitionFacts = {
    games: structure.games.map((g) => resultFact(g.id, results[g.id], rows.get(g.id))),
    groups: [],
    crossGroupDraws: lots.crossGroup,
  };
  const tables: GroupTable[] = [];
  for (const stage of structure.stages) {
    if (stage.kind !== 'group') continue;
    const resolution = resolveSlots(structure, facts);
    const sides = new Map(resolution.games.map((g) => [g.gameId, g]));
    for (const group of stage.groups) {
      const games = structure.games.filter((g) => g.groupId === group.id);
      const teams = new Set<string>();
      let known = true;
      for (const game of games) {
        const resolved = sides.get(game.id)!;
        for (const side of [resolved.home, resolved.away]) {
          if (side.teamId === null) known = false;
          else teams.add(side.teamId);
        }
      }
      if (!known || games.length === 0) {
        tables.push({ group, stageId: stage.id, teamIds: null, standings: null, carriedOverGameIds: [] });
        continue;
      }
      // Teams in draw order, as the group was entered.
      const teamIds = [...teams];
      const carried = carriedOverGameIds(structure, group.id, teamIds, pairingsOf(results));
      const counted = [...carried, ...games.map((g) => g.id)].flatMap((id) =>
        results[id] ? [groupGame(id, results[id]!)] : [],
      );
      const complete = games.every((g) => results[g.id] !== undefined);
      const standings = computeGroupStandings(
        { teamIds, games: counted },
        { complete, drawOrder: drawOrderOf(lots, group.id) },
      );
      tables.push({ group, stageId: stage.id, teamIds, standings, carriedOverGameIds: carried });
      facts.groups.push(outcomeOf(group.id, standings));
    }
  }
  return { facts, tables };
}

/**
 * Live standings: games in progress count at their current score (a game reopened for a
 * correction too), beside the official table built from decided results.
 */
export function liveStandings(
  structure: CompetitionStructure,
  table: GroupTable,
  results: Readonly<Record<string, AppliedResult>>,
  rows: ReadonlyMap<string, FixtureRow>,
  lots: CompetitionLots,
): GroupStandings | null {
  if (table.teamIds === null) return null;
  const counted: GroupGame[] = table.carriedOverGameIds.flatMap((id) =>
    results[id] ? [groupGame(id, results[id]!)] : [],
  );
  for (const game of structure.games.filter((g) => g.groupId === table.group.id)) {
    const row = rows.get(game.id);
    const result = results[game.id];
    if (row && row.status === 'live' && row.homeTeamId && row.awayTeamId) {
      counted.push({
        id: game.id,
        homeTeamId: row.homeTeamId,
        awayTeamId: row.awayTeamId,
        homeScore: row.homeScore,
        awayScore: row.awayScore,
        state: 'live',
        outcome: 'played',
      });
    } else if (result) counted.push(groupGame(game.id, result));
  }
  return computeGroupStandings(
    { teamIds: table.teamIds, games: counted },
    {
      includeLive: true,
      complete: (table.standings?.complete ?? false) && counted.every((g) => g.state === 'final'),
      drawOrder: drawOrderOf(lots, table.group.id),
    },
  );
}

/** Who played whom, from the results that count (only decided games carry over). */
const pairingsOf = (results: Readonly<Record<string, AppliedResult>>): Map<string, PlayedPairing> =>
  new Map(
    Object.entries(results).map(([gameId, r]) => [
      gameId,
      { gameId, homeTeamId: r.homeTeamId, awayTeamId: r.awayTeamId },
    ]),
  );

const drawOrderOf = (lots: CompetitionLots, groupId: string) =>
  lots.groups.find((l) => l.groupId === groupId)?.order ?? [];

export function groupGame(id: string, r: AppliedResult): GroupGame {
  return {
    id,
    homeTeamId: r.homeTeamId,
    awayTeamId: r.awayTeamId,
    homeScore: r.homeScore,
    awayScore: r.awayScore,
    state: 'final',
    outcome: r.kind,
    ...(r.kind === 'forfeit' ? { forfeitingTeamId: r.penalisedTeamId ?? r.loserTeamId } : {}),
    ...(r.kind === 'default' ? { defaultedTeamId: r.penalisedTeamId ?? r.loserTeamId } : {}),
  };
}

function outcomeOf(groupId: string, standings: GroupStandings): GroupOutcomeFact {
  return {
    groupId,
    isFinal: standings.complete,
    ranking: standings.rows.map((r) => ({
      teamId: r.teamId,
      rank: r.rank,
      played: r.played,
      wins: r.wins,
      losses: r.losses,
      classificationPoints: r.classificationPoints,
      pointsFor: r.pointsFor,
      pointsAgainst: r.pointsAgainst,
    })),
  };
}
