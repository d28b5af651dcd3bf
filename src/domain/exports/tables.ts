/**
 * The tables a union's sports office files: results, schedule, rosters, leaders, a game's box
 * score and its play-by-play, each from the same data the JSON API returns. Never a national ID:
 * the inputs here do not carry one.
 */
import type { Cell, Sheet } from './sheet.js';

export interface TeamRef {
  id: string;
  name: string;
}

export interface GameRow {
  id: string;
  competitionKey: string | null;
  /** The game's name in the competition (A组 第1轮, 半决赛1, 决赛); null for a game outside it. */
  title?: string | null;
  homeTeam: TeamRef | null;
  awayTeam: TeamRef | null;
  court: string | null;
  scheduledAt: string | null;
  status: string;
  homeScore: number;
  awayScore: number;
  result: {
    kind: 'played' | 'forfeit' | 'default';
    homeScore: number;
    awayScore: number;
    winnerTeamId?: string | null;
  } | null;
}

export const STATUS_ZH: Record<string, string> = {
  scheduled: '未开始',
  ready: '准备就绪',
  live: '进行中',
  final: '已结束',
  official: '成绩已确认',
  forfeit: '弃权',
  lost_by_default: '判负',
  postponed: '延期',
  cancelled: '取消',
};

const RESULT_KIND_ZH = { played: '正常比赛', forfeit: '弃权', default: '判负' } as const;
const TBD = '待定';

const date = (at: string | null) => (at ? at.slice(0, 10) : null);
const time = (at: string | null) => (at ? at.slice(11, 16) : null);

/** Every game by kick-off: day, time, court, teams, status and the score when there is one. */
export function scheduleSheet(games: readonly GameRow[]): Sheet {
  const sorted = [...games].sort(
    (a, b) =>
      (a.scheduledAt ?? '9999').localeCompare(b.scheduledAt ?? '9999') || (a.court ?? '').localeCompare(b.court ?? ''),
  );
  return {
    title: '赛程',
    columns: [
      { header: '比赛编号', width: 12 },
      { header: '轮次', width: 16 },
      { header: '日期', width: 12 },
      { header: '时间', width: 8 },
      { header: '场地', width: 12 },
      { header: '主队', width: 24 },
      { header: '客队', width: 24 },
      { header: '状态', width: 12 },
      { header: '主队得分', width: 10 },
      { header: '客队得分', width: 10 },
    ],
    rows: sorted.map((g) => {
      const scored = g.result !== null || g.status === 'live';
      return [
        g.competitionKey,
        g.title ?? null,
        date(g.scheduledAt),
        time(g.scheduledAt),
        g.court,
        g.homeTeam?.name ?? TBD,
        g.awayTeam?.name ?? TBD,
        STATUS_ZH[g.status] ?? g.status,
        scored ? (g.result?.homeScore ?? g.homeScore) : null,
        scored ? (g.result?.awayScore ?? g.awayScore) : null,
      ];
    }),
  };
}

/** The decided games: the result and how it came about (played, forfeit, by default), and the winner. */
export function resultsSheet(games: readonly GameRow[]): Sheet {
  const decided = games.filter((g) => g.result !== null);
  const sorted = [...decided].sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
  return {
    title: '比赛成绩',
    columns: [
      { header: '比赛编号', width: 12 },
      { header: '轮次', width: 16 },
      { header: '日期', width: 12 },
      { header: '时间', width: 8 },
      { header: '场地', width: 12 },
      { header: '主队', width: 24 },
      { header: '主队得分', width: 10 },
      { header: '客队得分', width: 10 },
      { header: '客队', width: 24 },
      { header: '胜队', width: 24 },
      { header: '结果类型', width: 10 },
      { header: '状态', width: 12 },
    ],
    rows: sorted.map((g) => {
      const r = g.result!;
      const winner = [g.homeTeam, g.awayTeam].find((t) => t && t.id === r.winnerTeamId)?.name ?? null;
      return [
        g.competitionKey,
        g.title ?? null,
        date(g.scheduledAt),
        time(g.scheduledAt),
        g.court,
        g.homeTeam?.name ?? TBD,
        r.homeScore,
        r.awayScore,
        g.awayTeam?.name ?? TBD,
        winner,
        RESULT_KIND_ZH[r.kind],
        STATUS_ZH[g.status] ?? g.status,
      ];
    }),
  };
}

export interface RosterRow {
  teamName: string;
  jerseyNumber: number;
  name: string;
  position: string | null;
  employer: string | null;
}

export const POSITION_ZH: Record<string, string> = {
  PG: '控球后卫',
  SG: '得分后卫',
  SF: '小前锋',
  PF: '大前锋',
  C: '中锋',
  G: '后卫',
  F: '前锋',
};

/** Teams' players by team and jersey: 号码, 姓名, 位置, 工作单位 (no ID number, ever). */
export function rostersSheet(players: readonly RosterRow[], teamOrder: readonly string[]): Sheet {
  const rank = new Map(teamOrder.map((name, i) => [name, i]));
  const sorted = [...players].sort(
    (a, b) =>
      (rank.get(a.teamName) ?? 1e9) - (rank.get(b.teamName) ?? 1e9) ||
      a.teamName.localeCompare(b.teamName) ||
      a.jerseyNumber - b.jerseyNumber,
  );
  return {
    title: '参赛名单',
    columns: [
      { header: '球队', width: 24 },
      { header: '号码', width: 6 },
      { header: '姓名', width: 12 },
      { header: '位置', width: 10 },
      { header: '工作单位', width: 30 },
    ],
    rows: sorted.map((p) => [
      p.teamName,
      p.jerseyNumber,
      p.name,
      p.position ? (POSITION_ZH[p.position] ?? p.position) : null,
      p.employer,
    ]),
  };
}

export interface LeaderBoard {
  labelZh: string;
  basis: string;
  entries: ReadonlyArray<{
    rank: number;
    tied: boolean;
    player: { name: string; jerseyNumber: number | null };
    team: { name: string };
    games: number;
    value: number;
    display: string;
    total: number;
    attempts: number | null;
  }>;
}

const BASIS_ZH: Record<string, string> = { per_game: '场均', total: '总计' };

/** Every leaderboard, one block of rows per category; a shared rank reads "1=" as on the pages. */
export function leadersSheet(boards: readonly LeaderBoard[]): Sheet {
  return {
    title: '个人技术统计排行',
    columns: [
      { header: '项目', width: 12 },
      { header: '统计方式', width: 8 },
      { header: '名次', width: 6 },
      { header: '姓名', width: 12 },
      { header: '号码', width: 6 },
      { header: '球队', width: 24 },
      { header: '场次', width: 6 },
      { header: '数值', width: 8 },
      { header: '显示', width: 8 },
      { header: '合计', width: 8 },
      { header: '出手', width: 8 },
    ],
    rows: boards.flatMap((b) =>
      b.entries.map((e): Cell[] => [
        b.labelZh,
        BASIS_ZH[b.basis] ?? b.basis,
        e.tied ? `${e.rank}=` : e.rank,
        e.player.name,
        e.player.jerseyNumber,
        e.team.name,
        e.games,
        Math.round(e.value * 1000) / 1000,
        e.display,
        e.total,
        e.attempts,
      ]),
    ),
  };
}

export interface BoxLine {
  jerseyNumber: number;
  name: string;
  starter: boolean;
  secondsPlayed: number | null;
  pts: number;
  fgm: number;
  fga: number;
  fgm3: number;
  fga3: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  reb: number;
  ast: number;
  stl: number;
  blk: number;
  tov: number;
  pf: number;
  eff: number;
  plusMinus: number | null;
}

export interface BoxTeam {
  name: string;
  players: readonly BoxLine[];
  totals: Omit<BoxLine, 'jerseyNumber' | 'name' | 'starter' | 'secondsPlayed' | 'plusMinus'>;
}

/** 'MM:SS' of seconds played, as a scoresheet writes minutes. */
export const minutesPlayed = (seconds: number | null) =>
  seconds === null ? null : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Both teams' player lines and a 全队 totals row each. */
export function boxScoreSheet(teams: readonly BoxTeam[]): Sheet {
  const stats = (l: BoxTeam['totals']): Cell[] => [
    l.pts,
    l.fgm,
    l.fga,
    l.fgm3,
    l.fga3,
    l.ftm,
    l.fta,
    l.oreb,
    l.dreb,
    l.reb,
    l.ast,
    l.stl,
    l.blk,
    l.tov,
    l.pf,
    l.eff,
  ];
  return {
    title: '技术统计',
    columns: [
      { header: '球队', width: 24 },
      { header: '号码', width: 6 },
      { header: '姓名', width: 12 },
      { header: '首发', width: 6 },
      { header: '上场时间', width: 8 },
      ...['得分', '投篮命中', '投篮出手', '三分命中', '三分出手', '罚球命中', '罚球出手'].map((header) => ({ header })),
      ...['前场篮板', '后场篮板', '篮板', '助攻', '抢断', '盖帽', '失误', '犯规', '效率', '正负值'].map((header) => ({
        header,
      })),
    ],
    rows: teams.flatMap((t) => [
      ...t.players.map((p): Cell[] => [
        t.name,
        p.jerseyNumber,
        p.name,
        p.starter,
        minutesPlayed(p.secondsPlayed),
        ...stats(p),
        p.plusMinus,
      ]),
      [t.name, null, '全队', null, null, ...stats(t.totals), null],
    ]),
  };
}

export interface PlayRow {
  seq: number;
  inForce: boolean;
  event: { type: string; [field: string]: unknown };
  score: { home: number; away: number };
}

const PLAY_ZH: Record<string, string> = {
  field_goal_made: '投篮命中',
  field_goal_missed: '投篮不中',
  free_throw_made: '罚球命中',
  free_throw_missed: '罚球不中',
  rebound: '篮板',
  steal: '抢断',
  block: '盖帽',
  turnover: '失误',
  foul: '犯规',
  timeout: '暂停',
  substitution: '换人',
  period_start: '节开始',
  period_end: '节结束',
  clock_start: '计时开始',
  clock_stop: '计时停止',
  score_adjust: '比分调整',
  paper_result: '纸质记录表成绩',
  void: '撤销',
  replace: '更正',
};

/** Tenths of a second left on the game clock, as 'MM:SS'. */
const clock = (tenths: unknown) =>
  typeof tenths === 'number'
    ? `${String(Math.floor(tenths / 600)).padStart(2, '0')}:${String(Math.floor((tenths % 600) / 10)).padStart(2, '0')}`
    : null;

function describePlay(e: PlayRow['event']): string {
  const label = PLAY_ZH[e.type] ?? e.type;
  if (e.type === 'field_goal_made' || e.type === 'field_goal_missed' || e.type === 'score_adjust')
    return typeof e.points === 'number' ? `${label}（${e.points}分）` : label;
  if (e.type === 'rebound') return `${label}（${e.kind === 'offensive' ? '进攻' : '防守'}）`;
  if (e.type === 'void' || e.type === 'replace') return `${label}第${String(e.targetSeq ?? '')}条`;
  return label;
}

/**
 * The play-by-play log in order, voided plays kept and marked 无效, as the scorer's table wrote
 * it: seq, period, clock, team, player (number and name), play, score after it.
 */
export function playsSheet(
  plays: readonly PlayRow[],
  teams: ReadonlyMap<string, string>,
  players: ReadonlyMap<string, { name: string; jerseyNumber: number }>,
): Sheet {
  let period: number | null = null;
  return {
    title: '比赛记录',
    columns: [
      { header: '序号', width: 6 },
      { header: '节次', width: 6 },
      { header: '时间', width: 8 },
      { header: '球队', width: 24 },
      { header: '号码', width: 6 },
      { header: '球员', width: 12 },
      { header: '事件', width: 20 },
      { header: '主队', width: 6 },
      { header: '客队', width: 6 },
      { header: '有效', width: 6 },
    ],
    rows: plays.map((p): Cell[] => {
      const e = p.event;
      if (typeof e.period === 'number') period = e.period;
      const player = typeof e.playerId === 'string' ? players.get(e.playerId) : undefined;
      return [
        p.seq,
        period,
        clock(e.gameClock),
        typeof e.teamId === 'string' ? (teams.get(e.teamId) ?? null) : null,
        player?.jerseyNumber ?? null,
        player?.name ?? null,
        describePlay(e),
        p.score.home,
        p.score.away,
        p.inForce,
      ];
    }),
  };
}
