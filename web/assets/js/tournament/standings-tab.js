// The standings tab: each group's official table with 出线/淘汰 marks once they are certain, one
// explanation per set of tied teams (not one per team), and the live table while games run.
import { getOptional } from '../api.js';
import { h, table } from '../dom.js';
import { t } from '../i18n.js';
import { groupName, signed, teamLink } from './common.js';
import { ft } from './strings.js';

const mark = (q) =>
  q === 'clinched' || q === 'eliminated'
    ? h('span', { class: `qmark q-${q}`, title: ft(`q_${q}_long`), 'data-qualification': q }, ft(`q_${q}`))
    : null;

function standingsTable(rows, caption, withMarks) {
  return table(
    [
      t('rank'),
      t('team'),
      t('played'),
      t('wins'),
      t('losses'),
      t('points'),
      t('pointsFor'),
      t('pointsAgainst'),
      t('diff'),
    ],
    rows.map((r) =>
      h(
        'tr',
        { class: withMarks && r.qualification ? `q-row-${r.qualification}` : null, 'data-team': r.team.id },
        h('td', {}, r.sharedRank ? `${r.rank}=` : String(r.rank)),
        h('td', { class: 'name' }, teamLink(r.team), withMarks ? mark(r.qualification) : null),
        h('td', {}, r.played),
        h('td', {}, r.wins),
        h('td', {}, r.losses),
        h('td', {}, r.classificationPoints),
        h('td', {}, r.pointsFor),
        h('td', {}, r.pointsAgainst),
        h('td', {}, signed(r.pointDifference)),
      ),
    ),
    { caption, label: caption, class: 'grid pinned' },
  );
}

/** Sets of teams level together, each once: the teams, their points, the criterion, the games among them. */
export function tiedSets(rows) {
  const sets = new Map();
  for (const r of rows) {
    // Before a game is played everybody is level: nothing to explain.
    if (!r.tiedWith?.length || r.played === 0) continue;
    const members = [r.team, ...r.tiedWith];
    const key = members
      .map((x) => x.id)
      .sort()
      .join();
    if (sets.has(key)) continue;
    const order = new Map(rows.map((x, i) => [x.team.id, i]));
    members.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    sets.set(key, { members, points: r.classificationPoints, decidedBy: r.decidedBy, miniTable: r.miniTable });
  }
  return [...sets.values()];
}

function explanations(rows) {
  const sets = tiedSets(rows);
  if (sets.length === 0) return null;
  return h(
    'ul',
    { class: 'card explain' },
    sets.map((s) =>
      h(
        'li',
        { 'data-tie': s.members.map((m) => m.id).join(',') },
        h('strong', {}, ft('tiedGroup', { teams: s.members.map((m) => m.name).join('、'), points: s.points })),
        '：',
        s.decidedBy === 'shared'
          ? ft('tiedWaiting')
          : s.decidedBy === 'draw'
            ? ft('tiedDraw')
            : ft('tiedOrder', { criterion: t(`tb_${s.decidedBy}`) }),
        s.miniTable
          ? table(
              [t('team'), t('played'), t('wins'), t('losses'), t('points'), t('diff')],
              s.miniTable.rows.map((m) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'name' }, m.team.name),
                  h('td', {}, m.played),
                  h('td', {}, m.wins),
                  h('td', {}, m.losses),
                  h('td', {}, m.classificationPoints),
                  h('td', {}, signed(m.pointDifference)),
                ),
              ),
              { label: `${s.members.map((m) => m.name).join('、')} ${t('decidedBy')}`, class: 'grid pinned' },
            )
          : null,
      ),
    ),
  );
}

function qualifyNote(g) {
  if (!g.advancingPlaces && !g.possiblePlaces) return null;
  const text =
    g.possiblePlaces > g.advancingPlaces
      ? ft('qualifyNoteBest', { n: g.advancingPlaces, m: g.possiblePlaces })
      : ft('qualifyNote', { n: g.advancingPlaces });
  return h('p', { class: 'muted' }, text);
}

/** @type {import('./common.js').TournamentTab} */
export const standingsTab = {
  topics: ['standings', 'games'],
  readsOnPlay: true,
  load: (ctx) => getOptional(`/api/v1/tournaments/${ctx.tournamentId}/competition/standings`),
  view(ctx, standings) {
    const groups = standings?.groups ?? [];
    if (groups.length === 0) return h('p', { class: 'muted' }, t('noStandings'));
    return h(
      'div',
      { class: 'standings' },
      groups.map((g) =>
        h(
          'section',
          { 'data-group': g.groupId },
          h('h2', {}, groupName(g)),
          qualifyNote(g),
          standingsTable(g.official, `${groupName(g)} · ${t('official')}`, true),
          explanations(g.official),
          g.complete ? h('p', { class: 'ok' }, t('groupComplete')) : null,
          g.liveIncludesGamesInProgress
            ? h(
                'div',
                { class: 'live-table' },
                h('h3', {}, t('liveTable')),
                h('p', { class: 'muted' }, ft('liveTableNote')),
                standingsTable(g.live, `${groupName(g)} · ${t('liveTable')}`, false),
              )
            : null,
        ),
      ),
      h('p', { class: 'muted' }, ft('qualifyLegend')),
      h('p', { class: 'muted' }, t('tieBreakNote')),
    );
  },
};
