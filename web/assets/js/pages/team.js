// A team: its record and place, its games with results (live ones with the running score), its
// leaders and its roster. Live: the tournament's room patches the scores at once; results,
// standings and leaders are read again shortly after the news (coalesced).
import { ApiError, get, getAll, getOptional } from '../api.js';
import { fill, h, pathParts, table } from '../dom.js';
import { isDone, isLiveStatus } from '../format.js';
import { t } from '../i18n.js';
import { main, notFoundView, page, renderTop, setTitle } from '../layout.js';
import { shareButton } from '../share.js';
import { groupName, label2 } from '../tournament/common.js';
import { gameCards, tickClocks } from '../tournament/game-card.js';
import { joinTournamentRoom } from '../tournament/live-room.js';
import { placeholderNamer } from '../tournament/names.js';
import { coalescedRefresh } from '../tournament/refresh.js';
import { ft } from '../tournament/strings.js';
import { teamStaff } from '../team-staff.js';

const [, teamId] = pathParts();
let data = null;
const lines = new Map();

async function load() {
  const team = await get(`/api/v1/teams/${teamId}`);
  const tid = team.tournamentId;
  const [tournament, players, games, standings, ranking, leaders, bracket] = await Promise.all([
    get(`/api/v1/tournaments/${tid}`),
    getAll(`/api/v1/teams/${teamId}/players?sort=jerseyNumber`),
    getAll(`/api/v1/tournaments/${tid}/games`),
    getOptional(`/api/v1/tournaments/${tid}/competition/standings`),
    getOptional(`/api/v1/tournaments/${tid}/competition/ranking`),
    getOptional(`/api/v1/tournaments/${tid}/leaders?live=true&limit=100`),
    getOptional(`/api/v1/tournaments/${tid}/competition/bracket`),
  ]);
  const own = games.filter((g) => g.homeTeam?.id === teamId || g.awayTeam?.id === teamId);
  return { team, tournament, players, games: own, standings, ranking, leaders, namer: placeholderNamer(bracket) };
}

/** Wins and losses in decided games, and where the team stands (final place, or its group's table). */
function standing({ games, standings, ranking }) {
  const done = games.filter((g) => isDone(g.status));
  const wins = done.filter((g) => (g.homeTeam?.id === teamId ? g.homeScore > g.awayScore : g.awayScore > g.homeScore));
  const place = ranking?.complete ? ranking.places.find((p) => p.team.id === teamId) : null;
  const group = (standings?.groups ?? []).find((g) => g.official.some((r) => r.team.id === teamId));
  const row = group?.official.find((r) => r.team.id === teamId);
  return { played: done.length, wins: wins.length, losses: done.length - wins.length, place, group, row };
}

function fact(value, label) {
  return h('div', { class: 'fan-fact' }, h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
}

function teamLeaders(leaders) {
  const picks = (leaders?.boards ?? [])
    .map((b) => ({ board: b, entry: b.entries.find((e) => e.team.id === teamId) }))
    .filter((x) => x.entry);
  if (picks.length === 0) return h('p', { class: 'muted' }, t('leadersSoon'));
  return table(
    [t('value'), t('player'), ''],
    picks.map(({ board, entry }) =>
      h(
        'tr',
        { 'data-board': board.category },
        h('td', {}, label2(board.labelZh, board.labelEn)),
        h(
          'td',
          { class: 'name' },
          h(
            'a',
            { href: `/players/${entry.player.id}` },
            entry.player.jerseyNumber !== null
              ? `#${entry.player.jerseyNumber} ${entry.player.name}`
              : entry.player.name,
          ),
        ),
        h('td', {}, entry.display),
      ),
    ),
    { label: ft('teamLeaders'), class: 'grid pinned' },
  );
}

function render() {
  const { team, tournament, players, games, namer } = data;
  renderTop([[tournament.name, `/t/${tournament.id}`]]);
  setTitle(team.name);
  const s = standing(data);
  const groupLabel = s.group ? groupName(s.group) : '';
  const live = games.filter((g) => isLiveStatus(g.status));
  const rest = games.filter((g) => !isLiveStatus(g.status));
  fill(
    main(),
    h(
      'h1',
      { class: 'page-title' },
      team.primaryColor ? h('span', { 'aria-hidden': 'true', style: { color: team.primaryColor } }, '● ') : null,
      team.name,
    ),
    h('p', {}, h('a', { href: `/t/${tournament.id}` }, tournament.name)),
    shareButton(),
    teamStaff(team),
    h(
      'div',
      { class: 'fan-facts', 'data-record': `${s.wins}-${s.losses}` },
      fact(ft('recordLine', { wins: s.wins, losses: s.losses }), ft('record')),
      s.place
        ? fact(ft('finalPlace', { place: s.place.place }), t('ranking'))
        : s.row
          ? fact(
              ft('placeInGroup', { group: groupLabel, rank: s.row.sharedRank ? `${s.row.rank}=` : s.row.rank }),
              s.row.qualification === 'clinched' || s.row.qualification === 'eliminated'
                ? ft(`q_${s.row.qualification}_long`)
                : t('tabStandings'),
            )
          : null,
      s.row ? fact(String(s.row.classificationPoints), t('points')) : null,
    ),
    live.length ? [h('h2', {}, t('liveNow')), gameCards(live, '', { namer, lines, teamId })] : null,
    h('h2', {}, t('teamGames')),
    gameCards(rest, t('noGames'), { namer, lines, teamId }),
    h('h2', {}, ft('teamLeaders')),
    teamLeaders(data.leaders),
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
          h('td', {}, p.employer ?? ''),
        ),
      ),
      { caption: `${team.name} · ${t('roster')}`, label: t('roster'), class: 'grid pinned' },
    ),
  );
}

const reread = coalescedRefresh(async () => {
  data = await load();
  render();
});

function startLive() {
  tickClocks(lines);
  const apply = (line) => {
    const game = data.games.find((g) => g.id === line.gameId);
    if (!game) return false;
    if (line.score) {
      game.homeScore = line.score.home;
      game.awayScore = line.score.away;
    }
    if (line.status) game.status = line.status;
    lines.set(line.gameId, { period: line.period ?? null, clock: line.clock ?? null });
    return true;
  };
  void joinTournamentRoom(data.tournament.id, {
    onBoard(board) {
      for (const line of board.games) apply(line);
      render();
    },
    onScore(line) {
      if (!apply(line)) return;
      render();
      // The team's leaders count the game in progress.
      reread();
    },
    onStatus: () => reread(),
    onChanged(change) {
      if (change.topics.some((x) => ['games', 'schedule', 'standings', 'ranking', 'leaders'].includes(x))) reread();
    },
  });
  setInterval(reread, 60_000);
}

page(async () => {
  if (!data) {
    try {
      data = await load();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
    render();
    return startLive();
  }
  render();
});
