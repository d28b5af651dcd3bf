// A team: roster and games.
import { ApiError, get, getAll } from '../api.js';
import { fill, h, pathParts, table } from '../dom.js';
import { gameList } from '../games.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';
import { teamStaff } from '../team-staff.js';

const [, teamId] = pathParts();
let data = null;

async function load() {
  const team = await get(`/api/v1/teams/${teamId}`);
  const [tournament, players, games] = await Promise.all([
    get(`/api/v1/tournaments/${team.tournamentId}`),
    getAll(`/api/v1/teams/${teamId}/players?sort=jerseyNumber`),
    getAll(`/api/v1/tournaments/${team.tournamentId}/games`),
  ]);
  const own = games.filter((g) => g.homeTeam?.id === teamId || g.awayTeam?.id === teamId);
  return { team, tournament, players, games: own };
}

page(async () => {
  if (!data) {
    try {
      data = await load();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
  }
  const { team, tournament, players, games } = data;
  renderTop([[tournament.name, `/t/${tournament.id}`]]);
  setTitle(team.name);
  fill(
    main(),
    h(
      'h1',
      {},
      team.primaryColor ? h('span', { 'aria-hidden': 'true', style: { color: team.primaryColor } }, '● ') : null,
      team.name,
    ),
    teamStaff(team),
    h('h2', {}, t('roster')),
    table(
      [t('jersey'), t('player'), t('position'), t('employer')],
      players.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, String(p.jerseyNumber)),
          h('td', { class: 'name' }, h('a', { href: `/players/${p.id}` }, p.name)),
          h('td', {}, p.position ?? ''),
          h('td', { class: 'name' }, p.employer ?? ''),
        ),
      ),
      { caption: `${team.name} · ${t('roster')}`, label: t('roster') },
    ),
    h('h2', {}, t('teamGames')),
    gameList(games, t('noGames')),
  );
});
