// A player: totals and averages over the games played, and every game with its result and the
// player's line. The lines come from each game's box score; live news reads them again (coalesced).
import { ApiError, get, getAll, getOptional } from '../api.js';
import { fill, h, pathParts, table } from '../dom.js';
import { isDone, isLiveStatus, whenText } from '../format.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';
import { shareButton } from '../share.js';
import { joinTournamentRoom } from '../tournament/live-room.js';
import { coalescedRefresh } from '../tournament/refresh.js';
import { ft } from '../tournament/strings.js';

const [, playerId] = pathParts();
let data = null;

/** The columns of a line, in the order a box score shows them. */
const STATS = [
  ['pts', 'colPts'],
  ['reb', 'colReb'],
  ['ast', 'colAst'],
  ['stl', 'colStl'],
  ['blk', 'colBlk'],
  ['pf', 'colPf'],
];

async function load() {
  const player = await get(`/api/v1/players/${playerId}`);
  const [team, tournament, games] = await Promise.all([
    get(`/api/v1/teams/${player.teamId}`),
    get(`/api/v1/tournaments/${player.tournamentId}`),
    getAll(`/api/v1/tournaments/${player.tournamentId}/games`),
  ]);
  const teamGames = games.filter(
    (g) =>
      (g.homeTeam?.id === player.teamId || g.awayTeam?.id === player.teamId) &&
      (isDone(g.status) || isLiveStatus(g.status)),
  );
  const boxes = await Promise.all(teamGames.map((g) => getOptional(`/api/v1/games/${g.id}/box-score`)));
  const lines = teamGames.flatMap((game, i) => {
    const line = boxes[i]?.teams.flatMap((x) => x.players).find((p) => p.playerId === playerId);
    return line && line.played !== false ? [{ game, line }] : [];
  });
  return { player, team, tournament, lines };
}

const minutes = (line) =>
  line.secondsPlayed === null || line.secondsPlayed === undefined ? '–' : String(Math.round(line.secondsPlayed / 60));

function resultOf(game, teamId) {
  const own = game.homeTeam?.id === teamId ? game.homeScore : game.awayScore;
  const other = game.homeTeam?.id === teamId ? game.awayScore : game.homeScore;
  if (isLiveStatus(game.status)) return h('span', { class: 'badge live' }, `${t('status_live')} ${own}:${other}`);
  return h(
    'span',
    {},
    h('span', { class: `wl ${own > other ? 'won' : 'lost'}` }, ft(own > other ? 'won' : 'lost')),
    `${own}:${other}`,
  );
}

function render() {
  const { player, team, tournament, lines } = data;
  renderTop([
    [tournament.name, `/t/${tournament.id}`],
    [team.name, `/teams/${team.id}`],
  ]);
  setTitle(player.name);
  const opponent = (g) => (g.homeTeam?.id === team.id ? g.awayTeam?.name : g.homeTeam?.name) ?? t('tbd');
  const played = lines.length;
  const total = (key) => lines.reduce((sum, { line }) => sum + (line[key] ?? 0), 0);
  const average = (key) => (played ? (total(key) / played).toFixed(1) : '–');
  fill(
    main(),
    h('h1', { class: 'page-title' }, `#${player.jerseyNumber} ${player.name}`),
    shareButton(),
    h(
      'p',
      {},
      h('a', { href: `/teams/${team.id}` }, team.name),
      player.position ? ` · ${player.position}` : '',
      player.employer ? ` · ${player.employer}` : '',
    ),
    h(
      'div',
      { class: 'fan-facts', 'data-games-played': played },
      h(
        'div',
        { class: 'fan-fact' },
        h('span', { class: 'value' }, String(played)),
        h('span', { class: 'label' }, ft('gamesPlayed')),
      ),
      STATS.slice(0, 3).map(([key, label]) =>
        h(
          'div',
          { class: 'fan-fact', 'data-average': key },
          h('span', { class: 'value' }, average(key)),
          h('span', { class: 'label' }, `${t(label)} · ${ft('averages')}`),
        ),
      ),
    ),
    h('h2', {}, ft('totals')),
    table(
      [ft('totals'), ft('gamesPlayed'), ...STATS.map(([, label]) => t(label))],
      [
        h(
          'tr',
          { class: 'total' },
          h('td', { class: 'name' }, ft('totals')),
          h('td', {}, played),
          STATS.map(([key]) => h('td', { 'data-total': key }, total(key))),
        ),
        h(
          'tr',
          {},
          h('td', { class: 'name' }, ft('averages')),
          h('td', {}, ''),
          STATS.map(([key]) => h('td', {}, average(key))),
        ),
      ],
      { label: ft('totals'), class: 'grid pinned' },
    ),
    h('h2', {}, ft('gameLog')),
    lines.length === 0
      ? h('p', { class: 'muted' }, t('noGames'))
      : table(
          [ft('opponent'), ft('result'), ft('colMin'), ...STATS.map(([, label]) => t(label))],
          lines.map(({ game, line }) =>
            h(
              'tr',
              { 'data-game': game.id },
              h(
                'td',
                { class: 'name' },
                h('a', { href: `/g/${game.id}` }, `${t('vs')} ${opponent(game)}`),
                h('br'),
                h('small', { class: 'muted' }, whenText(game.scheduledAt)),
              ),
              h('td', {}, resultOf(game, team.id)),
              h('td', {}, minutes(line)),
              STATS.map(([key]) => h('td', {}, line[key] ?? 0)),
            ),
          ),
          { caption: player.name, label: ft('gameLog'), class: 'grid pinned' },
        ),
  );
}

const reread = coalescedRefresh(
  async () => {
    data = await load();
    render();
  },
  { minGap: 1500 },
);

page(async () => {
  if (!data) {
    try {
      data = await load();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
    render();
    void joinTournamentRoom(data.tournament.id, {
      onScore: (line) => {
        if (data.lines.some((x) => x.game.id === line.gameId)) reread();
      },
      onStatus: () => reread(),
      onChanged: (change) => change.topics.includes('games') && reread(),
    });
    return;
  }
  render();
});
