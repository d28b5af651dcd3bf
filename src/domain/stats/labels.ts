import type { LeaderCategory } from './leaderboard.js';

/** Chinese-first names of the leader categories, with English beside them. */
export const LEADER_CATEGORY_LABELS: Readonly<Record<LeaderCategory, { zh: string; en: string }>> = {
  points: { zh: '得分', en: 'Points' },
  rebounds: { zh: '篮板', en: 'Rebounds' },
  offensive_rebounds: { zh: '前场篮板', en: 'Offensive rebounds' },
  defensive_rebounds: { zh: '后场篮板', en: 'Defensive rebounds' },
  assists: { zh: '助攻', en: 'Assists' },
  steals: { zh: '抢断', en: 'Steals' },
  blocks: { zh: '盖帽', en: 'Blocks' },
  three_pointers_made: { zh: '三分球命中', en: '3-pointers made' },
  efficiency: { zh: '效率值', en: 'Efficiency (EFF)' },
  free_throw_pct: { zh: '罚球命中率', en: 'Free-throw %' },
  field_goal_pct: { zh: '投篮命中率', en: 'Field-goal %' },
  three_point_pct: { zh: '三分命中率', en: '3-point %' },
};

/** The boards a leaders page shows when no category is asked for (the list). */
export const DEFAULT_LEADER_BOARDS: readonly LeaderCategory[] = [
  'points',
  'rebounds',
  'assists',
  'steals',
  'blocks',
  'three_pointers_made',
  'free_throw_pct',
  'efficiency',
];
