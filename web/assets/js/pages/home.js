// Start page: every tournament, newest first.
import { getAll } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle } from '../layout.js';

let tournaments = null;

page(async () => {
  renderTop();
  setTitle(t('tournaments'));
  tournaments ??= await getAll('/api/v1/tournaments?sort=-createdAt');
  fill(
    main(),
    h('h1', {}, t('tournaments')),
    tournaments.length === 0
      ? h('p', { class: 'muted' }, t('noTournaments'))
      : h(
          'ul',
          { class: 'list' },
          tournaments.map((tour) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  class: 'card',
                  href: `/t/${tour.id}`,
                  style: { display: 'block', textDecoration: 'none', color: 'inherit' },
                },
                h('strong', {}, tour.name),
                h(
                  'div',
                  { class: 'muted' },
                  t('season', { season: tour.season }),
                  ' · ',
                  tour.venue ?? '',
                  ' · ',
                  t('dates', { from: tour.startsOn, to: tour.endsOn }),
                ),
                h('span', { class: 'badge' }, t(`tournament_${tour.status}`)),
              ),
            ),
          ),
        ),
    h(
      'p',
      { class: 'muted' },
      h('a', { href: '/score' }, t('scoreTitle')),
      ' · ',
      h('a', { href: '/desk' }, t('deskTitle')),
      ' · ',
      h('a', { href: '/api/docs' }, 'API'),
    ),
  );
});
