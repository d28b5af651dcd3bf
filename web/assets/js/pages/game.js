// Live game page for fans: big score, period, running clock, fouls, time-outs, play-by-play and
// box score, updating without a reload and catching up after a dropped connection (feed.js).
import { ApiError, get } from '../api.js';
import { byId, fill, h, pathParts } from '../dom.js';
import { createFeed, PLAYS_KEPT } from '../feed.js';
import { clockNow, clockText, isDone, whenText } from '../format.js';
import { boxScoreView, byPeriodTable, namesOf, playByPlay, scoreboard } from '../gameview.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';

const [, gameId] = pathParts();
const feed = createFeed(gameId, (what) => (what === 'box' ? (drawBox(), drawPeriods()) : update()));
const s = feed.state;
let tournament = null;
let rosters = [[], []];
const sections = {};

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
  sections.board = h('div', {});
  sections.periods = h('div', {});
  sections.plays = h('div', {});
  sections.box = h('div', {});
  fill(
    main(),
    h('h1', {}, title),
    h('p', { class: 'muted' }, [whenText(g.scheduledAt), g.court, g.competitionKey].filter(Boolean).join(' · ')),
    sections.board,
    sections.periods,
    h('div', { class: 'two-col' }, sections.plays, sections.box),
  );
  update();
}

/** The tab's title carries the score once there is one (as the server's, for shared links). */
function titleNow() {
  const g = s.game;
  const home = g.homeTeam?.name ?? t('tbd');
  const away = g.awayTeam?.name ?? t('tbd');
  const scored = g.homeScore != null && g.awayScore != null && (g.status === 'live' || isDone(g.status));
  setTitle(scored ? `${home} ${g.homeScore}:${g.awayScore} ${away}` : `${home} ${t('vs')} ${away}`);
}

function update() {
  if (!sections.board) return;
  titleNow();
  const shown = s.game.live && s.clock ? { ...s.game, live: { ...s.game.live, clock: s.clock } } : s.game;
  fill(sections.board, scoreboard(shown, 0));
  fill(sections.periods, byPeriodTable(s.game));
  fill(sections.plays, playByPlay(s.plays, namesOf(s.game, rosters), PLAYS_KEPT));
  drawBox();
}

const drawBox = () => sections.box && fill(sections.box, boxScoreView(s.box));
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
