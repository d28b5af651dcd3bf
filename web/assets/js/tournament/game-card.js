// A game as a fan's card: both teams (or where they come from: "A组第1", "半决赛1胜者"), the score
// or the time, and for a live game its period and running clock. Shared by the tournament, team
// and home pages; the game page itself belongs to another module.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { clockNow, clockText, isDone, isLiveStatus, periodText, statusText, whenText } from '../format.js';
import { ft } from './strings.js';

/**
 * @typedef {{ id: string, status: string, homeTeam: { id: string, name: string } | null, awayTeam: { id: string, name: string } | null, homeScore: number, awayScore: number, scheduledAt: string | null, court: string | null, competitionKey: string | null, tournament?: { id: string, name: string } }} GameItem
 * @typedef {{ period: { current: number, label: string | null } | null, clock: { running: boolean, remaining: number | null, asOf: string | null } | null }} LiveLine
 * @typedef {{ side: (key: string | null, side: 'home' | 'away') => string, game: (key: string | null) => string | null }} Namer
 */

/** "第2节 7:13" for a live game; the clock text is kept current by tickClocks(). */
export function liveStateText(line) {
  if (!line?.period) return '';
  const period = periodText(line.period.label, line.period.current);
  const clock = clockNow(line.clock, 0);
  return clock === null ? period : `${period} ${clockText(clock)}`;
}

/**
 * @param {GameItem} game
 * @param {{ namer?: Namer | null, live?: LiveLine | null, teamId?: string }} [options]
 */
export function gameCard(game, options = {}) {
  const live = isLiveStatus(game.status);
  const done = isDone(game.status);
  const name = (team, side) => (team ? team.name : (options.namer?.side(game.competitionKey, side) ?? t('tbd')));
  const stage = options.namer?.game(game.competitionKey) ?? null;
  const homeWon = done && game.homeScore > game.awayScore;
  const awayWon = done && game.awayScore > game.homeScore;
  const own = options.teamId;
  const result =
    own && done && (game.homeTeam?.id === own || game.awayTeam?.id === own)
      ? (game.homeTeam?.id === own) === homeWon
        ? h('span', { class: 'wl won' }, ft('won'))
        : h('span', { class: 'wl lost' }, ft('lost'))
      : null;
  return h(
    'a',
    { class: `game-row fan-game${live ? ' is-live' : ''}`, href: `/g/${game.id}`, 'data-game': game.id },
    h(
      'span',
      { class: `side-home${homeWon ? ' winner' : ''}${game.homeTeam ? '' : ' pending'}` },
      name(game.homeTeam, 'home'),
    ),
    h(
      'span',
      { class: 'mid' },
      live || done
        ? h('span', { class: 'score', 'data-score': game.id }, `${game.homeScore}:${game.awayScore}`)
        : h('span', {}, t('vs')),
      h('br'),
      result,
      h('span', { class: live ? 'badge live' : done ? 'badge done' : 'badge' }, statusText(game.status)),
      live && options.live?.period
        ? h('span', { class: 'live-state', 'data-live-state': game.id }, liveStateText(options.live))
        : null,
    ),
    h(
      'span',
      { class: `side-away${awayWon ? ' winner' : ''}${game.awayTeam ? '' : ' pending'}` },
      name(game.awayTeam, 'away'),
    ),
    h(
      'span',
      { class: 'meta' },
      [game.tournament?.name, stage, game.scheduledAt ? whenText(game.scheduledAt) : null, game.court]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/** @param {GameItem[]} games @param {string} empty @param {Parameters<typeof gameCard>[1] & { lines?: Map<string, LiveLine> }} [options] */
export function gameCards(games, empty, options = {}) {
  if (games.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'ul',
    { class: 'list' },
    games.map((g) => h('li', {}, gameCard(g, { ...options, live: options.lines?.get(g.id) ?? null }))),
  );
}

/** Keeps every running clock on the page moving (once a second) between score lines. */
export function tickClocks(lines) {
  return setInterval(() => {
    for (const el of document.querySelectorAll('[data-live-state]')) {
      const line = lines.get(el.getAttribute('data-live-state'));
      if (line?.clock?.running) el.textContent = liveStateText(line);
    }
  }, 1000);
}
