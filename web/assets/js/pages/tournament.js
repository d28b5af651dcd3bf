// Tournament home for fans: the frame (name, tabs) and the live wiring. Each tab lives in
// web/assets/js/tournament/<tab>-tab.js and is loaded only when shown (the games tab, the
// default, comes with the page). Live news from the tournament's room updates the open tab:
// score lines patch the games and the bracket in place; standings and leaders, which a play
// can change, are read again shortly after (coalesced, see refresh.js); `tournament:changed`
// re-reads the tabs whose topics it names.
import { ApiError, get, getAll, getOptional } from '../api.js';
import { fill, h, pathParts } from '../dom.js';
import { isLiveStatus } from '../format.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle, tabs } from '../layout.js';
import { tickClocks } from '../tournament/game-card.js';
import { gamesTab } from '../tournament/games-tab.js';
import { joinTournamentRoom } from '../tournament/live-room.js';
import { placeholderNamer } from '../tournament/names.js';
import { coalescedRefresh } from '../tournament/refresh.js';
import { shareButton } from '../share.js';

const [, tournamentId, tabParam] = pathParts();
const tabKey = tabParam ?? 'games';

/** @type {Record<string, () => Promise<import('../tournament/common.js').TournamentTab>>} */
const TABS = {
  games: async () => gamesTab,
  standings: () => import('../tournament/standings-tab.js').then((m) => m.standingsTab),
  bracket: () => import('../tournament/bracket-tab.js').then((m) => m.bracketTab),
  leaders: () => import('../tournament/leaders-tab.js').then((m) => m.leadersTab),
  awards: () => import('../tournament/awards-tab.js').then((m) => m.awardsTab),
  teams: () => import('../tournament/teams-tab.js').then((m) => m.teamsTab),
};

/** @type {import('../tournament/common.js').TournamentContext} */
const ctx = { tournamentId, tournament: null, games: [], teams: [], lines: new Map(), namer: null };
/** @type {import('../tournament/common.js').TournamentTab | null} */
let tab = null;
let tabData = null;
let loaded = false;

async function loadFrame() {
  const [tournament, games, teams] = await Promise.all([
    get(`/api/v1/tournaments/${tournamentId}`),
    getAll(`/api/v1/tournaments/${tournamentId}/games`),
    tabKey === 'teams' ? getAll(`/api/v1/tournaments/${tournamentId}/teams`) : Promise.resolve([]),
  ]);
  Object.assign(ctx, { tournament, games, teams });
}

/** Placeholders ("A组第1", "半决赛1胜者") and stage names for the game lists come from the bracket. */
async function loadNamer() {
  if (!ctx.games.some((g) => g.competitionKey)) return;
  ctx.namer = placeholderNamer(await getOptional(`/api/v1/tournaments/${tournamentId}/competition/bracket`));
}

function render() {
  const tour = ctx.tournament;
  renderTop([[tour.name, `/t/${tour.id}`]]);
  setTitle(tour.name);
  if (!tab) return notFoundView();
  const base = `/t/${tour.id}`;
  // A re-render keeps where the reader had swiped the bracket to.
  const kept = new Map(
    [...document.querySelectorAll('[data-keep-scroll]')].map((el) => [el.dataset.keepScroll, el.scrollLeft]),
  );
  fill(
    main(),
    h('h1', { class: 'page-title' }, tour.name),
    h(
      'p',
      { class: 'muted' },
      [t('season', { season: tour.season }), tour.venue, t('dates', { from: tour.startsOn, to: tour.endsOn })]
        .filter(Boolean)
        .join(' · '),
    ),
    shareButton({ image: `/t/${tour.id}/share.png` }),
    tabs(
      [
        ['games', t('tabGames'), base],
        ['standings', t('tabStandings'), `${base}/standings`],
        ['bracket', t('tabBracket'), `${base}/bracket`],
        ['leaders', t('tabLeaders'), `${base}/leaders`],
        ['awards', t('tabAwards'), `${base}/awards`],
        ['teams', t('tabTeams'), `${base}/teams`],
      ],
      tabKey,
      t('tournaments'),
    ),
    h('div', { class: 'tab-body', 'data-tab': tabKey }, tab.view(ctx, tabData)),
  );
  for (const el of document.querySelectorAll('[data-keep-scroll]'))
    el.scrollLeft = kept.get(el.dataset.keepScroll) ?? 0;
}

const readGames = coalescedRefresh(async () => {
  ctx.games = await getAll(`/api/v1/tournaments/${tournamentId}/games`);
  render();
});
const readTab = coalescedRefresh(async () => {
  tabData = await tab.load(ctx);
  render();
});

/** A score line (or a board's line): the game's score, status, period and clock. */
function applyLine(line) {
  const game = ctx.games.find((g) => g.id === line.gameId);
  if (game && line.score) {
    game.homeScore = line.score.home;
    game.awayScore = line.score.away;
    if (line.status) game.status = line.status;
  }
  ctx.lines.set(line.gameId, { period: line.period ?? null, clock: line.clock ?? null });
  return tab.patchScore?.(tabData, line) ?? false;
}

function startLive() {
  tickClocks(ctx.lines);
  void joinTournamentRoom(tournamentId, {
    onBoard(board) {
      for (const line of board.games) applyLine(line);
      render();
    },
    onScore(line) {
      const patched = applyLine(line);
      if (tabKey === 'games' || patched) render();
      if (tab.readsOnPlay) readTab();
    },
    onStatus() {
      readGames();
      readTab();
    },
    onChanged(change) {
      if (change.topics.some((x) => x === 'games' || x === 'schedule')) readGames();
      if (change.topics.some((x) => tab.topics.includes(x))) readTab();
    },
  });
  // A missed message is healed by this.
  setInterval(() => (readGames(), readTab()), 60_000);
  // The first view came inside the page; a tab whose first read leaves out the games in progress
  // (leaders) reads them a moment later, after the first paint, unless a play comes first.
  if (tab.firstReadWithoutLive && ctx.games.some((g) => isLiveStatus(g.status))) setTimeout(readTab, 2500);
}

page(async () => {
  if (!loaded) {
    const load = TABS[tabKey];
    if (!load) {
      notFoundView();
      return;
    }
    try {
      [, tab] = await Promise.all([loadFrame(), load()]);
      tabData = await tab.load(ctx, true);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
    loaded = true;
    render();
    startLive();
    await loadNamer().catch(() => undefined);
  }
  render();
});
