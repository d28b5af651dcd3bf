// A game's FIBA-style scoresheet (记录表), built from the play-by-play, then its box score.
import { h } from '../dom.js';
import { gameName } from '../tournament/names.js';
import { blank, docTable, section, STATUS } from './common.js';

const FOUL_MARK = { personal: 'P', technical: 'T', unsportsmanlike: 'U', disqualifying: 'D' };
const periodLabel = (n, regulation) => (n <= regulation ? `第${n}节` : `决胜期${n - regulation}`);

/** Walks the plays in force: running score, fouls and time-outs per period. */
function readPlays(doc) {
  const homeId = doc.game.homeTeam?.id;
  const players = new Map([...doc.rosters.home, ...doc.rosters.away].map((p) => [p.id, p]));
  const running = [];
  const fouls = new Map(); // playerId -> marks
  const teamFouls = { home: new Map(), away: new Map() };
  const timeouts = { home: [], away: [] };
  const coachFouls = { home: [], away: [] };
  let period = 0;
  let score = { home: 0, away: 0 };
  for (const play of doc.plays) {
    if (!play.inForce) continue;
    const e = play.event;
    if (e.period) period = e.period;
    if (e.type === 'period_start') period = e.period;
    const side = e.teamId === homeId ? 'home' : 'away';
    const points =
      e.type === 'field_goal_made'
        ? e.points
        : e.type === 'free_throw_made'
          ? 1
          : e.type === 'score_adjust'
            ? e.points
            : 0;
    if (points && play.score) {
      running.push({
        side,
        points,
        jersey: players.get(e.playerId)?.jerseyNumber ?? '队',
        period,
        home: play.score.home,
        away: play.score.away,
      });
      score = play.score;
    } else if (e.type === 'paper_result' && play.score) score = play.score;
    if (e.type === 'foul') {
      const mark = `${FOUL_MARK[e.kind] ?? 'P'}${period ? `·${period}` : ''}`;
      if (e.committedBy === 'player' && e.playerId) fouls.set(e.playerId, [...(fouls.get(e.playerId) ?? []), mark]);
      else coachFouls[side].push(`${e.committedBy === 'coach' ? 'C' : 'B'}·${period}`);
      if (e.committedBy === 'player') teamFouls[side].set(period, (teamFouls[side].get(period) ?? 0) + 1);
    }
    if (e.type === 'timeout') timeouts[side].push(periodLabel(period, doc.tournament.rules?.periods ?? 4));
  }
  return { running, fouls, teamFouls, timeouts, coachFouls, score };
}

function teamBlock(doc, sideKey, read) {
  const team = sideKey === 'home' ? doc.homeTeam : doc.awayTeam;
  const roster = doc.rosters[sideKey];
  const starting = new Set((sideKey === 'home' ? doc.game.homeStartingFive : doc.game.awayStartingFive) ?? []);
  const box = doc.boxScore?.teams.find((t) => t.teamId === team?.id);
  const lineOf = new Map((box?.players ?? []).map((p) => [p.playerId, p]));
  const periods = Math.max(doc.tournament.rules?.periods ?? 4, doc.game.scoreByPeriod?.length ?? 0);
  return h(
    'div',
    { class: 'doc-sheet-team' },
    h('h3', {}, `${sideKey === 'home' ? 'A 队（主）' : 'B 队（客）'}：${team?.name ?? '待定'}`),
    h(
      'p',
      { class: 'doc-sheet-line' },
      `暂停：${read.timeouts[sideKey].join('、') || '无'}`,
      '\u3000全队犯规：',
      Array.from(
        { length: periods },
        (_, i) =>
          `${periodLabel(i + 1, doc.tournament.rules?.periods ?? 4)} ${read.teamFouls[sideKey].get(i + 1) ?? 0}`,
      ).join('，'),
    ),
    docTable(
      ['号码', '姓名', '首发', '犯规（1-5）', '得分'],
      roster.map((p) => [
        String(p.jerseyNumber),
        p.name,
        starting.has(p.id) ? '✕' : '',
        (read.fouls.get(p.id) ?? []).join(' '),
        String(lineOf.get(p.id)?.pts ?? ''),
      ]),
      { class: 'doc-sheet-players' },
    ),
    h(
      'p',
      { class: 'doc-sheet-line' },
      `教练：${team?.coachName ?? '＿＿＿＿'}\u3000助理教练：${team?.assistantCoachName ?? '＿＿＿＿'}\u3000教练/替补席犯规：${read.coachFouls[sideKey].join('、') || '无'}`,
    ),
  );
}

function boxTable(team) {
  const num = (v) => String(v ?? 0);
  return docTable(
    ['号码', '姓名', '得分', '两分', '三分', '罚球', '篮板', '助攻', '抢断', '盖帽', '失误', '犯规'],
    [
      ...team.players.map((p) => [
        String(p.jerseyNumber),
        p.name,
        num(p.pts),
        `${num(p.fgm2)}/${num(p.fga2)}`,
        `${num(p.fgm3)}/${num(p.fga3)}`,
        `${num(p.ftm)}/${num(p.fta)}`,
        num(p.reb),
        num(p.ast),
        num(p.stl),
        num(p.blk),
        num(p.tov),
        num(p.pf),
      ]),
      [
        '',
        '全队',
        num(team.totals.pts),
        '',
        '',
        `${num(team.totals.ftm)}/${num(team.totals.fta)}`,
        num(team.totals.reb),
        num(team.totals.ast),
        num(team.totals.stl),
        num(team.totals.blk),
        num(team.totals.tov),
        num(team.totals.pf),
      ],
    ],
    { caption: `${team.name} 技术统计`, class: 'doc-box' },
  );
}

export function scoresheet(doc) {
  const { tournament: t, game: g } = doc;
  const read = readPlays(doc);
  const regulation = t.rules?.periods ?? 4;
  const home = g.homeTeam?.name ?? '待定';
  const away = g.awayTeam?.name ?? '待定';
  const winner = g.homeScore > g.awayScore ? home : g.awayScore > g.homeScore ? away : '—';
  return [
    h(
      'header',
      { class: 'doc-sheet-head' },
      h('p', { class: 'doc-cover-tournament' }, t.name),
      h('h1', { class: 'doc-h1 doc-sheet-title' }, '篮球比赛记录表'),
      h(
        'dl',
        { class: 'doc-facts doc-facts-row' },
        [
          ['比赛', `${home} 对 ${away}`],
          ['阶段', doc.stage?.stageName ?? ''],
          ['场次', doc.stage ? gameName({ ...doc.stage, id: doc.stage.key }) : ''],
          ['日期时间', g.scheduledAt?.replace('T', ' ') ?? '待定'],
          ['地点', [t.venue, g.court].filter(Boolean).join(' ')],
          ['状态', STATUS[g.status] ?? g.status],
        ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
      h(
        'div',
        { class: 'doc-fields' },
        blank('主裁判'),
        blank('第一副裁判'),
        blank('第二副裁判'),
        blank('记录员'),
        blank('助理记录员'),
        blank('计时员'),
        blank('24秒计时员'),
      ),
    ),
    h('div', { class: 'doc-sheet-teams' }, teamBlock(doc, 'home', read), teamBlock(doc, 'away', read)),
    section(
      'running',
      '累计分（Running Score）',
      docTable(
        ['节次', '队', '号码', '得分', 'A 队累计', 'B 队累计'],
        read.running.map((r) => [
          periodLabel(r.period, regulation),
          r.side === 'home' ? 'A' : 'B',
          String(r.jersey),
          `+${r.points}`,
          String(r.home),
          String(r.away),
        ]),
        { class: 'doc-running', empty: '本场没有逐球记录（纸质记分表录入）' },
      ),
    ),
    section(
      'result',
      '比分',
      docTable(
        ['', ...(g.scoreByPeriod ?? []).map((p) => p.label), '全场'],
        [
          [`A ${home}`, ...(g.scoreByPeriod ?? []).map((p) => String(p.home)), String(g.homeScore)],
          [`B ${away}`, ...(g.scoreByPeriod ?? []).map((p) => String(p.away)), String(g.awayScore)],
        ],
      ),
      h('p', {}, `胜队：${winner}`),
      h(
        'div',
        { class: 'doc-fields' },
        blank('记录员签名'),
        blank('主裁判签名'),
        blank('A 队队长签名'),
        blank('B 队队长签名'),
        blank('队长申诉签名'),
      ),
    ),
    section(
      'box',
      '技术统计（Box Score）',
      doc.boxScore ? doc.boxScore.teams.map(boxTable) : h('p', {}, '比赛开始后才有技术统计'),
    ),
  ];
}
