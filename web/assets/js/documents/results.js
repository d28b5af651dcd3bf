// 成绩册: the results book filed after the tournament.
import { h } from '../dom.js';
import { contents, cover, dates, docTable, paperNames, scoreText, section, STATUS, unitLines } from './common.js';

const PLACE = ['冠军', '亚军', '季军', '第四名', '第五名', '第六名', '第七名', '第八名'];
const placeName = (n) => PLACE[n - 1] ?? `第${n}名`;

export function resultsBook(doc) {
  const { tournament: t, bracket, standings, ranking, games, leaders, awards } = doc;
  const gameById = new Map(games.map((g) => [g.id, g]));
  const names = paperNames(bracket);
  const stages = bracket?.stages ?? [];
  const parts = [
    ['announcement', '一、成绩公告'],
    ['games', '二、比赛成绩'],
    ['standings', '三、小组积分表'],
    ['bracket', '四、淘汰赛对阵'],
    ['leaders', '五、个人技术统计'],
  ];
  const resultRow = (g, label) => {
    const periods = (g.scoreByPeriod ?? []).map((p) => `${p.home}:${p.away}`).join('，');
    return [
      label ?? '',
      g.scheduledAt?.slice(0, 16).replace('T', ' ') ?? '',
      g.court ?? '',
      g.homeTeam?.name ?? '待定',
      scoreText(g) || STATUS[g.status] || g.status,
      g.awayTeam?.name ?? '待定',
      periods,
    ];
  };
  const byStage = stages.map((s) => ({
    stage: s,
    rows: (bracket?.games ?? [])
      .filter((b) => b.stageId === s.id && b.game)
      .map((b) => ({ b, g: gameById.get(b.game.id) }))
      .filter((x) => x.g),
  }));
  const inStages = new Set(byStage.flatMap((x) => x.rows.map((r) => r.g.id)));
  const others = games.filter((g) => !inStages.has(g.id));
  const computed = (awards?.awards ?? []).filter((a) => a.kind === 'computed');
  const decided = (awards?.awards ?? []).filter((a) => a.kind !== 'computed');
  const recipientText = (a) =>
    (a.recipients ?? [])
      .map((x) =>
        [
          x.jerseyNumber !== undefined && x.jerseyNumber !== null ? `${x.jerseyNumber}号` : '',
          x.name,
          x.team ? `（${x.team.name}）` : '',
        ].join(''),
      )
      .join('、') || '—';
  return [
    cover('成 绩 册', t, [...unitLines(doc), ['比赛时间', dates(t)], ['比赛地点', t.venue]]),
    contents(parts),
    section(
      'announcement',
      '一、成绩公告',
      h('h3', {}, '（一）团体名次'),
      docTable(
        ['名次', '球队'],
        (ranking?.places ?? []).map((p) => [placeName(p.place), p.team?.name ?? '']),
        { empty: ranking && !ranking.complete ? '比赛尚未全部结束，名次待定' : '暂无' },
      ),
      h('h3', {}, '（二）个人及团体奖项'),
      docTable(
        ['奖项', '获奖者', '说明'],
        [...computed, ...decided].map((a) => [a.labelZh ?? a.label, recipientText(a), a.display ?? a.citation ?? '']),
        { empty: '奖项尚未产生' },
      ),
    ),
    section(
      'games',
      '二、比赛成绩',
      byStage.map(({ stage, rows }) =>
        docTable(
          ['轮次', '时间', '场地', '主队', '比分', '客队', '各节比分'],
          rows.map(({ b, g }) => resultRow(g, names.game(b))),
          { caption: stage.name, class: 'doc-results' },
        ),
      ),
      others.length > 0
        ? docTable(
            ['轮次', '时间', '场地', '主队', '比分', '客队', '各节比分'],
            others.map((g) => resultRow(g, '')),
            {
              caption: '其他比赛',
              class: 'doc-results',
            },
          )
        : null,
    ),
    section(
      'standings',
      '三、小组积分表',
      (standings?.groups ?? []).length === 0
        ? h('p', {}, '本赛事没有小组赛')
        : standings.groups.map((g) =>
            h(
              'div',
              { class: 'doc-group' },
              docTable(
                ['名次', '球队', '场', '胜', '负', '积分', '得分', '失分', '净胜分'],
                g.official.map((row) => [
                  String(row.rank),
                  row.team.name,
                  String(row.played),
                  String(row.wins),
                  String(row.losses),
                  String(row.classificationPoints),
                  String(row.pointsFor),
                  String(row.pointsAgainst),
                  String(row.pointDifference),
                ]),
                { caption: `${g.name}${g.complete ? '' : '（未赛完）'}` },
              ),
              h(
                'ul',
                { class: 'doc-explain' },
                g.official
                  .filter((row) => row.explanation?.zh)
                  .map((row) => h('li', {}, `${row.team.name}：${row.explanation.zh}`)),
              ),
            ),
          ),
    ),
    section(
      'bracket',
      '四、淘汰赛对阵',
      (() => {
        const knockout = (bracket?.games ?? []).filter((b) => b.bracket !== 'group');
        if (knockout.length === 0) return h('p', {}, '本赛事没有淘汰赛');
        const rounds = new Map();
        for (const b of knockout) {
          const key = `${b.stageId}:${b.round}`;
          if (!rounds.has(key)) rounds.set(key, []);
          rounds.get(key).push(b);
        }
        return h(
          'div',
          { class: 'doc-bracket' },
          [...rounds.values()].map((list) =>
            h(
              'div',
              { class: 'doc-round' },
              h('h3', {}, names.round(list)),
              list.map((b) => {
                const g = b.game ? gameById.get(b.game.id) : null;
                return h(
                  'div',
                  { class: 'doc-match' },
                  h('small', {}, names.game(b)),
                  h('div', {}, names.side(b, 'home'), h('b', {}, g && scoreText(g) ? ` ${g.homeScore}` : '')),
                  h('div', {}, names.side(b, 'away'), h('b', {}, g && scoreText(g) ? ` ${g.awayScore}` : '')),
                  b.winnerPlaces ? h('small', {}, `胜者 ${placeName(b.winnerPlaces[0])}`) : null,
                );
              }),
            ),
          ),
        );
      })(),
    ),
    section(
      'leaders',
      '五、个人技术统计',
      (leaders?.boards ?? []).map((board) =>
        docTable(
          ['名次', '号码', '姓名', '球队', '场次', board.labelZh],
          board.entries
            .slice(0, 10)
            .map((e) => [
              String(e.rank),
              String(e.player.jerseyNumber),
              e.player.name,
              e.team.name,
              String(e.games),
              e.display ?? String(e.value),
            ]),
          { caption: `${board.labelZh}（前十名）`, class: 'doc-leaders' },
        ),
      ),
    ),
  ];
}
