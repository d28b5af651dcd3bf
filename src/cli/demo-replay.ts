// The 2024 Huzhou results the demo can replay (--replay-2024). The newspaper (league.md) gives
// the final places, the 3rd-place game's overtime and the decided awards, not the scores, so
// the replay decides every game by this order and invents believable margins.

/** Best first: the real top four, then the other teams (the demo's invented ones) in a fixed order. */
export const REPLAY_ORDER = [
  '南浔彩蝶队',
  '德清依蓄队',
  '长兴天顺物流队',
  '德清乾元篮球队',
  '吴兴新凤鸣队',
  '南太湖骑手队',
  '吴兴织里队',
  '安吉白茶队',
  '长兴太湖湾队',
  '安吉竹海队',
];

/** The awards the organisers decided in 2024 (league.md). */
export const REPLAY_AWARDS = {
  sportsmanship: '吴兴新凤鸣队',
  bestOrganisingUnit: '南太湖新区总工会',
};

const rank = (team: string) => {
  const i = REPLAY_ORDER.indexOf(team);
  return i < 0 ? REPLAY_ORDER.length : i;
};

/** The team that wins a replayed game. */
export const replayWinner = (home: string, away: string): string => (rank(home) <= rank(away) ? home : away);

/**
 * The winner's margin at the end of regulation: a better winner wins by more, so that group
 * winners are seeded in the real order and 德清乾元篮球队 is the best runner-up. The 3rd-place
 * game is level after regulation (it went to overtime).
 */
export function replayMargin(winner: string, thirdPlace: boolean): number {
  if (thirdPlace) return 0;
  return Math.max(3, 20 - 3 * rank(winner));
}

/** Margin by which the winner of the 3rd-place game wins in overtime. */
export const OVERTIME_MARGIN = 4;

/**
 * The baskets (2 or 3 points, by team side) that take `margin` (the favourite's lead) to `target`.
 * Returns a list of [side, points] with side 'favourite' or 'other'.
 */
export function basketsToMargin(margin: number, target: number): Array<['favourite' | 'other', 2 | 3]> {
  const out: Array<['favourite' | 'other', 2 | 3]> = [];
  let gap = target - margin; // > 0: the favourite scores; < 0: the other side does
  while (gap !== 0) {
    const side = gap > 0 ? 'favourite' : 'other';
    const need = Math.abs(gap);
    const points: 2 | 3 = need === 2 || need >= 4 ? 2 : 3; // 1 → 3 then 2 back the other way
    out.push([side, points]);
    gap += side === 'favourite' ? -points : points;
  }
  return out;
}
