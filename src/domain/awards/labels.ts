/** Chinese-first labels for published awards, with English beside them. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals (五, 十, 十一, 二十一); larger numbers stay in Arabic digits. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

function englishOrdinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** 冠军, 亚军, 季军, 第四名, 第五名 … 第十名, 第十一名 … */
export function placeLabelZh(place: number): string {
  if (place === 1) return '冠军';
  if (place === 2) return '亚军';
  if (place === 3) return '季军';
  return `第${chineseNumber(place)}名`;
}

export function placeLabelEn(place: number): string {
  if (place === 1) return 'Champion';
  if (place === 2) return 'Runner-up';
  if (place === 3) return 'Third place';
  if (place === 4) return 'Fourth place';
  return `${englishOrdinal(place)} place`;
}

export const AWARD_LABELS = {
  mvp: { zh: '最有价值球员 MVP', en: 'Most Valuable Player (MVP)' },
  top_scorer: { zh: '得分王', en: 'Top scorer' },
  assists_leader: { zh: '助攻王', en: 'Assists leader' },
  rebounds_leader: { zh: '篮板王', en: 'Rebounds leader' },
  all_tournament_team: { zh: '最佳阵容', en: 'All-tournament team' },
  sportsmanship: { zh: '精神风尚奖', en: 'Sportsmanship award' },
  best_organising_unit: { zh: '优秀组织奖', en: 'Best organising unit' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type LabelledAwardKey = keyof typeof AWARD_LABELS;
