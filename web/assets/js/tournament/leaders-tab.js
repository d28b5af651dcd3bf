// The leaders tab: each board's top ten, counting games in progress so a basket shows at once.
import { getOptional } from '../api.js';
import { h, table } from '../dom.js';
import { t } from '../i18n.js';
import { label2, teamLink } from './common.js';

/** @type {import('./common.js').TournamentTab} */
export const leadersTab = {
  topics: ['leaders'],
  readsOnPlay: true,
  firstReadWithoutLive: true,
  // The first read is the one the server sends inside the page (decided games); every later read,
  // right after the page is up when a game is live, counts the games in progress.
  load: (ctx, first) => getOptional(`/api/v1/tournaments/${ctx.tournamentId}/leaders${first ? '' : '?live=true'}`),
  view(_ctx, leaders) {
    const boards = (leaders?.boards ?? []).filter((b) => b.entries.length > 0);
    if (boards.length === 0) return h('p', { class: 'muted' }, t('leadersSoon'));
    return h(
      'div',
      { class: 'two-col' },
      boards.map((b) => {
        const caption = `${label2(b.labelZh, b.labelEn)}${b.basis === 'per_game' ? ` (${t('perGame')})` : ''}`;
        return table(
          [t('rank'), t('player'), t('team'), t('value')],
          b.entries
            .slice(0, 10)
            .map((e) =>
              h(
                'tr',
                { 'data-player': e.player.id },
                h('td', {}, e.tied ? `${e.rank}=` : String(e.rank)),
                h(
                  'td',
                  { class: 'name' },
                  h(
                    'a',
                    { href: `/players/${e.player.id}` },
                    e.player.jerseyNumber !== null ? `#${e.player.jerseyNumber} ${e.player.name}` : e.player.name,
                  ),
                ),
                h('td', { class: 'name' }, teamLink(e.team)),
                h('td', { 'data-value': b.category }, e.display ?? String(e.value)),
              ),
            ),
          { caption, label: caption, class: 'grid pinned' },
        );
      }),
    );
  },
};
