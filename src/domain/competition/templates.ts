import { invalid } from '../shared/domain-error.js';
import { applyDraw, type GroupDraw } from './group-draw.js';
import { buildCompetition } from './build-structure.js';
import { crossoverSeeding } from './crossover.js';
import type {
  CompetitionConfig,
  CompetitionStructure,
  GroupStageConfig,
  KnockoutStageConfig,
  RoundRobinLegs,
} from './types.js';

export interface KnockoutTemplateOptions {
  format?: KnockoutStageConfig['format'];
  thirdPlaceGame?: boolean;
  classifyPlacesDownTo?: number;
  fullClassification?: boolean;
  grandFinalReset?: boolean;
  avoidGroupRematch?: boolean;
}

export interface FormatTemplateOptions {
  teamCount: number;
  groupCount: number;
  /** Teams going through from every group (0: the group stage decides everything). */
  advancePerGroup: number;
  /** Extra entrants: the best `count` teams placed `place` across the groups (e.g. best runner-up). */
  bestPlaced?: { place: number; count: number } | null;
  /** Defaults to sizes as even as possible, larger groups first (10 in 3 → 4/3/3; 10 in 4 → 3/3/2/2). */
  groupSizes?: number[];
  roundRobin?: RoundRobinLegs;
  knockout?: KnockoutTemplateOptions;
  /** Language of the stage and group names made up here (default 'zh': "小组赛", "A组", "淘汰赛"). */
  language?: NameLanguage;
}

export type NameLanguage = 'zh' | 'en';

const NAMES: Record<NameLanguage, { groupStage: string; group: (id: string) => string; knockout: string }> = {
  zh: { groupStage: '小组赛', group: (id) => `${id}组`, knockout: '淘汰赛' },
  en: { groupStage: 'Group stage', group: (id) => `Group ${id}`, knockout: 'Knockout' },
};

export const GROUP_STAGE_ID = 'S1';
export const KNOCKOUT_STAGE_ID = 'KO';

/** Group ids A, B, ..., Z, AA, AB, ... */
export function groupLetter(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/**
 * A group stage followed (when anyone advances) by a knockout fed by crossovers. The groups are left
 * undrawn: put a draw in with applyDraw(), then buildCompetition().
 */
export function buildFormatTemplate(options: FormatTemplateOptions): CompetitionConfig {
  const { teamCount, groupCount } = options;
  if (!Number.isInteger(groupCount) || groupCount < 1)
    throw invalid('COMPETITION_TEMPLATE_INVALID', 'A template needs at least one group');
  if (!Number.isInteger(teamCount) || teamCount < 2 * groupCount) {
    throw invalid('COMPETITION_TEMPLATE_INVALID', `${teamCount} teams cannot fill ${groupCount} groups of at least 2`);
  }
  const sizes = options.groupSizes ?? evenSizes(teamCount, groupCount);
  if (sizes.length !== groupCount || sizes.reduce((a, b) => a + b, 0) !== teamCount) {
    throw invalid(
      'COMPETITION_TEMPLATE_INVALID',
      `Group sizes ${sizes.join('/')} do not make ${groupCount} groups of ${teamCount} teams`,
    );
  }
  const names = NAMES[options.language ?? 'zh'];
  const groupStage: GroupStageConfig = {
    kind: 'group',
    id: GROUP_STAGE_ID,
    name: names.groupStage,
    roundRobin: options.roundRobin ?? 'single',
    groups: sizes.map((size, i) => ({ id: groupLetter(i), name: names.group(groupLetter(i)), size })),
  };
  const entrants = crossoverSeeding(
    { id: GROUP_STAGE_ID, groups: groupStage.groups.map((g) => ({ id: g.id, size: g.size })) },
    { advancePerGroup: options.advancePerGroup, bestPlaced: options.bestPlaced ?? null },
  );
  if (entrants.length === 0) {
    // Knockout options with nobody going through would be dropped without a word: refuse them instead.
    if (options.knockout !== undefined) {
      throw invalid(
        'COMPETITION_KNOCKOUT_WITHOUT_ENTRANTS',
        'Knockout options are given but no team goes through from the groups (advancePerGroup is 0): set advancePerGroup or bestPlaced, or leave the knockout options out',
      );
    }
    return { stages: [groupStage] };
  }
  if (entrants.length === 1)
    throw invalid('COMPETITION_TEMPLATE_INVALID', 'A knockout needs at least 2 teams going through');
  const knockout: KnockoutStageConfig = {
    kind: 'knockout',
    id: KNOCKOUT_STAGE_ID,
    name: names.knockout,
    entrants,
    ...options.knockout,
  };
  return { stages: [groupStage, knockout] };
}

function evenSizes(teamCount: number, groupCount: number): number[] {
  const base = Math.floor(teamCount / groupCount);
  return Array.from({ length: groupCount }, (_, i) => base + (i < teamCount % groupCount ? 1 : 0));
}

export type Huzhou2024Format = 'three_groups_best_runner_up' | 'four_groups_quarter_finals';

/**
 * Huzhou's first 工BA (2024): 10 teams, 16 games, in either of the two formats that fit the facts.
 * (a) Groups of 4/3/3, single round robin: 6 + 3 + 3 = 12 games; the three group winners and the best
 *     runner-up play semi-finals (2), a final (1) and a 3rd-place game (1): 12 + 4 = 16.
 * (b) Groups of 3/3/2/2: 3 + 3 + 1 + 1 = 8 games; the top two of every group (8 teams) play
 *     quarter-finals (4), semi-finals (2), a final (1) and a 3rd-place game (1): 8 + 8 = 16.
 */
export function huzhou2024Config(format: Huzhou2024Format, language: NameLanguage = 'zh'): CompetitionConfig {
  return format === 'three_groups_best_runner_up'
    ? buildFormatTemplate({
        teamCount: 10,
        groupCount: 3,
        advancePerGroup: 1,
        bestPlaced: { place: 2, count: 1 },
        knockout: { thirdPlaceGame: true },
        language,
      })
    : buildFormatTemplate({
        teamCount: 10,
        groupCount: 4,
        advancePerGroup: 2,
        knockout: { thirdPlaceGame: true },
        language,
      });
}

/** The Huzhou 2024 structure with the given group draw (for stage 'S1'). */
export function buildHuzhou2024(format: Huzhou2024Format, draw: GroupDraw): CompetitionStructure {
  return buildCompetition(applyDraw(huzhou2024Config(format), GROUP_STAGE_ID, draw));
}
