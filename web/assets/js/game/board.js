// The fan's scoreboard, pinned to the top of the screen while the page scrolls: teams in their
// colours, the score, and the period with the running clock, or, once the game is over, the final
// ("终场", "加时后终场") and who won. Fouls and time-outs are shown only while they matter.
import { h } from '../dom.js';
import { clockNow, clockText, isDone, periodText, statusText } from '../format.js';
import { t } from '../i18n.js';
import { sidesOf } from './plays.js';

const wentToOvertime = (game) =>
  (game.scoreByPeriod ?? []).some((p) => /^OT/.test(p.label)) || /^OT/.test(game.live?.period?.label ?? '');

/** "终场" / "加时后终场" (or the forfeit's words) for a finished game, else null. */
export function finalText(game) {
  if (game.status === 'forfeit') return t('gForfeit');
  if (game.status === 'lost_by_default') return t('gLostByDefault');
  if (!isDone(game.status)) return null;
  return t(wentToOvertime(game) ? 'gFinalOt' : 'gFinal');
}

/** The period as fans say it: "第4节", "加时1", "第2节 · 节间休息". */
export function periodLine(live) {
  if (!live || !live.period.current) return t('notStarted');
  const p = periodText(live.period.label, live.period.current);
  return live.period.status === 'ended' ? `${p} · ${t('periodBreak')}` : p;
}

export function fanScoreboard(game, clockSince = 0) {
  const live = game.live;
  const done = isDone(game.status);
  const score =
    live && !done ? live.score : { home: game.homeScore ?? live?.score.home, away: game.awayScore ?? live?.score.away };
  const sides = sidesOf(game);
  const final = finalText(game);
  const winner = done && score.home !== score.away ? (score.home > score.away ? 'home' : 'away') : null;
  const team = (key) => {
    const side = sides[key];
    return h(
      'div',
      {
        class: `sb-team${winner === key ? ' won' : ''}${winner && winner !== key ? ' lost' : ''}`,
        style: side ? `--team:${side.color}` : null,
      },
      h(
        'div',
        { class: 'sb-name' },
        h('i', { class: 'pbp-dot', 'aria-hidden': 'true' }),
        side ? h('a', { href: `/teams/${side.id}` }, side.short) : t('tbd'),
      ),
      h('div', { class: 'sb-score', 'data-testid': `${key}-score` }, score[key] ?? 0),
      winner === key ? h('span', { class: 'sb-won' }, t('gWinner')) : null,
    );
  };
  const fouls = (key) => {
    const f = live?.teamFouls?.[key];
    if (!f) return '–';
    return f.inPenalty ? [String(f.current), ' ', h('span', { class: 'penalty' }, t('penalty'))] : String(f.current);
  };
  return h(
    'section',
    { class: `sb${done ? ' sb-done' : ''}`, 'aria-label': t('sameAsFans'), 'data-testid': 'scoreboard' },
    h(
      'div',
      { class: 'sb-row' },
      team('home'),
      h(
        'div',
        { class: 'sb-mid' },
        final
          ? h('div', { class: 'sb-final', 'data-testid': 'final' }, final)
          : [
              h('div', { class: 'badge' + (game.status === 'live' ? ' live' : '') }, statusText(game.status)),
              h('div', { class: 'sb-period', 'data-testid': 'period' }, periodLine(live)),
              h(
                'div',
                { class: `sb-clock${live?.clock.running ? ' running' : ''}`, id: 'clock', 'data-testid': 'clock' },
                clockText(live ? clockNow(live.clock, clockSince) : null),
              ),
            ],
      ),
      team('away'),
    ),
    live && !done
      ? h(
          'div',
          { class: 'sb-facts' },
          h('span', {}, `${t('teamFouls')} `, fouls('home'), ` · ${t('timeoutsLeft')} ${live.timeoutsLeft.home}`),
          h('span', {}, `${t('teamFouls')} `, fouls('away'), ` · ${t('timeoutsLeft')} ${live.timeoutsLeft.away}`),
        )
      : null,
  );
}
