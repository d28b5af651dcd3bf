import { invalid } from '../shared/domain-error.js';
import { assertDrawSeed, seededRandom, shuffled } from './seeded-random.js';
import { separateUnits, type Placement } from './unit-separation.js';
import type { CompetitionConfig } from './types.js';

export interface DrawGroupSpec {
  groupId: string;
  size: number;
}

export interface DrawTeam {
  teamId: string;
  /** The enterprise or union the team belongs to; null when it has none to keep apart. */
  unitId: string | null;
}

export type DrawMethod = 'hand' | 'random' | 'serpentine' | 'pots';

/** The outcome of a draw, with everything needed to reproduce it. */
export interface GroupDraw {
  method: DrawMethod;
  /** The recorded seed of a random or pot draw (null otherwise). */
  seed: number | null;
  keepUnitsApart: boolean;
  groups: Array<{ groupId: string; teamIds: string[] }>;
}

export interface DrawOptions {
  /** Never put two teams of the same unit in one group; a DomainError says when that is impossible. */
  keepUnitsApart?: boolean;
}

/** Checks an organiser's hand-made draw: every team exactly once, every group at its configured size. */
export function drawGroupsByHand(
  groups: readonly DrawGroupSpec[],
  teams: readonly DrawTeam[],
  assignment: ReadonlyArray<{ groupId: string; teamIds: string[] }>,
  options: DrawOptions = {},
): GroupDraw {
  checkSpecs(groups, teams);
  const known = new Map(teams.map((t) => [t.teamId, t]));
  const seen = new Set<string>();
  const listed = new Set<string>();
  for (const entry of assignment) {
    const spec = groups.find((g) => g.groupId === entry.groupId);
    if (spec === undefined || listed.has(entry.groupId)) {
      throw invalid('COMPETITION_DRAW_UNKNOWN_GROUP', `Group ${entry.groupId} is not configured or is listed twice`);
    }
    listed.add(entry.groupId);
    if (entry.teamIds.length !== spec.size) {
      throw invalid(
        'COMPETITION_DRAW_GROUP_SIZE_MISMATCH',
        `Group ${entry.groupId} needs ${spec.size} teams, the draw gives it ${entry.teamIds.length}`,
      );
    }
    for (const teamId of entry.teamIds) {
      if (!known.has(teamId))
        throw invalid('COMPETITION_DRAW_UNKNOWN_TEAM', `Team ${teamId} is not entered in this competition`);
      if (seen.has(teamId))
        throw invalid('COMPETITION_DRAW_TEAM_DUPLICATED', `Team ${teamId} is drawn into more than one place`);
      seen.add(teamId);
    }
  }
  const missingGroup = groups.find((g) => !listed.has(g.groupId));
  if (missingGroup !== undefined)
    throw invalid('COMPETITION_DRAW_GROUP_SIZE_MISMATCH', `Group ${missingGroup.groupId} has no teams in the draw`);
  const missingTeam = teams.find((t) => !seen.has(t.teamId));
  if (missingTeam !== undefined)
    throw invalid('COMPETITION_DRAW_TEAM_MISSING', `Team ${missingTeam.teamId} is not in any group`);
  if (options.keepUnitsApart) {
    for (const entry of assignment) {
      const units = new Map<string, string>();
      for (const teamId of entry.teamIds) {
        const unit = known.get(teamId)!.unitId;
        if (unit === null) continue;
        const other = units.get(unit);
        if (other !== undefined) {
          throw invalid(
            'COMPETITION_DRAW_UNIT_CLASH',
            `${other} and ${teamId} belong to the same unit (${unit}) but are both in group ${entry.groupId}`,
          );
        }
        units.set(unit, teamId);
      }
    }
  }
  return {
    method: 'hand',
    seed: null,
    keepUnitsApart: options.keepUnitsApart ?? false,
    groups: groups.map((g) => ({
      groupId: g.groupId,
      teamIds: [...assignment.find((a) => a.groupId === g.groupId)!.teamIds],
    })),
  };
}

/** A random draw from a recorded seed: the same seed and the same inputs always give the same groups. */
export function drawGroupsRandomly(
  groups: readonly DrawGroupSpec[],
  teams: readonly DrawTeam[],
  options: DrawOptions & { seed: number },
): GroupDraw {
  checkSpecs(groups, teams);
  const random = seededRandom(assertDrawSeed(options.seed));
  const order = shuffled(teams, random);
  const placements: Placement[] = order.map((team) => ({
    team,
    candidates: shuffled(groups, random).map((g) => g.groupId),
  }));
  const result = options.keepUnitsApart
    ? separateUnits(groups, placements, 'any_place')
    : fillInOrder(
        groups,
        order.map((t) => t.teamId),
      );
  return { method: 'random', seed: options.seed, keepUnitsApart: options.keepUnitsApart ?? false, groups: result };
}

/**
 * Serpentine by ranking (best first): 1→A, 2→B, 3→C, 4→C, 5→B, 6→A, 7→A ... Groups that are already
 * full are skipped, so with 4/3/3 the 10th team goes to A. With units kept apart, a team that would
 * clash moves to the nearest group along the serpentine that has room at its level.
 */
export function drawGroupsSerpentine(
  groups: readonly DrawGroupSpec[],
  rankedTeams: readonly DrawTeam[],
  options: DrawOptions = {},
): GroupDraw {
  checkSpecs(groups, rankedTeams);
  const placements: Placement[] = [];
  levels(groups, rankedTeams).forEach(({ groupIds, teams }, level) => {
    const lane = level % 2 === 0 ? groupIds : [...groupIds].reverse();
    teams.forEach((team, i) => {
      const candidates = [...lane]
        .map((g, j) => ({ g, d: Math.abs(j - i), j }))
        .sort((a, b) => a.d - b.d || a.j - b.j)
        .map((x) => x.g);
      placements.push({ team, candidates, level });
    });
  });
  const result = options.keepUnitsApart
    ? separateUnits(groups, placements, 'one_per_level')
    : placeFirstChoice(groups, placements);
  return { method: 'serpentine', seed: null, keepUnitsApart: options.keepUnitsApart ?? false, groups: result };
}

/**
 * Seeded pots: pot 1 is the best G teams (G = number of groups), pot 2 the next G, ...; each group
 * draws one team from each pot (groups too small for the last pot draw none from it). The draw within
 * a pot comes from the recorded seed.
 */
export function drawGroupsFromPots(
  groups: readonly DrawGroupSpec[],
  rankedTeams: readonly DrawTeam[],
  options: DrawOptions & { seed: number },
): GroupDraw {
  checkSpecs(groups, rankedTeams);
  const random = seededRandom(assertDrawSeed(options.seed));
  const placements: Placement[] = [];
  levels(groups, rankedTeams).forEach(({ groupIds, teams }, level) => {
    const lanes = shuffled(groupIds, random);
    shuffled(teams, random).forEach((team, i) =>
      placements.push({ team, candidates: [...lanes.slice(i), ...lanes.slice(0, i)], level }),
    );
  });
  const result = options.keepUnitsApart
    ? separateUnits(groups, placements, 'one_per_level')
    : placeFirstChoice(groups, placements);
  return { method: 'pots', seed: options.seed, keepUnitsApart: options.keepUnitsApart ?? false, groups: result };
}

/** Puts a draw into a group stage of the configuration (entrants in draw order). */
export function applyDraw(config: CompetitionConfig, stageId: string, draw: GroupDraw): CompetitionConfig {
  const stage = config.stages.find((s) => s.id === stageId);
  if (stage === undefined || stage.kind !== 'group')
    throw invalid('COMPETITION_UNKNOWN_STAGE', `${stageId} is not a group stage of this competition`);
  const stages = config.stages.map((s) => {
    if (s !== stage) return s;
    return {
      ...stage,
      groups: stage.groups.map((group) => {
        const drawn = draw.groups.find((g) => g.groupId === group.id);
        if (drawn === undefined || drawn.teamIds.length !== group.size) {
          throw invalid(
            'COMPETITION_DRAW_GROUP_SIZE_MISMATCH',
            `The draw does not give group ${group.id} its ${group.size} teams`,
          );
        }
        return { ...group, entrants: drawn.teamIds.map((teamId) => ({ kind: 'team' as const, teamId })) };
      }),
    };
  });
  return { ...config, stages };
}

function checkSpecs(groups: readonly DrawGroupSpec[], teams: readonly DrawTeam[]): void {
  if (groups.length === 0) throw invalid('COMPETITION_NO_GROUPS', 'A draw needs at least one group');
  if (new Set(groups.map((g) => g.groupId)).size !== groups.length)
    throw invalid('COMPETITION_GROUP_ID_INVALID', 'Two groups share an id');
  const bad = groups.find((g) => !Number.isInteger(g.size) || g.size < 2);
  if (bad !== undefined)
    throw invalid('COMPETITION_GROUP_TOO_SMALL', `Group ${bad.groupId} must have at least 2 teams`);
  const ids = new Set(teams.map((t) => t.teamId));
  if (ids.size !== teams.length) throw invalid('COMPETITION_DRAW_TEAM_DUPLICATED', 'A team is entered twice');
  const capacity = groups.reduce((sum, g) => sum + g.size, 0);
  if (capacity !== teams.length) {
    throw invalid(
      'COMPETITION_DRAW_SIZES_MISMATCH',
      `The groups hold ${capacity} teams but ${teams.length} are entered`,
    );
  }
}

/** Level k holds the groups with more than k teams and the next ranked teams to fill one place in each. */
function levels(
  groups: readonly DrawGroupSpec[],
  ranked: readonly DrawTeam[],
): Array<{ groupIds: string[]; teams: DrawTeam[] }> {
  const out: Array<{ groupIds: string[]; teams: DrawTeam[] }> = [];
  let next = 0;
  for (let level = 0; next < ranked.length; level++) {
    const groupIds = groups.filter((g) => g.size > level).map((g) => g.groupId);
    out.push({ groupIds, teams: ranked.slice(next, next + groupIds.length) });
    next += groupIds.length;
  }
  return out;
}

function fillInOrder(groups: readonly DrawGroupSpec[], teamIds: string[]): GroupDraw['groups'] {
  let next = 0;
  return groups.map((g) => {
    const chunk = teamIds.slice(next, next + g.size);
    next += g.size;
    return { groupId: g.groupId, teamIds: chunk };
  });
}

function placeFirstChoice(groups: readonly DrawGroupSpec[], placements: Placement[]): GroupDraw['groups'] {
  const out = new Map(groups.map((g) => [g.groupId, [] as string[]]));
  for (const p of placements) out.get(p.candidates[0])!.push(p.team.teamId);
  return groups.map((g) => ({ groupId: g.groupId, teamIds: out.get(g.groupId)! }));
}
