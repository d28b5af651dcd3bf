// The games tab: live now (with period and clock), today, results, upcoming.
import { h } from '../dom.js';
import { isDone, isLiveStatus, todayLocal } from '../format.js';
import { t } from '../i18n.js';
import { gameCards } from './game-card.js';

/** @type {import('./common.js').TournamentTab} */
export const gamesTab = {
  topics: ['games', 'schedule'],
  load: async () => null,
  view(ctx) {
    const today = todayLocal();
    const games = ctx.games;
    const isToday = (g) => g.scheduledAt?.startsWith(today);
    const live = games.filter((g) => isLiveStatus(g.status));
    const todays = games.filter((g) => !isLiveStatus(g.status) && isToday(g));
    const results = games.filter((g) => isDone(g.status) && !isToday(g)).reverse();
    const upcoming = games.filter((g) => (g.status === 'scheduled' || g.status === 'postponed') && !isToday(g));
    const options = { namer: ctx.namer, lines: ctx.lines };
    const section = (id, title, list, empty) =>
      h('section', { 'aria-labelledby': id }, h('h2', { id }, title), gameCards(list, empty, options));
    return h(
      'div',
      {},
      section('h-live', t('liveNow'), live, t('noGames')),
      section('h-today', t('today'), todays, t('noGamesToday')),
      section('h-results', t('results'), results, t('noGames')),
      section('h-upcoming', t('upcoming'), upcoming, t('noGames')),
    );
  },
};
