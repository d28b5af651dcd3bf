// Start page: what is live now, today's games and the latest results across tournaments
// (GET /api/v1/home), then every tournament. Live scores come from the rooms of the tournaments
// on the page; a game starting or ending reads the feed again (coalesced).
import { get, getAll } from '../api.js';
import { showConnection } from '../connection-banner.js';
import { fill, h } from '../dom.js';
import { todayLocal } from '../format.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle } from '../layout.js';
import { gameCards, tickClocks } from '../tournament/game-card.js';
import { coalescedRefresh } from '../tournament/refresh.js';
import { ft } from '../tournament/strings.js';
import { shareButton } from '../share.js';

let tournaments = null;
let feed = null;
const lines = new Map();

const readFeed = () => get(`/api/v1/home?date=${todayLocal()}`);

function tournamentList() {
  if (tournaments.length === 0) return h('p', { class: 'muted' }, t('noTournaments'));
  return h(
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
            [t('season', { season: tour.season }), tour.venue, t('dates', { from: tour.startsOn, to: tour.endsOn })]
              .filter(Boolean)
              .join(' · '),
          ),
          h('span', { class: 'badge' }, t(`tournament_${tour.status}`)),
        ),
      ),
    ),
  );
}

function render() {
  renderTop();
  setTitle(t('tournaments'));
  // Each card names its tournament (game-card.js reads `game.tournament`).
  const cards = (games, empty) => gameCards(games, empty, { lines });
  fill(
    main(),
    h('h1', {}, t('brand')),
    shareButton(),
    h(
      'section',
      { 'aria-labelledby': 'h-live' },
      h('h2', { id: 'h-live' }, ft('homeLive')),
      cards(feed.live, ft('noLiveNow')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-today' },
      h('h2', { id: 'h-today' }, ft('homeToday')),
      cards(feed.today, t('noGamesToday')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-recent' },
      h('h2', { id: 'h-recent' }, ft('homeRecent')),
      cards(feed.recent, ft('noRecent')),
    ),
    h('section', { 'aria-labelledby': 'h-all' }, h('h2', { id: 'h-all' }, ft('homeTournaments')), tournamentList()),
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
}

const reread = coalescedRefresh(
  async () => {
    feed = await readFeed();
    render();
  },
  { minGap: 3000, spread: 1500 },
);

/** The rooms of the tournaments with a game live or on today. */
async function startLive() {
  const ids = [...new Set([...feed.live, ...feed.today].map((g) => g.tournament.id))];
  tickClocks(lines);
  setInterval(reread, 60_000);
  if (ids.length === 0) return;
  const live = await import('../live.js').catch(() => null);
  if (!live) return;
  const socket = live.connectLive({
    onState: showConnection,
    onConnect: async (s) => {
      for (const tournamentId of ids) await live.ask(s, 'tournament:subscribe', { tournamentId }, 3000);
    },
  });
  socket.on('tournament:score', (line) => {
    const game = feed.live.find((g) => g.id === line.gameId);
    if (!game) return reread();
    game.homeScore = line.score.home;
    game.awayScore = line.score.away;
    lines.set(line.gameId, { period: line.period ?? null, clock: line.clock ?? null });
    render();
  });
  socket.on('tournament:game-status', () => reread());
}

page(async () => {
  if (!feed) {
    [feed, tournaments] = await Promise.all([readFeed(), getAll('/api/v1/tournaments?sort=-createdAt')]);
    // The period until the first score line brings the clock too.
    for (const g of feed.live)
      if (g.period)
        lines.set(g.id, {
          period: { current: g.period, label: g.period > 4 ? `OT${g.period - 4}` : null },
          clock: null,
        });
    render();
    return void startLive();
  }
  render();
});
