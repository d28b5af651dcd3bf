// The box score on a phone: the game's leaders on top, then one table per team whose first six
// columns (minutes, points, rebounds, assists, fouls, +/-) fit a 360 px screen beside the pinned
// name column; the shooting lines and the rest scroll sideways inside the table, never the page.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { sidesOf } from './plays.js';

const minutes = (seconds) =>
  seconds === null || seconds === undefined
    ? '–'
    : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const plusMinus = (n) => (n === null || n === undefined ? '–' : n > 0 ? `+${n}` : String(n));
const made = (m, a) => `${m ?? 0}-${a ?? 0}`;

/** The best of both teams in points, rebounds and assists (ties: the first in the box score). */
export function gameLeaders(box) {
  const all = box.teams.flatMap((team, i) => team.players.map((p) => ({ ...p, side: i === 0 ? 'home' : 'away' })));
  return [
    ['pts', 'gLeadPts'],
    ['reb', 'gLeadReb'],
    ['ast', 'gLeadAst'],
  ]
    .map(([stat, label]) => {
      const best = all.reduce((top, p) => (p[stat] > (top?.[stat] ?? 0) ? p : top), null);
      return best ? { stat, label, player: best, value: best[stat] } : null;
    })
    .filter(Boolean);
}

function leadersView(box, game, done) {
  const sides = sidesOf(game);
  const leaders = gameLeaders(box);
  if (leaders.length === 0) return null;
  return h(
    'section',
    { class: 'leaders', 'aria-labelledby': 'h-leaders', 'data-testid': 'game-leaders' },
    h('h2', { id: 'h-leaders' }, t(done ? 'gTopPerformers' : 'gLeaders')),
    h(
      'ul',
      { class: 'leader-cards' },
      leaders.map((l) => {
        const team = sides[l.player.side];
        return h(
          'li',
          { class: 'leader-card', style: team ? `--team:${team.color}` : null },
          h('span', { class: 'leader-stat' }, t(l.label)),
          h('strong', { class: 'leader-value' }, String(l.value)),
          h('a', { href: `/players/${l.player.playerId}`, class: 'leader-name' }, l.player.name),
          h(
            'span',
            { class: 'leader-team' },
            h('i', { class: 'pbp-dot', 'aria-hidden': 'true' }),
            `${team?.short ?? ''} #${l.player.jerseyNumber}`,
          ),
        );
      }),
    ),
  );
}

const COLUMNS = [
  ['colMin', (p) => minutes(p.secondsPlayed), () => ''],
  ['colPts', (p) => p.pts, (x) => x.pts],
  ['colReb', (p) => p.reb, (x) => x.reb],
  ['colAst', (p) => p.ast, (x) => x.ast],
  ['colPf', (p) => p.pf, (x) => x.pf],
  ['colPlusMinus', (p) => plusMinus(p.plusMinus), () => ''],
  ['colStl', (p) => p.stl, (x) => x.stl],
  ['colBlk', (p) => p.blk, (x) => x.blk],
  ['colTov', (p) => p.tov, (x) => x.tov],
  ['colFg', (p) => made(p.fgm, p.fga), (x) => made(x.fgm, x.fga)],
  ['col3p', (p) => made(p.fgm3, p.fga3), (x) => made(x.fgm3, x.fga3)],
  ['colFt', (p) => made(p.ftm, p.fta), (x) => made(x.ftm, x.fta)],
  ['colEff', (p) => p.eff, (x) => x.eff],
];

function teamTable(team, side) {
  const label = `${t('boxScore')} ${team.name}`;
  return h(
    'div',
    { class: 'box-team', style: side ? `--team:${side.color}` : null },
    h('h3', { class: 'box-team-name' }, h('i', { class: 'pbp-dot', 'aria-hidden': 'true' }), team.name),
    h(
      'div',
      { class: 'box-wrap', tabindex: '0', role: 'region', 'aria-label': label, 'data-testid': 'box-table' },
      h(
        'table',
        { class: 'box' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'pin' }, t('player')),
            COLUMNS.map(([key]) => h('th', { scope: 'col', 'data-col': key }, t(key))),
          ),
        ),
        h(
          'tbody',
          {},
          team.players.map((p) =>
            h(
              'tr',
              { class: p.onCourt ? 'oncourt' : null },
              h(
                'th',
                { scope: 'row', class: 'pin' },
                h('span', { class: 'box-no' }, String(p.jerseyNumber)),
                h('a', { href: `/players/${p.playerId}` }, p.name),
                p.onCourt ? h('span', { class: 'sr' }, ` (${t('onCourt')})`) : null,
                p.out
                  ? h('span', { class: 'box-out' }, t(p.out === 'fouled_out' ? 'fouledOut' : 'disqualified'))
                  : null,
              ),
              COLUMNS.map(([key, cell]) => h('td', { 'data-col': key }, String(cell(p)))),
            ),
          ),
          h(
            'tr',
            { class: 'total' },
            h('th', { scope: 'row', class: 'pin' }, t('total')),
            COLUMNS.map(([key, , total]) => h('td', { 'data-col': key }, String(total(team.totals)))),
          ),
        ),
      ),
    ),
  );
}

export function boxScoreSection(box, game, done) {
  if (!box) return null;
  const sides = sidesOf(game);
  const sideOf = (team) =>
    sides.home?.id === team.teamId ? sides.home : sides.away?.id === team.teamId ? sides.away : null;
  return h(
    'div',
    { class: 'box-score' },
    leadersView(box, game, done),
    h(
      'section',
      { 'aria-labelledby': 'h-box' },
      h('h2', { id: 'h-box' }, t('boxScore')),
      h('p', { class: 'muted box-hint' }, t('gBoxHint')),
      box.teams.map((team) => teamTable(team, sideOf(team))),
    ),
  );
}
