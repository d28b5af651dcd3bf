// Pieces shared by the printable documents: sections that start on a new A4 page, tables whose
// header repeats on every page (thead) and whose rows are never split (print.css).
import { h } from '../dom.js';
import { gameName, placeholderNamer, roundOf, sideName } from '../tournament/names.js';

export const POSITIONS = {
  PG: '控球后卫',
  SG: '得分后卫',
  SF: '小前锋',
  PF: '大前锋',
  C: '中锋',
  G: '后卫',
  F: '前锋',
};
export const STATUS = {
  scheduled: '未开始',
  ready: '待开赛',
  live: '进行中',
  final: '已结束',
  official: '已确认',
  forfeit: '弃权',
  lost_by_default: '判负',
  postponed: '延期',
  cancelled: '取消',
};

/** A section of the document: its own page, a numbered heading, listed in the contents. */
export function section(id, title, ...content) {
  return h('section', { class: 'doc-section', id }, h('h2', { class: 'doc-h2' }, title), ...content);
}

/** A table for print: caption, repeated header, one row per line. */
export function docTable(head, rows, options = {}) {
  return h(
    'table',
    { class: `doc-table ${options.class ?? ''}` },
    options.caption ? h('caption', {}, options.caption) : null,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.length > 0
        ? rows.map((cells) =>
            h(
              'tr',
              {},
              cells.map((c) => (c instanceof Node && c.tagName === 'TD' ? c : h('td', {}, c ?? ''))),
            ),
          )
        : h('tr', {}, h('td', { colspan: String(head.length), class: 'doc-empty' }, options.empty ?? '暂无')),
    ),
  );
}

export const cover = (title, tournament, lines) =>
  h(
    'section',
    { class: 'doc-cover' },
    h('p', { class: 'doc-cover-tournament' }, tournament.name),
    h('h1', { class: 'doc-h1' }, title),
    h(
      'dl',
      { class: 'doc-facts' },
      lines.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
  );

/** The 主办 / 承办 / 协办 lines of a cover; a line with no unit is left out. */
export const unitLines = ({ hostUnit, organiserUnits, coOrganiserUnits }) => [
  ['主办单位', hostUnit?.name],
  ['承办单位', (organiserUnits ?? []).map((u) => u.name).join('、')],
  ['协办单位', (coOrganiserUnits ?? []).map((u) => u.name).join('、')],
];

export const contents = (items) =>
  h(
    'nav',
    { class: 'doc-contents', 'aria-label': '目录' },
    h('h2', { class: 'doc-h2' }, '目录'),
    h(
      'ol',
      {},
      items.map(([id, title]) => h('li', {}, h('a', { href: `#${id}` }, title))),
    ),
  );

export const dates = (t) => (t.startsOn === t.endsOn ? t.startsOn : `${t.startsOn} 至 ${t.endsOn}`);
export const dayOf = (local) => (local ? local.slice(0, 10) : '待定');
export const timeOf = (local) => (local ? local.slice(11, 16) : '');
/**
 * The paperwork names games and open places as the fan pages do (names.js: 半决赛1, 第3名决赛,
 * A组 第1轮; A组第1, 半决赛1胜者), never by the structure's ids (SF1, 3P, R1).
 */
export function paperNames(bracket) {
  const namer = placeholderNamer(bracket);
  return {
    /** A structure game: 半决赛1. */
    game: (b) => gameName(b),
    /** A round's heading: its games' names without their numbers (半决赛; 决赛、第3名决赛). */
    round: (list) => [...new Set(list.map(roundOf))].join('、'),
    /** A side of a structure game: its team, or where the team will come from. */
    side: (b, which) => namer.side(b.id, which),
    /** An entrant of a stage (a group's or a knockout's seeding). */
    entrant: (view, stageId) => sideName(view, namer.byId, namer.seeding, stageId),
  };
}

export const teamName = (side) => side?.team?.name ?? side?.label ?? side?.name ?? '待定';
export const scoreText = (g) =>
  ['final', 'official', 'forfeit', 'lost_by_default'].includes(g.status) ? `${g.homeScore} : ${g.awayScore}` : '';

/** A line to sign or fill in by hand. */
export const blank = (label) =>
  h('span', { class: 'doc-field' }, h('span', { class: 'doc-field-label' }, label), h('span', { class: 'doc-line' }));
