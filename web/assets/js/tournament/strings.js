// Words of the fans' tournament, team, player and home pages: [中文, English].
import { currentLang, t } from '../i18n.js';
export const FAN_STRINGS = {
  q_clinched: ['出线', 'Through'],
  q_eliminated: ['淘汰', 'Out'],
  q_clinched_long: ['已确定出线', 'Sure to go through'],
  q_eliminated_long: ['已确定淘汰', 'Cannot go through'],
  qualifyNote: ['前{n}名出线', 'Top {n} go through'],
  qualifyNoteBest: ['前{n}名出线，第{m}名可能以成绩最好者出线', 'Top {n} go through; a best {m}th-placed team may too'],
  qualifyLegend: [
    '“出线/淘汰”在数学上确定后才标出（只按已结束的比赛）',
    '“Through”/“Out” appear once mathematically certain (decided games only)',
  ],
  tiedGroup: ['{teams}同积{points}分', '{teams} level on {points} points'],
  tiedOrder: ['按{criterion}排序', 'ordered by {criterion}'],
  tiedWaiting: ['暂时并列，待剩余比赛决定', 'level for now, the remaining games decide'],
  tiedDraw: ['只能抽签决定', 'only a drawing of lots can separate them'],
  liveTableNote: ['含进行中比赛的实时积分', 'Live table, counting games in progress'],
  slotGroupPlace: ['{group}组第{place}', 'Group {group} #{place}'],
  slotBestPlaced: ['各组第{place}名中第{rank}', 'Best #{place} (rank {rank})'],
  slotWinner: ['{game}胜者', 'Winner {game}'],
  slotLoser: ['{game}负者', 'Loser {game}'],
  slotSeed: ['{seed}号种子', 'Seed {seed}'],
  placeGame: ['第{place}名决赛', '{place} place game'],
  placeRange: ['第{from}–{to}名', 'Places {from}–{to}'],
  finalGame: ['决赛', 'Final'],
  thirdPlace: ['第3名决赛', '3rd-place game'],
  groupRound: ['{group}组 第{round}轮', 'Group {group} · round {round}'],
  knockoutRound: ['第{round}轮', 'Round {round}'],
  losersRound: ['败者组 第{round}轮', 'Losers round {round}'],
  grandFinal: ['总决赛', 'Grand final'],
  grandFinalReset: ['总决赛 第2场', 'Grand final, game 2'],
  winnersBracket: ['胜者组', 'Winners'],
  winnersFinal: ['胜者组决赛', 'Winners final'],
  losersBracket: ['败者组', 'Losers’ bracket'],
  swipeRounds: ['左右滑动查看各轮', 'Swipe for each round'],
  bye: ['轮空', 'Bye'],
  classificationGames: ['排位赛', 'Classification games'],
  record: ['战绩', 'Record'],
  recordLine: ['{wins}胜{losses}负', '{wins}–{losses}'],
  placeInGroup: ['{group}第{rank}名', '#{rank} in {group}'],
  finalPlace: ['最终第{place}名', 'Finished #{place}'],
  teamLeaders: ['队内数据王', 'Team leaders'],
  won: ['胜', 'W'],
  lost: ['负', 'L'],
  totals: ['总计', 'Totals'],
  averages: ['场均', 'Per game'],
  gamesPlayed: ['出场', 'Games'],
  result: ['结果', 'Result'],
  opponent: ['对手', 'Opponent'],
  gameLog: ['每场数据', 'Game by game'],
  colMin: ['时间', 'MIN'],
  homeLive: ['正在直播', 'Live now'],
  homeToday: ['今日比赛', "Today's games"],
  homeRecent: ['最新赛果', 'Latest results'],
  homeTournaments: ['全部赛事', 'All tournaments'],
  noLiveNow: ['现在没有直播', 'Nothing live right now'],
  noRecent: ['还没有结果', 'No results yet'],
};

/**
 * ft('q_clinched') — like i18n.js's t() for these words (falling back to t() for the shared ones),
 * kept beside the pages that use them so the shared dictionary is not edited for every page.
 */
export function ft(key, vars) {
  const entry = FAN_STRINGS[key];
  if (!entry) return t(key, vars);
  let text = entry[currentLang() === 'en' ? 1 : 0];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}
