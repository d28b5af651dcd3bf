// A player: team, number, and their line in each game the team has played.
import { ApiError, get, getAll, getOptional } from '../api.js';
import { fill, h, pathParts, table } from '../dom.js';
import { isDone, isLiveStatus, whenText } from '../format.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';

const [, playerId] = pathParts();
let data = null;

async function load() {
  const player = await get(`/api/v1/players/${playerId}`);
  const [team, tournament, games] = await Promise.all([
    get(`/api/v1/teams/${player.teamId}`),
    get(`/api/v1/tournaments/${player.tournamentId}`),
    getAll(`/api/v1/tournaments/${player.tournamentId}/games`),
  ]);
  const played = games.filter(
    (g) =>
      (g.homeTeam?.id === player.teamId || g.awayTeam?.id === player.teamId) &&
      (isDone(g.status) || isLiveStatus(g.status)),
  );
  const lines = [];
  for (const g of played.slice(0, 12)) {
    const box = await getOptional(`/api/v1/games/${g.id}/box-score`);
    const line = box?.teams.flatMap((x) => x.players).find((p) => p.playerId === playerId);
    if (line) lines.push({ game: g, line });
  }
  return { player, team, tournament, lines };
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
  const { player, team, tournament, lines } = data;
  renderTop([
    [tournament.name, `/t/${tournament.id}`],
    [team.name, `/teams/${team.id}`],
  ]);
  setTitle(player.name);
  const opponent = (g) => (g.homeTeam?.id === team.id ? g.awayTeam?.name : g.homeTeam?.name) ?? t('tbd');
  fill(
    main(),
    h('h1', {}, `#${player.jerseyNumber} ${player.name}`),
    h(
      'p',
      {},
      h('a', { href: `/teams/${team.id}` }, team.name),
      player.position ? ` · ${player.position}` : '',
      player.employer ? ` · ${player.employer}` : '',
    ),
    h('h2', {}, t('games')),
    lines.length === 0
      ? h('p', { class: 'muted' }, t('noGames'))
      : table(
          [t('games'), t('colPts'), t('colReb'), t('colAst'), t('colStl'), t('colBlk'), t('colPf'), t('colEff')],
          lines.map(({ game, line }) =>
            h(
              'tr',
              {},
              h(
                'td',
                { class: 'name' },
                h('a', { href: `/g/${game.id}` }, `${t('vs')} ${opponent(game)}`),
                h('br'),
                h('small', { class: 'muted' }, whenText(game.scheduledAt)),
              ),
              h('td', {}, line.pts),
              h('td', {}, line.reb),
              h('td', {}, line.ast),
              h('td', {}, line.stl),
              h('td', {}, line.blk),
              h('td', {}, line.pf),
              h('td', {}, line.eff),
            ),
          ),
          { caption: player.name, label: t('games') },
        ),
  );
});
