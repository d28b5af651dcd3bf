import { conflict } from '../shared/domain-error.js';
import { rankAcrossGroups } from '../standings/cross-group.js';
import { resolveSlots } from './resolve-slots.js';
import type { CompetitionFacts, CompetitionStructure, GroupRankingRow, PlaceRange } from './types.js';

export type FinalPlaceReason =
  | 'placement_game' // a final, 3rd-place or classification game decided this exact place
  | 'knockout_round' // alone in the places its knockout exit gives
  | 'stage_reached' // alone among the teams that went out in the same stage
  | 'group_position' // separated from teams of the same tier by its place in its group
  | 'cross_group' // separated by rankAcrossGroups (win ratio / points, no head-to-head)
  | 'draw' // only lots separate it (see needsDraw), or a recorded drawing of lots did
  | 'shared'; // nothing played separates it from `tiedWith`: they share the places place–placeTo

export interface FinalPlace {
  place: number;
  /** Last place of a shared block ("9–12": place 9, placeTo 12); equal to `place` when not shared. */
  placeTo: number;
  teamId: string;
  decidedBy: FinalPlaceReason;
  /** True when nothing played separates this team from `tiedWith` and ties are to be drawn: a recorded draw is needed. */
  needsDraw: boolean;
  tiedWith: string[];
}

interface TeamRecord {
  teamId: string;
  lastStage: number;
  range: PlaceRange | null;
  /** The team's row in the last group it played in. */
  groupRow: (GroupRankingRow & { groupId: string }) | null;
}

/**
 * Final places 1..N for every team, once every game is decided:
 * 1. a knockout exit gives a place range (final 1/2, 3rd-place game 3/4, classification games theirs;
 *    losers of a round without classification share a range, e.g. 5-8);
 * 2. teams with no knockout place rank below those with one, later stages reached first;
 * 3. within a shared range or stage: place in the group (all group winners before all runners-up);
 * 4. then rankAcrossGroups (win ratio/classification points, point difference, points scored);
 * 5. teams still level are flagged `needsDraw`; `drawOrder` (team ids as drawn) separates them.
 */
export function computeFinalRanking(
  structure: CompetitionStructure,
  facts: CompetitionFacts,
  options: {
    drawOrder?: string[];
    /**
     * Teams nothing played separates and no recorded drawing of lots orders: 'draw' lists them in
     * some order flagged `needsDraw`; 'share' gives them one shared block of places (9–12).
     */
    ties?: 'draw' | 'share';
  } = {},
): FinalPlace[] {
  const drawOrder = options.drawOrder ?? [];
  const share = options.ties === 'share';
  const resolution = resolveSlots(structure, facts);
  const open = resolution.games.filter((g) => g.needed && !g.decided).map((g) => g.gameId);
  if (open.length > 0) {
    throw conflict(
      'COMPETITION_NOT_FINISHED',
      `Final places need every game decided; still open: ${open.slice(0, 5).join(', ')}`,
      [],
      {
        openGameIds: open,
      },
    );
  }
  const stageIndex = new Map(structure.stages.map((s, i) => [s.id, i]));
  const stageKind = new Map(structure.stages.map((s) => [s.id, s.kind]));
  const groupFacts = new Map(facts.groups.map((g) => [g.groupId, g]));
  const records = new Map<string, TeamRecord>();
  const record = (teamId: string) => {
    let r = records.get(teamId);
    if (r === undefined) records.set(teamId, (r = { teamId, lastStage: -1, range: null, groupRow: null }));
    return r;
  };
  const results = new Map(facts.games.map((g) => [g.gameId, g]));
  structure.games.forEach((game, i) => {
    const resolved = resolution.games[i];
    if (!resolved.needed) return;
    const stage = stageIndex.get(game.stageId)!;
    for (const side of [resolved.home, resolved.away]) {
      const team = record(side.teamId!);
      if (stage >= team.lastStage) {
        team.lastStage = stage;
        if (game.groupId !== null) {
          const row = groupFacts.get(game.groupId)?.ranking.find((r) => r.teamId === side.teamId);
          team.groupRow = row === undefined ? null : { ...row, groupId: game.groupId };
        }
      }
    }
    if (stageKind.get(game.stageId) !== 'knockout') return;
    const result = results.get(game.id)!;
    // Later games override earlier ones: a grand-final reset supersedes the grand final.
    if (game.winnerPlaces !== null) record(result.winnerTeamId!).range = game.winnerPlaces;
    if (game.loserPlaces !== null) record(result.loserTeamId!).range = game.loserPlaces;
  });
  const tiers = new Map<string, TeamRecord[]>();
  for (const team of records.values()) {
    const key = `${team.range?.join('-') ?? 'none'}|${team.lastStage}|${team.groupRow?.rank ?? 'none'}`;
    tiers.set(key, [...(tiers.get(key) ?? []), team]);
  }
  const sortKey = (t: TeamRecord) => [
    t.range?.[0] ?? Number.MAX_SAFE_INTEGER,
    -t.lastStage,
    t.groupRow?.rank ?? Number.MAX_SAFE_INTEGER,
  ];
  const ordered = [...tiers.values()].sort((a, b) => compareKeys(sortKey(a[0]), sortKey(b[0])));
  const places: FinalPlace[] = [];
  for (const tier of ordered) {
    const sharesRangeOrStage = [...records.values()].some(
      (other) =>
        !tier.includes(other) &&
        (tier[0].range !== null
          ? sameRange(other.range, tier[0].range)
          : other.range === null && other.lastStage === tier[0].lastStage),
    );
    if (tier.length === 1) {
      const [team] = tier;
      const decidedBy: FinalPlaceReason =
        team.range !== null && team.range[0] === team.range[1]
          ? 'placement_game'
          : sharesRangeOrStage
            ? 'group_position'
            : team.range !== null
              ? 'knockout_round'
              : 'stage_reached';
      const place = places.length + 1;
      places.push({ place, placeTo: place, teamId: team.teamId, decidedBy, needsDraw: false, tiedWith: [] });
      continue;
    }
    const ranked = rankTier(tier, drawOrder);
    const first = places.length + 1;
    ranked.forEach((r, i) => {
      const place = first + i;
      if (!share || !r.needsDraw) return places.push({ place, placeTo: place, ...r });
      // A block of teams level with each other: every one of them takes the block's first place.
      const block = ranked.findIndex((o) => o === r || r.tiedWith.includes(o.teamId));
      places.push({
        place: first + block,
        placeTo: first + block + r.tiedWith.length,
        ...r,
        decidedBy: 'shared',
        needsDraw: false,
      });
    });
  }
  return places;
}

/** Teams sharing a tier: cross-group criteria when all have group records, otherwise only a draw. */
function rankTier(tier: TeamRecord[], drawOrder: string[]): Array<Omit<FinalPlace, 'place' | 'placeTo'>> {
  const withRows = tier.every((t) => t.groupRow !== null);
  const ranked = rankAcrossGroups(
    tier.map((t) =>
      withRows
        ? { ...t.groupRow!, teamId: t.teamId }
        : {
            teamId: t.teamId,
            groupId: '',
            played: 0,
            wins: 0,
            classificationPoints: 0,
            pointsFor: 0,
            pointsAgainst: 0,
          },
    ),
    drawOrder,
  );
  return ranked.map((p, i) => {
    const tiedWith = ranked.filter((o) => o !== p && o.rank === p.rank).map((o) => o.teamId);
    // decidedBy on a CrossGroupPlace is what separated it from the team below; 'draw' means lots did.
    const drawAbove = i > 0 && ranked[i - 1].decidedBy === 'draw';
    const drawBelow = i < ranked.length - 1 && p.decidedBy === 'draw';
    return {
      teamId: p.teamId,
      decidedBy: !withRows || drawAbove || drawBelow ? 'draw' : 'cross_group',
      needsDraw: tiedWith.length > 0,
      tiedWith,
    };
  });
}

const sameRange = (a: PlaceRange | null, b: PlaceRange) => a !== null && a[0] === b[0] && a[1] === b[1];

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
