import type { Game } from './types.js';

/** Knockout rounds by the number of teams left. */
const ROUND_ZH: Record<string, string> = {
  F: '决赛',
  SF: '半决赛',
  QF: '1/4决赛',
  R16: '1/8决赛',
  R32: '1/16决赛',
  R64: '1/32决赛',
};

/**
 * A game of the structure as people name it in Chinese: 决赛, 第3名决赛, 第5名决赛, 半决赛1,
 * 1/4决赛2, 第5–8名 半决赛1, 胜者组 半决赛1, 胜者组决赛, 败者组 第2轮, 总决赛, A组 第1轮 — never
 * its id (SF1, 3P, WB-F, S1-A-R1-G1).
 * The pages say the same in both languages (web/assets/js/tournament/names.js).
 */
export function gameTitle(
  game: Pick<Game, 'id' | 'bracket' | 'groupId' | 'round' | 'roundName' | 'winnerPlaces'>,
): string {
  if (game.bracket === 'group') return `${game.groupId ?? ''}组 第${game.round}轮`;
  if (game.bracket === 'grand_final') return /GF2$/.test(game.id) ? '总决赛 第2场' : '总决赛';
  const place = game.winnerPlaces?.[0];
  if (place === 1) return '决赛';
  if (place !== undefined) return `第${place}名决赛`;
  if (game.bracket === 'losers') return `败者组 第${game.round}轮`;
  const classification = /P(\d+)-(\d+)-([A-Z]+\d*?)-?(\d+)$/.exec(game.id);
  if (classification) {
    const [, from, to, label, index] = classification;
    return `第${from}–${to}名 ${ROUND_ZH[label!] ?? label}${index}`;
  }
  const winners = game.bracket === 'winners' ? '胜者组 ' : '';
  if (winners && /(^|-)F$/.test(game.id)) return '胜者组决赛';
  const main = /(SF|QF|R\d+)-?(\d+)$/.exec(game.id);
  if (main) return `${winners}${ROUND_ZH[main[1]!] ?? main[1]}${main[2]}`;
  return ROUND_ZH[game.roundName] ?? game.roundName;
}
