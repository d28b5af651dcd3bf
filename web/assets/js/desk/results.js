// Results: games under way or done, confirming a final result, and a paper scoresheet entered.
import { getAll } from '../api.js';
import { h, table } from '../dom.js';
import { statusText } from '../format.js';
import { t } from '../i18n.js';
import { paperResultView } from '../desk-paper-result.js';
import { act, call, gameNames, route, say, scoresheetLink } from './context.js';

export async function resultsView() {
  const [games, names] = await Promise.all([getAll(`/api/v1/tournaments/${route.tournamentId}/games`), gameNames()]);
  const shown = games.filter((g) => g.status !== 'scheduled');
  const list = table(
    [t('games'), t('points'), t('status_live'), ''],
    shown.map((g) =>
      h(
        'tr',
        {},
        h('td', { class: 'name' }, h('a', { href: `/g/${g.id}` }, names.title(g))),
        h('td', {}, `${g.homeScore}:${g.awayScore}`),
        h('td', {}, statusText(g.status)),
        h(
          'td',
          {},
          g.status === 'final'
            ? h(
                'button',
                {
                  type: 'button',
                  onclick: () => act(() => call('POST', `/api/v1/games/${g.id}/transitions`, { to: 'official' })),
                },
                t('confirmResult'),
              )
            : '',
          ' ',
          scoresheetLink(g.id, names.title(g)),
        ),
      ),
    ),
    { caption: t('tabResults'), label: t('tabResults') },
  );
  return h(
    'div',
    {},
    list,
    paperResultView({ games, call, done: (text) => say(text), name: (g) => names.game(g.competitionKey) }),
  );
}
