// 秩序册: the programme handed out before the tournament.
import { h } from '../dom.js';
import {
  blank,
  contents,
  cover,
  dates,
  dayOf,
  docTable,
  paperNames,
  POSITIONS,
  section,
  teamName,
  timeOf,
  unitLines,
} from './common.js';

export function programme(doc) {
  const { tournament: t, teams, bracket, schedule } = doc;
  const r = t.rules ?? {};
  const parts = [
    ['rules', '一、竞赛规程'],
    ['organisation', '二、组织机构'],
    ['teams', '三、参赛队名单'],
    ['groups', '四、分组情况'],
    ['schedule', '五、竞赛日程'],
  ];
  const stages = bracket?.stages ?? [];
  const names = paperNames(bracket);
  const rows = (schedule?.games ?? []).map((s) => {
    const game = bracket?.games.find((b) => b.id === s.gameId);
    return {
      ...s,
      stageText: game ? names.game(game) : '',
      homeText: game ? names.side(game, 'home') : teamName(s.home),
      awayText: game ? names.side(game, 'away') : teamName(s.away),
    };
  });
  const byDay = new Map();
  for (const row of rows.sort(
    (a, b) => (a.start ?? '').localeCompare(b.start ?? '') || String(a.courtName).localeCompare(String(b.courtName)),
  )) {
    const day = dayOf(row.start);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(row);
  }
  let number = 0;
  return [
    cover('秩 序 册', t, [...unitLines(doc), ['比赛时间', dates(t)], ['比赛地点', t.venue], ['赛季', t.season]]),
    contents(parts),
    section(
      'rules',
      '一、竞赛规程',
      h('h3', {}, '（一）比赛时间和地点'),
      h('p', {}, `${dates(t)}，${t.venue ?? '地点另行通知'}。`),
      h('h3', {}, '（二）参加单位'),
      h('p', {}, [...new Set(teams.map((x) => x.unitName))].join('、') || '待定'),
      h('h3', {}, '（三）竞赛办法'),
      h(
        'ol',
        {},
        h('li', {}, '执行中国篮球协会审定的最新《篮球规则》（FIBA 规则），并按本规程的规定执行。'),
        h(
          'li',
          {},
          `每场比赛 ${r.periods ?? 4} 节，每节 ${r.periodMinutes ?? 10} 分钟；决胜期每期 ${r.overtimeMinutes ?? 5} 分钟。`,
        ),
        h(
          'li',
          {},
          `队员犯规满 ${r.foulOutLimit ?? 5} 次离场；每节全队犯规第 ${r.teamFoulPenaltyFrom ?? 5} 次起罚球。`,
        ),
        h(
          'li',
          {},
          `暂停：上半时 ${r.timeouts?.firstHalf ?? 2} 次，下半时 ${r.timeouts?.secondHalf ?? 3} 次（第四节最后两分钟内最多 ${r.timeouts?.lastTwoMinutesMax ?? 2} 次），每一决胜期 ${r.timeouts?.perOvertime ?? 1} 次。`,
        ),
        h(
          'li',
          {},
          `每队报名队员 ${r.rosterMin ?? 5}～${r.rosterMax ?? 12} 人。弃权判负，比分 ${r.forfeitScore ?? 20}:0。`,
        ),
        h(
          'li',
          {},
          '积分办法：胜一场得 2 分，负一场得 1 分，弃权得 0 分。积分相同时按 FIBA 规则依次比较相关球队间比赛的积分、得失分差、得分，再比较全部比赛的得失分差、得分。',
        ),
        stages.length > 0 ? h('li', {}, `赛制：${stages.map((s) => s.name).join(' → ')}。`) : null,
      ),
      h('h3', {}, '（四）录取名次与奖励'),
      h(
        'p',
        {},
        '录取前八名（不足八队按实际名次录取），颁发奖杯和证书；评选最有价值球员（MVP）、得分王、篮板王、助攻王、最佳阵容及体育道德风尚奖。',
      ),
      h('h3', {}, '（五）参赛资格'),
      h('p', {}, '参赛队员须为参赛单位在职职工，每人只能代表一个队参赛。'),
      h('h3', {}, '（六）纪律'),
      h('p', {}, '各队须遵守赛会纪律，尊重裁判、对手和观众；严禁冒名顶替。'),
    ),
    section(
      'organisation',
      '二、组织机构',
      h(
        'div',
        { class: 'doc-fields' },
        blank('组委会主任'),
        blank('竞赛委员会'),
        blank('仲裁委员会'),
        blank('裁判长'),
        blank('记录组'),
        blank('联系人及电话'),
      ),
    ),
    section(
      'teams',
      '三、参赛队名单',
      teams.map((team) =>
        h(
          'article',
          { class: 'doc-team' },
          h(
            'h3',
            { class: 'doc-team-name' },
            team.logoUrl ? h('img', { src: team.logoUrl, alt: '', class: 'doc-logo' }) : null,
            team.name,
          ),
          h(
            'p',
            { class: 'doc-staff' },
            `单位：${team.unitName}`,
            `\u3000领队：${team.leaderName ?? '—'}`,
            `\u3000教练：${team.coachName ?? '—'}`,
            `\u3000助理教练：${team.assistantCoachName ?? '—'}`,
            `\u3000队医：${team.doctorName ?? '—'}`,
          ),
          docTable(
            ['号码', '姓名', '位置', '工作单位'],
            team.players.map((p) => [
              String(p.jerseyNumber),
              p.name,
              POSITIONS[p.position] ?? p.position ?? '',
              p.employer ?? '',
            ]),
            { caption: `${team.name} 队员名单`, empty: '尚未报名队员' },
          ),
        ),
      ),
    ),
    section(
      'groups',
      '四、分组情况',
      stages.length === 0
        ? h('p', {}, '尚未分组')
        : stages.map((s) =>
            h(
              'div',
              { class: 'doc-stage' },
              h('h3', {}, s.name),
              s.groups
                ? docTable(
                    ['组别', '球队'],
                    s.groups.map((g) => [g.name, g.entrants.map((e) => names.entrant(e, s.id)).join('、')]),
                  )
                : docTable(
                    ['位置', '来源'],
                    (s.seeding ?? []).map((x, i) => [String(i + 1), names.entrant(x, s.id)]),
                    { empty: '由前一阶段产生' },
                  ),
            ),
          ),
    ),
    section(
      'schedule',
      '五、竞赛日程',
      byDay.size === 0
        ? h('p', {}, '赛程尚未编排')
        : [...byDay].map(([day, list]) =>
            docTable(
              ['场次', '时间', '场地', '阶段', '主队', '客队'],
              list.map((g) => [
                String(++number),
                timeOf(g.start),
                g.courtName ?? '',
                g.stageText,
                g.homeText,
                g.awayText,
              ]),
              { caption: `${day} 竞赛日程`, class: 'doc-schedule' },
            ),
          ),
    ),
  ];
}
