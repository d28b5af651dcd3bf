import { invalid, type ErrorDetail } from '../shared/domain-error.js';
import type { CompetitionConfig, GroupStageConfig, Slot, StageConfig } from './types.js';

const fail = (code: string, message: string, field = ''): never => {
  const details: ErrorDetail[] = field === '' ? [] : [{ field, reason: message }];
  throw invalid(code, message, details);
};

/**
 * Everything that would make a structure unplayable: unknown or later references, places a group
 * does not have, a team or a result feeding two slots at once, overlapping "best placed" picks.
 */
export function validateConfig(config: CompetitionConfig): void {
  if (config.stages.length === 0) fail('COMPETITION_NO_STAGES', 'A competition needs at least one stage');
  const stageIds = new Set<string>();
  const groupSize = new Map<string, number>();
  const groupStage = new Map<string, GroupStageConfig>();
  const consumed = new Map<string, string>();
  const consume = (key: string, where: string) => {
    const previous = consumed.get(key);
    if (previous !== undefined) {
      fail('COMPETITION_SLOT_USED_TWICE', `${key} is used both at ${previous} and at ${where}`, where);
    }
    consumed.set(key, where);
  };
  config.stages.forEach((stage, s) => {
    const at = `stages[${s}]`;
    if (stage.id.trim() === '' || stageIds.has(stage.id)) {
      fail('COMPETITION_STAGE_ID_INVALID', `Stage id "${stage.id}" is empty or used twice`, `${at}.id`);
    }
    const entrantsOf = (list: Slot[], field: string) =>
      list.forEach((slot, i) =>
        checkEntrant(slot, `${at}.${field}[${i}]`, { stageIds, groupSize, groupStage, consume }),
      );
    if (stage.kind === 'group') {
      if (stage.groups.length === 0)
        fail('COMPETITION_NO_GROUPS', `Group stage ${stage.id} has no groups`, `${at}.groups`);
      checkCarryOver(stage, at, groupStage.size > 0);
      stage.groups.forEach((group, g) => {
        const field = `${at}.groups[${g}]`;
        if (group.id.trim() === '' || groupSize.has(group.id)) {
          fail('COMPETITION_GROUP_ID_INVALID', `Group id "${group.id}" is empty or used twice`, `${field}.id`);
        }
        if (!Number.isInteger(group.size) || group.size < 2) {
          fail(
            'COMPETITION_GROUP_TOO_SMALL',
            `Group ${group.id} must have at least 2 teams, has size ${group.size}`,
            `${field}.size`,
          );
        }
        const entrants = group.entrants ?? [];
        if (entrants.length !== group.size) {
          fail(
            'COMPETITION_GROUP_NOT_DRAWN',
            `Group ${group.id} is configured for ${group.size} teams but has ${entrants.length}: run the group draw first`,
            `${field}.entrants`,
          );
        }
        entrantsOf(entrants, `groups[${g}].entrants`);
      });
      stage.groups.forEach((group) => {
        groupSize.set(group.id, group.size);
        groupStage.set(group.id, stage);
      });
    } else {
      checkKnockoutOptions(stage, at);
      entrantsOf(stage.entrants, 'entrants');
    }
    stageIds.add(stage.id);
  });
  checkBestPlacedOverlap(config.stages);
}

interface Known {
  stageIds: Set<string>;
  groupSize: Map<string, number>;
  groupStage: Map<string, GroupStageConfig>;
  consume: (key: string, where: string) => void;
}

function checkEntrant(slot: Slot, where: string, known: Known): void {
  switch (slot.kind) {
    case 'team':
      if (slot.teamId.trim() === '') fail('COMPETITION_TEAM_ID_INVALID', 'A team id is empty', where);
      known.consume(`team ${slot.teamId}`, where);
      return;
    case 'group_place': {
      const size = known.groupSize.get(slot.groupId);
      if (size === undefined)
        fail('COMPETITION_UNKNOWN_GROUP', `Group ${slot.groupId} is not in an earlier stage`, where);
      if (!Number.isInteger(slot.place) || slot.place < 1 || slot.place > size!) {
        fail(
          'COMPETITION_PLACE_OUT_OF_RANGE',
          `Group ${slot.groupId} has no place ${slot.place} (it has ${size} teams)`,
          where,
        );
      }
      known.consume(`group ${slot.groupId} place ${slot.place}`, where);
      return;
    }
    case 'best_placed': {
      const groups = [...known.groupStage.entries()].filter(([, stage]) => stage.id === slot.stageId);
      if (groups.length === 0)
        fail('COMPETITION_UNKNOWN_STAGE', `Stage ${slot.stageId} is not an earlier group stage`, where);
      const withPlace = groups.filter(([groupId]) => known.groupSize.get(groupId)! >= slot.place).length;
      if (!Number.isInteger(slot.rank) || slot.rank < 1 || slot.rank > withPlace) {
        fail(
          'COMPETITION_PLACE_OUT_OF_RANGE',
          `Only ${withPlace} group(s) of ${slot.stageId} have a team placed ${slot.place}; rank ${slot.rank} does not exist`,
          where,
        );
      }
      known.consume(`best ${slot.rank} placed ${slot.place} of ${slot.stageId}`, where);
      return;
    }
    case 'game_winner':
    case 'game_loser':
    case 'seed':
      // Games do not exist yet when stages are configured; these slots are made by the generators.
      fail('COMPETITION_SLOT_NOT_ALLOWED', `A stage's entrants cannot be a ${slot.kind} slot`, where);
  }
}

function checkCarryOver(stage: GroupStageConfig, at: string, earlierGroupStage: boolean): void {
  const carryOver = stage.carryOver ?? 'none';
  if (carryOver === 'none') return;
  if (carryOver !== 'among_group' && carryOver !== 'all') {
    fail(
      'COMPETITION_OPTION_INVALID',
      `carryOver must be none, among_group or all, got ${String(carryOver)}`,
      `${at}.carryOver`,
    );
  }
  if (!earlierGroupStage) {
    fail(
      'COMPETITION_OPTION_INVALID',
      `Stage ${stage.id} has no earlier group stage to carry games over from`,
      `${at}.carryOver`,
    );
  }
  if (stage.roundRobin !== 'single') {
    fail(
      'COMPETITION_OPTION_NOT_SUPPORTED',
      'Games are carried over into a single round robin only (a double one would replay them)',
      `${at}.carryOver`,
    );
  }
}

function checkKnockoutOptions(stage: StageConfig & { kind: 'knockout' }, at: string): void {
  if (stage.entrants.length < 2)
    fail('COMPETITION_KNOCKOUT_TOO_SMALL', `Knockout ${stage.id} needs at least 2 entrants`, `${at}.entrants`);
  const downTo = stage.classifyPlacesDownTo ?? 0;
  if (!Number.isInteger(downTo) || downTo < 0) {
    fail(
      'COMPETITION_OPTION_INVALID',
      `classifyPlacesDownTo must be a whole number >= 0, got ${downTo}`,
      `${at}.classifyPlacesDownTo`,
    );
  }
  const offset = stage.placeOffset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    fail('COMPETITION_OPTION_INVALID', `placeOffset must be a whole number >= 0, got ${offset}`, `${at}.placeOffset`);
  }
  if ((stage.format ?? 'single_elimination') === 'double_elimination') {
    if (stage.thirdPlaceGame || downTo > 0 || stage.fullClassification) {
      fail(
        'COMPETITION_OPTION_NOT_SUPPORTED',
        'Double elimination places teams through its losers’ bracket: a 3rd-place game or classification games do not apply',
        at,
      );
    }
  } else if (stage.grandFinalReset) {
    fail(
      'COMPETITION_OPTION_NOT_SUPPORTED',
      'A grand-final reset exists only in double elimination',
      `${at}.grandFinalReset`,
    );
  }
}

/** "Best 2nd-placed" ranks all runners-up; taking a runner-up by name as well would pick one team twice. */
function checkBestPlacedOverlap(stages: readonly StageConfig[]): void {
  const all = stages.flatMap((stage) =>
    stage.kind === 'group' ? stage.groups.flatMap((g) => g.entrants ?? []) : stage.entrants,
  );
  const groupToStage = new Map<string, string>();
  for (const stage of stages)
    if (stage.kind === 'group') for (const g of stage.groups) groupToStage.set(g.id, stage.id);
  const named = new Set(
    all.flatMap((slot) => (slot.kind === 'group_place' ? [`${groupToStage.get(slot.groupId)}#${slot.place}`] : [])),
  );
  for (const slot of all) {
    if (slot.kind === 'best_placed' && named.has(`${slot.stageId}#${slot.place}`)) {
      fail(
        'COMPETITION_OVERLAPPING_SLOTS',
        `Best ${slot.place}-placed teams of ${slot.stageId} are ranked across all groups, so no team placed ${slot.place} there may also be taken by group`,
      );
    }
  }
}
