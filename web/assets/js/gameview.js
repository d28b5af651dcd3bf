// The game as fans see it (also shown on the scorekeeper console): scoreboard with the running
// clock, score by period, play-by-play and box score. Pure views over the API's shapes.
import { h, table } from './dom.js';
import { clockNow, clockText, describePlay, isDone, isScoring, periodText, statusText } from './format.js';
import { t } from './i18n.js';

/** Names for the play-by-play from both rosters (and the box score, which has the same). */
export function namesOf(game, rosters) {
  const players = new Map();
  for (const list of rosters)
    for (const p of list) players.set(p.id, { name: p.name, jerseyNumber: p.jerseyNumber, teamId: p.teamId });
  const teams = new Map();
  if (game.homeTeam) teams.set(game.homeTeam.id, game.homeTeam.name);
  if (game.awayTeam) teams.set(game.awayTeam.id, game.awayTeam.name);
  return { players, teams };
}

/** The scoreboard. `clockSince`: server time (ms) the clock state was set at. */
export function scoreboard(game, clockSince, options = {}) {
  const live = game.live;
  const score = live ? live.score : { home: game.homeScore, away: game.awayScore };
  const teamName = (team) =>
    team ? (options.link === false ? team.name : h('a', { href: `/teams/${team.id}` }, team.name)) : t('tbd');
  const clock = live ? clockNow(live.clock, clockSince) : null;
  const fouls = (side) => {
    const f = live?.teamFouls?.[side];
    if (!f) return '–';
    return f.inPenalty ? [String(f.current), ' ', h('span', { class: 'penalty' }, t('penalty'))] : String(f.current);
  };
  const periodLine =
    !live || !live.period.current
      ? t('notStarted')
      : live.period.status === 'ended'
        ? `${periodText(live.period.label, live.period.current)} · ${t('periodBreak')}`
        : periodText(live.period.label, live.period.current);
  return h(
    'section',
    { class: 'board', 'aria-label': t('sameAsFans') },
    h(
      'div',
      { class: 'board-teams' },
      h(
        'div',
        {},
        h('div', { class: 'board-team' }, teamName(game.homeTeam)),
        h('div', { class: 'board-score', 'data-testid': 'home-score' }, String(score.home)),
      ),
      h(
        'div',
        { class: 'board-mid' },
        h('div', { class: 'badge' + (game.status === 'live' ? ' live' : '') }, statusText(game.status)),
        h('div', { 'data-testid': 'period' }, isDone(game.status) ? '' : periodLine),
        isDone(game.status)
          ? null
          : h(
              'div',
              { class: `board-clock${live?.clock.running ? ' running' : ''}`, id: 'clock', 'data-testid': 'clock' },
              clockText(clock),
            ),
      ),
      h(
        'div',
        {},
        h('div', { class: 'board-team' }, teamName(game.awayTeam)),
        h('div', { class: 'board-score', 'data-testid': 'away-score' }, String(score.away)),
      ),
    ),
    live
      ? h(
          'div',
          { class: 'board-facts' },
          h('div', {}, `${t('teamFouls')}: `, fouls('home')),
          h('div', { class: 'right' }, `${t('teamFouls')}: `, fouls('away')),
          h('div', {}, `${t('timeoutsLeft')}: ${live.timeoutsLeft.home}`),
          h('div', { class: 'right' }, `${t('timeoutsLeft')}: ${live.timeoutsLeft.away}`),
        )
      : null,
  );
}

export function byPeriodTable(game) {
  const periods = game.scoreByPeriod ?? [];
  if (periods.length === 0) return null;
  const label = (p) => (/^OT/.test(p.label) ? p.label : `${p.label}`);
  return table(
    [t('team'), ...periods.map(label), t('total')],
    [
      h(
        'tr',
        {},
        h('td', { class: 'name' }, game.homeTeam?.name ?? ''),
        periods.map((p) => h('td', {}, p.home)),
        h('td', {}, h('strong', {}, game.live?.score.home ?? game.homeScore)),
      ),
      h(
        'tr',
        {},
        h('td', { class: 'name' }, game.awayTeam?.name ?? ''),
        periods.map((p) => h('td', {}, p.away)),
        h('td', {}, h('strong', {}, game.live?.score.away ?? game.awayScore)),
      ),
    ],
    { caption: t('byPeriod'), label: t('byPeriod') },
  );
}

/** Newest first. `plays`: PlayEventDto[] (seq, event, inForce, score). */
export function playByPlay(plays, names, limit = 40) {
  const shown = plays.slice(-limit).reverse();
  return h(
    'section',
    { 'aria-labelledby': 'h-plays' },
    h('h2', { id: 'h-plays' }, t('playByPlay')),
    shown.length === 0
      ? h('p', { class: 'muted' }, t('noPlays'))
      : h(
          'ol',
          { class: 'plays', reversed: true, 'data-testid': 'plays' },
          shown.map((p) =>
            h(
              'li',
              {
                class: `${isScoring(p.event) ? 'scoring' : ''}${p.inForce === false ? ' voided' : ''}`,
                'data-seq': p.seq,
              },
              h(
                'span',
                { class: 'when' },
                p.event.period
                  ? `${periodText(null, p.event.period)} ${p.event.gameClock !== undefined ? clockText(p.event.gameClock) : ''}`
                  : `#${p.seq}`,
              ),
              h('span', {}, describePlay(p.event, names), p.inForce === false ? ` (${t('voided')})` : ''),
              h('span', { class: 'after' }, p.score ? `${p.score.home}:${p.score.away}` : ''),
            ),
          ),
        ),
  );
}

const pct = (made, att) => `${made}/${att}`;

/** Seconds on court as mm:ss; a dash where minutes are not tracked. */
const minutes = (seconds) =>
  seconds === null || seconds === undefined
    ? '–'
    : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const plusMinus = (n) => (n === null || n === undefined ? '–' : n > 0 ? `+${n}` : String(n));

export function boxScoreView(box) {
  if (!box) return null;
  return h(
    'section',
    { 'aria-labelledby': 'h-box' },
    h('h2', { id: 'h-box' }, t('boxScore')),
    box.teams.map((team) =>
      table(
        [
          t('jersey'),
          t('player'),
          t('colMin'),
          t('colPts'),
          t('colReb'),
          t('colAst'),
          t('colStl'),
          t('colBlk'),
          t('colTov'),
          t('colPf'),
          t('colFg'),
          t('col3p'),
          t('colFt'),
          t('colEff'),
          t('colPlusMinus'),
        ],
        [
          ...team.players.map((p) =>
            h(
              'tr',
              { class: p.onCourt ? 'oncourt' : '' },
              h('td', {}, String(p.jerseyNumber)),
              h(
                'td',
                { class: 'name' },
                h('a', { href: `/players/${p.playerId}` }, p.name),
                p.onCourt ? h('span', { class: 'sr' }, ` (${t('onCourt')})`) : null,
                p.out
                  ? h('span', { class: 'muted' }, ` · ${t(p.out === 'fouled_out' ? 'fouledOut' : 'disqualified')}`)
                  : null,
              ),
              h('td', {}, minutes(p.secondsPlayed)),
              h('td', {}, p.pts),
              h('td', {}, p.reb),
              h('td', {}, p.ast),
              h('td', {}, p.stl),
              h('td', {}, p.blk),
              h('td', {}, p.tov),
              h('td', {}, p.pf),
              h('td', {}, pct(p.fgm, p.fga)),
              h('td', {}, pct(p.fgm3, p.fga3)),
              h('td', {}, pct(p.ftm, p.fta)),
              h('td', {}, p.eff),
              h('td', {}, plusMinus(p.plusMinus)),
            ),
          ),
          h(
            'tr',
            { class: 'total' },
            h('td', {}, ''),
            h('td', { class: 'name' }, t('total')),
            h('td', {}, ''),
            h('td', {}, team.totals.pts),
            h('td', {}, team.totals.reb),
            h('td', {}, team.totals.ast),
            h('td', {}, team.totals.stl),
            h('td', {}, team.totals.blk),
            h('td', {}, team.totals.tov),
            h('td', {}, team.totals.pf),
            h('td', {}, pct(team.totals.fgm, team.totals.fga)),
            h('td', {}, pct(team.totals.fgm3 ?? 0, team.totals.fga3 ?? 0)),
            h('td', {}, pct(team.totals.ftm, team.totals.fta)),
            h('td', {}, team.totals.eff),
            h('td', {}, ''),
          ),
        ],
        { caption: team.name, label: `${t('boxScore')} ${team.name}` },
      ),
    ),
  );
}

/**
 * Applies a committed delta to the plays list (voids strike their target, replacements
 * rewrite it). Returns false when it does not follow `lastSeq` (a gap: catch up instead).
 */
export function applyDelta(plays, delta) {
  const last = plays.length ? plays[plays.length - 1].seq : null;
  if (last !== null && delta.seq <= last) return true;
  plays.push({
    seq: delta.seq,
    clientEventId: delta.clientEventId,
    event: delta.event,
    recordedAt: delta.recordedAt,
    inForce: true,
    score: delta.game?.score,
  });
  applyCorrection(plays, delta.event);
  return true;
}

export function applyCorrection(plays, event) {
  if (event.type === 'void') {
    const target = plays.find((p) => p.seq === event.targetSeq);
    if (target) {
      target.inForce = !target.inForce;
      if (target.event.type === 'void') applyCorrection(plays, { type: 'void', targetSeq: target.event.targetSeq });
    }
  } else if (event.type === 'replace') {
    const target = plays.find((p) => p.seq === event.targetSeq);
    if (target) target.event = { ...event.replacement };
  }
}
