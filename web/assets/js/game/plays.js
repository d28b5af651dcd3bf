// The fan's play-by-play: one row per thing that happened on court, saying which team (colour and
// short name), who, what, and the score after it (set apart from the clock). Corrections rewrite
// the row they correct (an assist added later reads as one line with its basket); an undone play
// disappears with its undo, and clock starts/stops stay hidden unless asked for.
import { h } from '../dom.js';
import { clockText, describePlay, isScoring, periodText } from '../format.js';
import { t } from '../i18n.js';

const NOISE = new Set(['clock_start', 'clock_stop']);
const CORRECTIONS = new Set(['void', 'replace']);
const DEFAULT_COLORS = { home: '#1e4fa0', away: '#a8201a' };

/** The two teams as rows show them: side, name, short name, colour. */
export function sidesOf(game) {
  const side = (team, key) =>
    team
      ? {
          side: key,
          id: team.id,
          name: team.name,
          short: team.shortName || team.name,
          color: /^#[0-9a-f]{6}$/i.test(team.primaryColor ?? '') ? team.primaryColor : DEFAULT_COLORS[key],
        }
      : null;
  return { home: side(game.homeTeam, 'home'), away: side(game.awayTeam, 'away') };
}

/**
 * The score after each play, corrected: a void or replace that changed the score (the difference
 * between its score and the play before it) is added to the plays from its target up to it, so
 * the rows between do not keep a basket that was taken back.
 */
function correctedScores(plays) {
  const scores = new Map(plays.map((p) => [p.seq, p.score ? { ...p.score } : null]));
  plays.forEach((p, i) => {
    if (!CORRECTIONS.has(p.event.type) || !p.score) return;
    const prev = plays[i - 1];
    if (!prev?.score || prev.seq !== p.seq - 1) return;
    const d = { home: p.score.home - prev.score.home, away: p.score.away - prev.score.away };
    if (!d.home && !d.away) return;
    for (const q of plays) {
      const s = scores.get(q.seq);
      if (s && q.seq >= p.event.targetSeq && q.seq < p.seq) {
        s.home += d.home;
        s.away += d.away;
      }
    }
  });
  return scores;
}

/**
 * Rows to show, newest first. `plays`: the feed's list (seq, event, inForce, score; corrections
 * already applied to their targets). `filter`: 'all' | 'scoring' | 'home' | 'away'.
 */
export function playRows(plays, game, names, { filter = 'all', showNoise = false } = {}) {
  const sides = sidesOf(game);
  const sideOf = (teamId) =>
    teamId && sides.home?.id === teamId ? sides.home : teamId && sides.away?.id === teamId ? sides.away : null;
  // A replaced play reads as its replacement (the log keeps what was first recorded).
  const replacements = new Map();
  for (const p of plays)
    if (p.event.type === 'replace' && p.inForce !== false) replacements.set(p.event.targetSeq, p.event.replacement);
  const corrected = new Set(replacements.keys());
  const scores = correctedScores(plays);
  const rows = [];
  let period = null;
  for (const p of plays) {
    const recorded = p.event;
    const e = replacements.has(p.seq)
      ? { period: recorded.period, gameClock: recorded.gameClock, ...replacements.get(p.seq) }
      : recorded;
    if (e.period) period = e.period;
    if (e.type === 'replace') continue;
    const noise = NOISE.has(e.type) || e.type === 'void' || p.inForce === false;
    if (noise && !showNoise) continue;
    if (e.type === 'period_start' || e.type === 'period_end') {
      rows.push({ seq: p.seq, kind: 'period', text: describePlay(e, names) });
      continue;
    }
    const team = sideOf(e.teamId ?? (e.playerId ? names.players.get(e.playerId)?.teamId : null));
    const scoring = p.inForce !== false && isScoring(e);
    if (filter === 'scoring' && !scoring) continue;
    if ((filter === 'home' || filter === 'away') && team?.side !== filter) continue;
    rows.push({
      seq: p.seq,
      kind: 'play',
      period,
      clock: e.gameClock,
      team,
      text: describePlay(e, names),
      score: scores.get(p.seq),
      scoring,
      voided: p.inForce === false,
      corrected: corrected.has(p.seq),
      noise,
    });
  }
  // Period markers only between plays that are shown.
  const shown = rows.filter((r, i) => r.kind === 'play' || rows.slice(i + 1).some((n) => n.kind === 'play'));
  return shown.reverse();
}

function row(r) {
  if (r.kind === 'period') return h('li', { class: 'pbp-period', 'data-seq': r.seq }, r.text);
  const scoredBy = r.scoring ? r.team?.side : null;
  return h(
    'li',
    {
      class: `pbp-row${r.scoring ? ' scoring' : ''}${r.voided ? ' voided' : ''}${r.noise ? ' noise' : ''}`,
      'data-seq': r.seq,
      'data-side': r.team?.side ?? null,
      style: r.team ? `--team:${r.team.color}` : null,
    },
    h(
      'span',
      { class: 'pbp-time' },
      r.period ? h('span', {}, periodText(null, r.period)) : null,
      r.clock !== undefined && r.clock !== null ? h('span', {}, clockText(r.clock)) : null,
    ),
    h(
      'span',
      { class: 'pbp-what' },
      r.team
        ? h(
            'span',
            { class: 'pbp-team', 'data-testid': 'play-team', title: r.team.name },
            h('i', { class: 'pbp-dot', 'aria-hidden': 'true' }),
            r.team.short,
          )
        : null,
      h('span', { class: 'pbp-text' }, r.text),
      r.corrected ? h('span', { class: 'pbp-tag' }, t('gCorrected')) : null,
      r.voided ? h('span', { class: 'pbp-tag' }, t('voided')) : null,
    ),
    r.score
      ? h(
          'span',
          {
            class: 'pbp-score',
            'data-testid': 'play-score',
            'aria-label': t('gScoreAfter', { home: r.score.home, away: r.score.away }),
          },
          h('span', { class: scoredBy === 'home' ? 'up' : null }, String(r.score.home)),
          h('span', { class: 'pbp-dash', 'aria-hidden': 'true' }, '-'),
          h('span', { class: scoredBy === 'away' ? 'up' : null }, String(r.score.away)),
        )
      : h('span', {}),
  );
}

/**
 * The section with its filters. `state`: { filter, showNoise } kept by the page across redraws;
 * `onChange` redraws after a filter changes.
 */
export function playByPlaySection(plays, game, names, state, onChange) {
  const sides = sidesOf(game);
  const rows = playRows(plays, game, names, state);
  const choice = (key, label, team) =>
    h(
      'button',
      {
        type: 'button',
        class: `chip${state.filter === key ? ' on' : ''}`,
        'aria-pressed': state.filter === key ? 'true' : 'false',
        style: team ? `--team:${team.color}` : null,
        onclick: () => {
          state.filter = key;
          onChange();
        },
      },
      team ? h('i', { class: 'pbp-dot', 'aria-hidden': 'true' }) : null,
      label,
    );
  return h(
    'section',
    { 'aria-labelledby': 'h-plays', class: 'pbp' },
    h('h2', { id: 'h-plays' }, t('playByPlay')),
    h(
      'div',
      { class: 'pbp-filters', role: 'group', 'aria-label': t('gFilterLabel') },
      choice('all', t('gFilterAll')),
      choice('scoring', t('gFilterScoring')),
      sides.home ? choice('home', sides.home.short, sides.home) : null,
      sides.away ? choice('away', sides.away.short, sides.away) : null,
      h(
        'label',
        { class: 'pbp-noise' },
        h('input', {
          type: 'checkbox',
          checked: state.showNoise,
          onchange: (e) => {
            state.showNoise = e.target.checked;
            onChange();
          },
        }),
        ` ${t('gShowNoise')}`,
      ),
    ),
    plays.length === 0
      ? h('p', { class: 'muted' }, t('noPlays'))
      : rows.length === 0
        ? h('p', { class: 'muted' }, t('gNoMatch'))
        : h('ol', { class: 'pbp-list', 'data-testid': 'plays' }, rows.map(row)),
  );
}
