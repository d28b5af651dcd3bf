// Live game page for fans: a scoreboard pinned while scrolling, score by period, a readable
// play-by-play with filters (game/plays.js), the box score with the game's leaders (game/box.js),
// updating without a reload and catching up after a dropped connection (feed.js). A finished
// game reads as finished: final score, 终场, top performers.
import { ApiError, get } from '../api.js';
import { byId, fill, h, pathParts } from '../dom.js';
import { createFeed } from '../feed.js';
import { clockNow, clockText, isDone, whenText } from '../format.js';
import { fanScoreboard, finalText, periodLine } from '../game/board.js';
import { boxScoreSection } from '../game/box.js';
import { playByPlaySection } from '../game/plays.js';
import { byPeriodTable, namesOf } from '../gameview.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';
import { shareButton } from '../share.js';

const [, gameId] = pathParts();
const feed = createFeed(gameId, (what) => (what === 'box' ? (drawBox(), drawPeriods()) : update()));
const s = feed.state;
let tournament = null;
let rosters = [[], []];
const sections = {};
/** The play-by-play's filters, kept across redraws. */
const filters = { filter: 'all', showNoise: false };

async function loadAll() {
  await feed.load();
  const g = s.game;
  const [tour, home, away] = await Promise.all([
    get(`/api/v1/tournaments/${g.tournamentId}`),
    g.homeTeam ? get(`/api/v1/teams/${g.homeTeam.id}/players?pageSize=100`) : { items: [] },
    g.awayTeam ? get(`/api/v1/teams/${g.awayTeam.id}/players?pageSize=100`) : { items: [] },
  ]);
  tournament = tour;
  rosters = [home.items, away.items];
}

function layout() {
  const g = s.game;
  const title = `${g.homeTeam?.name ?? t('tbd')} ${t('vs')} ${g.awayTeam?.name ?? t('tbd')}`;
  renderTop([[tournament.name, `/t/${tournament.id}`]]);
  sections.board = h('div', { class: 'sb-pin' });
  sections.periods = h('div', {});
  sections.plays = h('div', {});
  sections.box = h('div', {});
  fill(
    main(),
    h(
      'div',
      { class: 'game-head' },
      h('h1', {}, title),
      shareButton({ image: `/g/${gameId}/share.png?v=${s.lastSeq}` }),
    ),
    h('p', { class: 'muted' }, [whenText(g.scheduledAt), g.court].filter(Boolean).join(' · ')),
    sections.board,
    sections.periods,
    h('div', { class: 'two-col game-cols' }, sections.plays, sections.box),
  );
  pinUnderTop();
  update();
}

/** The scoreboard pins just under the top bar, whose height depends on its words. */
function pinUnderTop() {
  const top = byId('top');
  document.documentElement.style.setProperty('--top-h', `${top ? top.offsetHeight : 0}px`);
}
window.addEventListener('resize', pinUnderTop);

/** The tab's title carries the score and where the game stands, as the server's does for shared links. */
function titleNow() {
  const g = s.game;
  const home = g.homeTeam?.name ?? t('tbd');
  const away = g.awayTeam?.name ?? t('tbd');
  const scored = g.homeScore != null && g.awayScore != null && (g.status === 'live' || isDone(g.status));
  const standing = finalText(g) ?? (g.status === 'live' ? periodLine(g.live) : whenText(g.scheduledAt));
  setTitle(`${scored ? `${home} ${g.homeScore}:${g.awayScore} ${away}` : `${home} ${t('vs')} ${away}`} · ${standing}`);
}

const names = () => namesOf(s.game, rosters);

function update() {
  if (!sections.board) return;
  titleNow();
  const shown = s.game.live && s.clock ? { ...s.game, live: { ...s.game.live, clock: s.clock } } : s.game;
  fill(sections.board, fanScoreboard(shown, 0));
  drawPeriods();
  drawPlays();
  drawBox();
}

const drawPlays = () =>
  sections.plays && fill(sections.plays, playByPlaySection(s.plays, s.game, names(), filters, drawPlays));
const drawBox = () => sections.box && fill(sections.box, boxScoreSection(s.box, s.game, isDone(s.game.status)));
const drawPeriods = () => sections.periods && fill(sections.periods, byPeriodTable(s.game));

page(async () => {
  if (!tournament) {
    try {
      await loadAll();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
    layout();
    feed.start();
    // The running clock counts down here between messages.
    setInterval(() => {
      const el = byId('clock');
      if (el && s.clock?.running) el.textContent = clockText(clockNow(s.clock, 0));
    }, 100);
    return;
  }
  layout();
});
