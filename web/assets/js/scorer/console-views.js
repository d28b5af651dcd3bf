// The scorer's console as the table sees it. One screen ("stage", laid out by app.css under
// .console for portrait phones, landscape phones and tablets): the scoreboard with the clock and
// its button, the line that says what the console expects next, each team's five on court (or its
// bench), and the action pad. Below it, one scroll away: the outbox, rarely used controls and the
// play-by-play. Views only read the state and call `a` (console.js's actions).
import { byId, fill, h } from '../dom.js';
import { clockText, describePlay, isDone, periodText } from '../format.js';
import { namesOf, playByPlay } from '../gameview.js';
import { currentLang, has, setLang, t } from '../i18n.js';
import { court, localClock, playerName, projectedPeriod, shownPlayers, teamOf } from './console.js';
import { KEYS, keyLabel, PLAYER_KEYS } from './keys.js';
import { pendingEffect } from './pending.js';

const PAD = [
  ['made1', 'score'],
  ['made2', 'score'],
  ['made3', 'score'],
  ['miss1', 'miss'],
  ['miss2', 'miss'],
  ['miss3', 'miss'],
  ['oreb', ''],
  ['dreb', ''],
  ['assist', ''],
  ['steal', ''],
  ['block', ''],
  ['turnover', ''],
  ['foul', 'foul'],
];

const shortcut = (name) => keyLabel(KEYS[name]);
const sides = (g) =>
  /** @type {const} */ ([
    ['home', g.homeTeam],
    ['away', g.awayTeam],
  ]);
const names = (c) => namesOf(c.s.game, Object.values(c.rosters));

export function renderConsole(c, a) {
  const g = c.s.game;
  const root = byId('sk');
  const playing = !isDone(g.status) && g.status !== 'scheduled';
  document.body.classList.toggle('console-open', playing);
  if (g.status === 'scheduled') return fill(root, startersView(c, a));
  if (!playing) return fill(root, h('p', {}, h('a', { href: `/g/${c.gameId}` }, t('fanPage'))));
  fill(
    root,
    h(
      'div',
      { class: 'console', 'data-testid': 'console' },
      board(c, a),
      statusLine(c, a),
      sides(g).map(([side, team]) => teamColumn(c, a, side, team)),
      pad(c, a),
      overlay(c, a),
    ),
    more(c, a),
  );
}

// ---------- the scoreboard ----------

function board(c, a) {
  const g = c.s.game;
  const live = g.live;
  const pending = pendingEffect(g, c.s.plays, c.outbox.items);
  const penaltyFrom = c.tournament.rules?.teamFoulPenaltyFrom ?? 5;
  const side = (s, team) => {
    const extra = pending.points[s];
    const fouls = (pending.newPeriod ? 0 : (live?.teamFouls?.[s]?.current ?? 0)) + pending.fouls[s];
    const inPenalty = fouls >= penaltyFrom - 1;
    const timeouts = (live?.timeoutsLeft?.[s] ?? 0) - pending.timeouts[s];
    return h(
      'div',
      { class: `c-side c-${s}` },
      h('div', { class: 'c-name' }, team.name),
      h(
        'div',
        { class: 'c-score', 'data-testid': `console-${s}-score` },
        String((live?.score[s] ?? 0) + extra),
        extra ? h('small', { class: 'c-pending' }, ` (${extra > 0 ? '+' : ''}${extra} ${t('skPendingMark')})`) : null,
      ),
      h(
        'div',
        { class: 'c-facts' },
        h('span', { 'data-testid': `console-${s}-fouls` }, t('skFouls', { n: fouls })),
        inPenalty ? h('span', { class: 'c-penalty' }, t('penalty')) : null,
        h('span', { 'data-testid': `console-${s}-timeouts` }, t('skTimeoutsLeft', { n: timeouts })),
      ),
    );
  };
  const period = projectedPeriod();
  const label = period.current
    ? `${periodText(null, period.current)}${period.status === 'ended' ? ` · ${t('periodBreak')}` : ''}`
    : t('notStarted');
  return h(
    'section',
    { class: 'c-board', 'aria-label': t('skBoard') },
    side('home', g.homeTeam),
    h(
      'div',
      { class: 'c-mid' },
      h('div', { class: 'c-period', 'data-testid': 'console-period' }, label),
      h(
        'div',
        { class: `c-clock${c.clock.running ? ' running' : ''}`, id: 'sk-clock', 'data-testid': 'console-clock' },
        clockText(localClock()),
      ),
      clockButton(c, a),
    ),
    side('away', g.awayTeam),
  );
}

/** The one button the clock needs now: start/stop, start the next period, end it at 0:00, end the game. */
function clockButton(c, a) {
  const period = projectedPeriod();
  const live = c.s.game.live;
  const button = (text, onclick, cls = '') =>
    h(
      'button',
      {
        type: 'button',
        class: `c-clock-btn ${cls}`,
        'data-testid': 'clock-button',
        'aria-keyshortcuts': 'Space',
        onclick,
      },
      text,
    );
  if (period.status === 'in_progress') {
    if (!c.clock.running && localClock() === 0) return button(t('endPeriod'), a.endPeriod, 'secondary');
    return c.clock.running ? button(t('clockStop'), a.clockToggle, 'stop') : button(t('clockStart'), a.clockToggle);
  }
  if (live?.gameOver && c.outbox.size === 0) return button(t('endGame'), a.endGame, 'danger');
  return button(t('startPeriod'), a.startPeriod);
}

// ---------- what the console expects next ----------

function hint(c) {
  const p = c.prompt;
  if (c.message) return c.message;
  if (p?.kind === 'rebound') return t('skPromptRebound');
  if (p?.kind === 'assist') return t('skPromptAssist', { name: playerName(p.shooterId) });
  if (p?.kind === 'subOut') return t('subPickOut');
  if (p?.kind === 'subIn') return t('subPickIn', { name: playerName(p.outId) });
  if (p?.kind === 'subFor') return t('skPromptSubFor', { name: playerName(p.playerId) });
  if (c.selected && !court()[teamOf(c.selected)]?.has(c.selected))
    return t('skSelectedBench', { name: playerName(c.selected) });
  if (c.selected) return t('selected', { name: playerName(c.selected) });
  return t('selectPlayer');
}

function statusLine(c, a) {
  const p = c.prompt;
  const g = c.s.game;
  const small = (text, onclick, label) =>
    h('button', { type: 'button', class: 'secondary', onclick, 'aria-label': label ?? null }, text);
  const choices =
    p?.kind === 'rebound'
      ? [
          ...sides(g).map(([side, team]) =>
            small(
              t(side === 'home' ? 'skTeamReboundHome' : 'skTeamReboundAway'),
              () => a.teamRebound(team.id),
              `${team.name} ${t('skTeamRebound')}`,
            ),
          ),
          small(t('skSkip'), a.skip),
        ]
      : p?.kind === 'assist'
        ? [small(t('skNoAssist'), a.skip)]
        : p
          ? [small(t('cancel'), a.toggleSubstitution)]
          : [];
  const n = c.outbox.size;
  return h(
    'div',
    { class: 'c-status' },
    h('p', { class: `c-hint${c.message ? ' c-error' : ''}`, role: 'status', 'data-testid': 'hint' }, hint(c)),
    choices,
    h(
      'span',
      {
        class: `c-send${n ? ' pending' : ''}${c.offline || c.serverDown ? ' offline' : ''}`,
        'data-testid': 'send-state',
      },
      c.offline ? t('skOfflineShort') : c.serverDown ? t('skServerDownShort') : '',
      n ? ` ${t('skWaiting', { n })}` : '',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary c-help-btn',
        'aria-label': t('skKeysHelp'),
        'aria-keyshortcuts': '?',
        'aria-expanded': String(c.help),
        onclick: a.toggleHelp,
      },
      '?',
    ),
  );
}

// ---------- the teams ----------

function teamColumn(c, a, side, team) {
  const bench = c.bench[team.id];
  const five = court()[team.id];
  const lines = new Map((c.s.box?.teams.find((x) => x.teamId === team.id)?.players ?? []).map((p) => [p.playerId, p]));
  const shown = shownPlayers(team.id);
  return h(
    'section',
    { class: `c-team c-${side}`, 'aria-label': team.name },
    h(
      'div',
      { class: 'c-team-head' },
      h('span', { class: 'c-team-name' }, team.name),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': `timeout-${side}`,
          'aria-label': `${team.name} ${t('timeout')}`,
          'aria-keyshortcuts': shortcut(side === 'home' ? 'timeoutHome' : 'timeoutAway'),
          onclick: () => a.timeout(team.id),
        },
        t('timeout'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': `bench-${side}`,
          'aria-pressed': String(bench),
          'aria-label': `${team.name} ${t('skBench')}`,
          'aria-keyshortcuts': shortcut(side === 'home' ? 'benchHome' : 'benchAway'),
          onclick: () => a.toggleBench(team.id),
        },
        t('skBench'),
      ),
    ),
    h(
      'div',
      { class: `c-players${bench ? ' bench' : ''}`, 'data-testid': `players-${side}` },
      shown.length === 0 ? h('p', { class: 'muted' }, t('skNobody')) : null,
      shown.map((p, i) =>
        playerButton(c, a, p, team.id, five.has(p.id), lines.get(p.id), PLAYER_KEYS[side][i] ?? null),
      ),
    ),
  );
}

function playerButton(c, a, p, teamId, onCourt, line, key) {
  const p2 = c.prompt;
  const pressed = c.selected === p.id || (p2?.kind === 'subIn' && p2.outId === p.id);
  return h(
    'button',
    {
      type: 'button',
      class: `pbtn${onCourt ? ' oncourt' : ''}${line?.out ? ' out' : ''}`,
      'aria-pressed': String(pressed),
      'aria-label': `#${p.jerseyNumber} ${p.name}${onCourt ? ` (${t('onCourt')})` : ''}`,
      'aria-keyshortcuts': key,
      onclick: () => a.tapPlayer(p.id, teamId),
    },
    h('span', { class: 'num' }, String(p.jerseyNumber)),
    h('span', { class: 'pname' }, p.name),
    line?.pf ? h('span', { class: 'pf', 'aria-hidden': 'true' }, t('skPersonalFouls', { n: line.pf })) : null,
  );
}

// ---------- the pad ----------

function pad(c, a) {
  const none = !c.selected;
  const subbing = c.prompt && ['subOut', 'subIn', 'subFor'].includes(c.prompt.kind);
  const button = (name, cls, onclick, disabled, label = t(name)) =>
    h(
      'button',
      {
        type: 'button',
        class: cls,
        disabled,
        'data-action': name,
        'aria-label': label,
        'aria-keyshortcuts': shortcut(name),
        onclick,
      },
      label === t(name) && has(`skPad_${name}`) ? t(`skPad_${name}`) : label,
    );
  return h(
    'section',
    { class: 'c-pad', 'aria-label': t('skPad') },
    PAD.map(([name, cls]) => button(name, cls, () => a.playerAction(name), none)),
    button('substitution', 'secondary', a.toggleSubstitution, false, subbing ? t('cancel') : t('substitution')),
    button('undo', 'danger', a.undo, false),
  );
}

// ---------- over the stage: conflict, refusal, help ----------

function overlay(c, a) {
  const inner = c.conflict ? conflictView(c, a) : c.refused ? refusedView(c, a) : c.help ? helpView(a) : null;
  return inner ? h('div', { class: 'c-overlay' }, inner) : null;
}

const itemLabel = (c, item) =>
  item.kind === 'undo'
    ? t('undo')
    : item.kind === 'assist'
      ? `${t('assist')}: ${playerName(item.playerId)}`
      : describePlay(item.event, names(c));

function conflictView(c, a) {
  const n = c.outbox.size;
  return h(
    'section',
    { class: 'conflict', role: 'alert', 'data-testid': 'conflict' },
    h('h2', {}, t('conflictTitle')),
    h('p', {}, t('conflictMissed', { n: c.conflict.missed.length })),
    h(
      'ol',
      {},
      c.conflict.missed.map((m) => h('li', {}, `#${m.seq} `, describePlay(m.event, names(c)))),
    ),
    h('p', {}, t('conflictMine', { n })),
    h(
      'ol',
      {},
      c.outbox.items.map((i) => h('li', {}, itemLabel(c, i))),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: a.rebaseConflict }, t('conflictRebase')),
      h(
        'button',
        { type: 'button', class: 'danger', onclick: a.discardConflict },
        c.discardArmed ? t('conflictDiscardConfirm', { n }) : t('conflictDiscard'),
      ),
    ),
  );
}

function refusedView(c, a) {
  const { item, notOnCourt } = c.refused;
  const offer = notOnCourt
    ? h(
        'div',
        {},
        h('p', {}, t('skSubForRefused', { name: playerName(notOnCourt.playerId) })),
        h(
          'div',
          { class: 'c-refused-five' },
          [...court()[notOnCourt.teamId]]
            .filter((id) => id !== notOnCourt.playerId)
            .map((id) =>
              h(
                'button',
                { type: 'button', class: 'pbtn oncourt', onclick: () => a.substituteForRefused(id) },
                t('skOutFor', { name: playerName(id) }),
              ),
            ),
        ),
      )
    : null;
  return h(
    'section',
    { class: 'conflict', role: 'alert', 'data-testid': 'refused' },
    h('p', {}, t('refused', { action: itemLabel(c, item), message: c.refused.text })),
    offer,
    c.refused.login
      ? h('button', { type: 'button', onclick: a.login }, t('login'))
      : h(
          'div',
          { class: 'row' },
          notOnCourt ? null : h('button', { type: 'button', onclick: a.retryRefused }, t('refusedRetry')),
          h('button', { type: 'button', class: 'danger', onclick: a.dropRefused }, t('refusedDrop')),
        ),
  );
}

function helpView(a) {
  const row = (keys, what) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, keys)), h('td', {}, what));
  return h(
    'section',
    { class: 'c-help', 'aria-labelledby': 'h-keys' },
    h('h2', { id: 'h-keys' }, t('skKeysHelp')),
    h(
      'table',
      { class: 'grid' },
      h(
        'tbody',
        {},
        row('1–5 / 6–0', t('skKeysPlayers')),
        [...PAD.map(([name]) => name), 'substitution', 'undo'].map((name) => row(shortcut(name), t(name))),
        row('Ctrl+Z', t('undo')),
        row(shortcut('clock'), `${t('clockStart')} / ${t('clockStop')} / ${t('startPeriod')}`),
        row(`${shortcut('timeoutHome')} ${shortcut('timeoutAway')}`, `${t('timeout')} (${t('home')} / ${t('away')})`),
        row(`${shortcut('benchHome')} ${shortcut('benchAway')}`, `${t('skBench')} (${t('home')} / ${t('away')})`),
        row('Esc', t('skSkip')),
        row('?', t('skKeysHelp')),
      ),
    ),
    h('button', { type: 'button', onclick: a.toggleHelp }, t('done')),
  );
}

// ---------- one scroll away ----------

function more(c, a) {
  const n = c.outbox.size;
  const period = projectedPeriod();
  const inPeriod = period.status === 'in_progress';
  return h(
    'section',
    { class: 'c-more', 'aria-label': t('skMore') },
    h(
      'div',
      { class: n ? 'queue pending' : 'queue', role: 'status', 'aria-live': 'polite', 'data-testid': 'outbox' },
      n === 0
        ? t('allSent')
        : `${t('queued', { n })}${c.offline ? ` · ${t('offline')}` : c.serverDown ? ` · ${t('serverDown')}` : ''}`,
      n
        ? h(
            'ol',
            {},
            c.outbox.items.map((i) => h('li', {}, itemLabel(c, i))),
          )
        : null,
    ),
    h(
      'div',
      { class: 'row' },
      inPeriod && !(localClock() === 0 && !c.clock.running)
        ? h('button', { type: 'button', class: 'secondary', onclick: a.endPeriod }, t('endPeriod'))
        : null,
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, t('skNextFoulKind')),
        h(
          'select',
          { onchange: (e) => a.setFoulKind(e.target.value) },
          ['personal', 'technical', 'unsportsmanlike', 'disqualifying'].map((k) =>
            h('option', { value: k, selected: c.foulKind === k }, t(`foul_${k}`)),
          ),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          lang: currentLang() === 'zh' ? 'en' : 'zh-CN',
          'aria-label': t('switchLangLabel'),
          onclick: () => setLang(currentLang() === 'zh' ? 'en' : 'zh'),
        },
        t('switchLang'),
      ),
    ),
    playByPlay(c.s.plays, names(c), 15),
    h(
      'p',
      {},
      h('a', { href: `/g/${c.gameId}` }, t('fanPage')),
      ' · ',
      h('a', { href: '/score', onclick: (e) => (e.preventDefault(), a.leave()) }, t('pickGame')),
    ),
  );
}

// ---------- before the game: the starting fives (this view may scroll) ----------

function startersView(c, a) {
  const g = c.s.game;
  const panel = (team) =>
    h(
      'section',
      { class: 'card', 'aria-label': team.name },
      h('h2', {}, team.name, ` (${c.starters[team.id].size}/5)`),
      h(
        'div',
        { class: 'roster-grid' },
        c.rosters[team.id].map((p) =>
          h(
            'button',
            {
              type: 'button',
              class: 'pbtn',
              'aria-pressed': String(c.starters[team.id].has(p.id)),
              'aria-label': `#${p.jerseyNumber} ${p.name}`,
              onclick: () => a.tapPlayer(p.id, team.id),
            },
            h('span', { class: 'num' }, String(p.jerseyNumber)),
            h('span', { class: 'pname' }, p.name),
          ),
        ),
      ),
    );
  return [
    h('h1', {}, `${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name}`),
    c.message ? h('p', { class: 'error', role: 'alert' }, c.message) : null,
    h('p', {}, t('pickStarters')),
    h('div', { class: 'two-col' }, panel(g.homeTeam), panel(g.awayTeam)),
    h(
      'button',
      {
        type: 'button',
        disabled: c.starters[g.homeTeam.id].size !== 5 || c.starters[g.awayTeam.id].size !== 5,
        onclick: a.markReady,
      },
      t('markReady'),
    ),
  ];
}
