// Tournament home for fans: games (live now, today, results, upcoming), standings with the
// tie-break explanation, the bracket, leaders, awards and teams. Live games update in place.
import { ApiError, get, getAll, getOptional } from '../api.js';
import { fill, h, pathParts, table } from '../dom.js';
import { isDone, isLiveStatus, todayLocal } from '../format.js';
import { gameList } from '../games.js';
import { currentLang, t } from '../i18n.js';
import { showConnection } from '../connection-banner.js';
import { main, notFoundView, page, renderTop, setTitle, tabs } from '../layout.js';

const [, tournamentId, tabParam] = pathParts();
const tab = tabParam ?? 'games';
const data = {
  tournament: null,
  games: [],
  teams: [],
  standings: null,
  bracket: null,
  ranking: null,
  leaders: undefined,
  awards: undefined,
};

async function load() {
  const [tournament, games, teams] = await Promise.all([
    get(`/api/v1/tournaments/${tournamentId}`),
    getAll(`/api/v1/tournaments/${tournamentId}/games`),
    getAll(`/api/v1/tournaments/${tournamentId}/teams`),
  ]);
  Object.assign(data, { tournament, games, teams });
  if (tab === 'standings')
    data.standings = await getOptional(`/api/v1/tournaments/${tournamentId}/competition/standings`);
  if (tab === 'bracket') {
    data.bracket = await getOptional(`/api/v1/tournaments/${tournamentId}/competition/bracket`);
    data.ranking = await getOptional(`/api/v1/tournaments/${tournamentId}/competition/ranking`);
  }
  if (tab === 'leaders') data.leaders = await getOptional(`/api/v1/tournaments/${tournamentId}/leaders`);
  if (tab === 'awards') data.awards = await getOptional(`/api/v1/tournaments/${tournamentId}/awards`);
}

function render() {
  const tour = data.tournament;
  renderTop([[tour.name, `/t/${tour.id}`]]);
  setTitle(tour.name);
  const base = `/t/${tour.id}`;
  const body = {
    games: gamesView,
    standings: standingsView,
    bracket: bracketView,
    leaders: leadersView,
    awards: awardsView,
    teams: teamsView,
  }[tab];
  if (!body) return notFoundView();
  fill(
    main(),
    h('h1', {}, tour.name),
    h(
      'p',
      { class: 'muted' },
      [t('season', { season: tour.season }), tour.venue, t('dates', { from: tour.startsOn, to: tour.endsOn })]
        .filter(Boolean)
        .join(' · '),
    ),
    tabs(
      [
        ['games', t('tabGames'), base],
        ['standings', t('tabStandings'), `${base}/standings`],
        ['bracket', t('tabBracket'), `${base}/bracket`],
        ['leaders', t('tabLeaders'), `${base}/leaders`],
        ['awards', t('tabAwards'), `${base}/awards`],
        ['teams', t('tabTeams'), `${base}/teams`],
      ],
      tab,
      t('tournaments'),
    ),
    body(),
  );
}

function gamesView() {
  const today = todayLocal();
  const games = data.games;
  const live = games.filter((g) => isLiveStatus(g.status));
  const todays = games.filter((g) => !isLiveStatus(g.status) && g.scheduledAt?.startsWith(today));
  const results = games.filter((g) => isDone(g.status) && !g.scheduledAt?.startsWith(today)).reverse();
  const upcoming = games.filter(
    (g) => (g.status === 'scheduled' || g.status === 'postponed') && !g.scheduledAt?.startsWith(today),
  );
  return h(
    'div',
    {},
    h(
      'section',
      { 'aria-labelledby': 'h-live' },
      h('h2', { id: 'h-live' }, t('liveNow')),
      gameList(live, t('noGames')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-today' },
      h('h2', { id: 'h-today' }, t('today')),
      gameList(todays, t('noGamesToday')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-results' },
      h('h2', { id: 'h-results' }, t('results')),
      gameList(results, t('noGames')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-upcoming' },
      h('h2', { id: 'h-upcoming' }, t('upcoming')),
      gameList(upcoming, t('noGames')),
    ),
  );
}

const teamLink = (team) => (team ? h('a', { href: `/teams/${team.id}` }, team.name) : t('tbd'));

function standingsTable(rows, caption) {
  return table(
    [
      t('rank'),
      t('team'),
      t('played'),
      t('wins'),
      t('losses'),
      t('points'),
      t('pointsFor'),
      t('pointsAgainst'),
      t('diff'),
      t('decidedBy'),
    ],
    rows.map((r) =>
      h(
        'tr',
        {},
        h('td', {}, r.sharedRank ? `${r.rank}=` : String(r.rank)),
        h('td', { class: 'name' }, teamLink(r.team)),
        h('td', {}, r.played),
        h('td', {}, r.wins),
        h('td', {}, r.losses),
        h('td', {}, r.classificationPoints),
        h('td', {}, r.pointsFor),
        h('td', {}, r.pointsAgainst),
        h('td', {}, r.pointDifference > 0 ? `+${r.pointDifference}` : r.pointDifference),
        h('td', {}, t(`tb_${r.decidedBy}`)),
      ),
    ),
    { caption, label: caption },
  );
}

/** Why each level team is where it is: the sentence, and the games among the level teams. */
function explanations(rows) {
  const level = rows.filter((r) => r.tiedWith?.length || r.needsDraw || r.miniTable);
  if (level.length === 0) return null;
  // Teams level together share one mini-table: show it once, with the first of them.
  const shown = new Set();
  const firstTime = (mini) => {
    const key = mini.teams
      .map((x) => x.id)
      .sort()
      .join();
    if (shown.has(key)) return false;
    shown.add(key);
    return true;
  };
  return h(
    'ul',
    { class: 'card explain' },
    level.map((r) =>
      h(
        'li',
        {},
        h('strong', {}, `${r.sharedRank ? `${r.rank}=` : r.rank} ${r.team.name}`),
        ' — ',
        r.explanation ? (currentLang() === 'zh' ? r.explanation.zh : r.explanation.en) : explain(r),
        r.miniTable && firstTime(r.miniTable)
          ? table(
              [t('team'), t('played'), t('wins'), t('losses'), t('points'), t('diff')],
              r.miniTable.rows.map((m) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'name' }, m.team.name),
                  h('td', {}, m.played),
                  h('td', {}, m.wins),
                  h('td', {}, m.losses),
                  h('td', {}, m.classificationPoints),
                  h('td', {}, m.pointDifference > 0 ? `+${m.pointDifference}` : m.pointDifference),
                ),
              ),
              { label: `${r.team.name} ${t('decidedBy')}` },
            )
          : null,
      ),
    ),
  );
}

/** Without the server's sentence: the criterion and who the team was level with. */
function explain(row) {
  const parts = [t(`tb_${row.decidedBy}`)];
  if (row.tiedWith?.length) parts.push(t('tiedWith', { teams: row.tiedWith.map((x) => x.name).join('、') }));
  if (row.needsDraw) parts.push(t('needsDraw'));
  return parts.join('；');
}

function standingsView() {
  const groups = data.standings?.groups ?? [];
  if (groups.length === 0) return h('p', { class: 'muted' }, t('noStandings'));
  return h(
    'div',
    {},
    groups.map((g) =>
      h(
        'section',
        {},
        h('h2', {}, groupName(g)),
        standingsTable(g.official, `${groupName(g)} · ${t('official')}`),
        explanations(g.official),
        g.complete ? h('p', { class: 'ok' }, t('groupComplete')) : null,
        g.liveIncludesGamesInProgress
          ? [h('h3', {}, t('liveTable')), standingsTable(g.live, `${groupName(g)} · ${t('liveTable')}`)]
          : null,
      ),
    ),
    h('p', { class: 'muted' }, t('tieBreakNote')),
  );
}

const groupName = (g) => (/^Group /.test(g.name ?? '') || !g.name ? t('groupName', { id: g.groupId ?? g.id }) : g.name);

function roundName(game) {
  const key = `round_${game.roundName}`;
  const text = t(key);
  return text === key ? game.roundName : text;
}

function bracketSide(side, result, isHome, game) {
  const team = side.team;
  const won = result && team && result.winner?.id === team.id;
  const score =
    game.game && (isDone(game.game.status) || isLiveStatus(game.game.status))
      ? isHome
        ? game.game.homeScore
        : game.game.awayScore
      : '';
  return h(
    'div',
    { class: `bside${won ? ' won' : ''}${team ? '' : ' pending'}` },
    h('span', {}, team ? team.name : side.label),
    h('span', {}, String(score)),
  );
}

function bracketGame(game) {
  const inner = [
    h('div', { class: 'bkey' }, [game.id, game.game?.scheduledAt?.replace('T', ' ')].filter(Boolean).join(' · ')),
    bracketSide(game.home, game.result, true, game),
    bracketSide(game.away, game.result, false, game),
  ];
  return h('div', { class: 'bgame' }, game.game ? h('a', { href: `/g/${game.game.id}` }, inner) : inner);
}

function bracketView() {
  const b = data.bracket;
  if (!b) return h('p', { class: 'muted' }, t('noBracket'));
  const groupStages = b.stages.filter((s) => s.kind === 'group');
  const knockoutGames = b.games.filter((g) => g.bracket !== 'group' && g.needed);
  const rounds = new Map();
  for (const g of knockoutGames) {
    const key = `${g.stageId}:${g.bracket}:${g.round}`;
    if (!rounds.has(key)) rounds.set(key, []);
    rounds.get(key).push(g);
  }
  const places = data.ranking?.complete ? data.ranking.places : [];
  return h(
    'div',
    {},
    groupStages.map((s) =>
      h(
        'section',
        {},
        h('h2', {}, t('bracketGroups')),
        h(
          'div',
          { class: 'two-col' },
          (s.groups ?? []).map((g) =>
            h(
              'div',
              { class: 'card' },
              h('h3', {}, groupName(g)),
              h(
                'ul',
                {},
                g.entrants.map((e) => h('li', { class: e.team ? '' : 'muted' }, e.team ? teamLink(e.team) : e.label)),
              ),
            ),
          ),
        ),
      ),
    ),
    knockoutGames.length
      ? h(
          'section',
          {},
          h('h2', {}, t('knockout')),
          h(
            'div',
            { class: 'bracket' },
            [...rounds.values()].map((games) =>
              h('div', { class: 'round' }, h('h3', {}, roundName(games[0])), games.map(bracketGame)),
            ),
          ),
        )
      : null,
    places.length
      ? h(
          'section',
          {},
          h('h2', {}, t('ranking')),
          h(
            'ol',
            {},
            places.map((p) => h('li', { value: p.place }, teamLink(p.team))),
          ),
        )
      : null,
  );
}

const label2 = (zh, en) => (currentLang() === 'zh' ? zh : en) ?? zh ?? en ?? '';

/** GET /tournaments/:id/leaders: boards of ranked entries (ties shown "1="). */
function leadersView() {
  const boards = (data.leaders?.boards ?? []).filter((b) => b.entries.length > 0);
  if (boards.length === 0) return h('p', { class: 'muted' }, t('leadersSoon'));
  return h(
    'div',
    { class: 'two-col' },
    boards.map((b) => {
      const caption = `${label2(b.labelZh, b.labelEn)}${b.basis === 'per_game' ? ` (${t('perGame')})` : ''}`;
      return table(
        [t('rank'), t('player'), t('team'), t('value')],
        b.entries
          .slice(0, 10)
          .map((e) =>
            h(
              'tr',
              {},
              h('td', {}, e.tied ? `${e.rank}=` : String(e.rank)),
              h(
                'td',
                { class: 'name' },
                h(
                  'a',
                  { href: `/players/${e.player.id}` },
                  e.player.jerseyNumber !== null ? `#${e.player.jerseyNumber} ${e.player.name}` : e.player.name,
                ),
              ),
              h('td', { class: 'name' }, teamLink(e.team)),
              h('td', {}, e.display ?? String(e.value)),
            ),
          ),
        { caption, label: caption },
      );
    }),
  );
}

/** GET /tournaments/:id/awards: team places, computed and decided awards, with recipients. */
function awardsView() {
  const awards = data.awards?.awards ?? [];
  if (awards.length === 0) return h('p', { class: 'muted' }, t('awardsSoon'));
  return h(
    'ul',
    { class: 'list' },
    awards.map((a) =>
      h(
        'li',
        { class: 'card' },
        h('strong', {}, label2(a.labelZh, a.labelEn)),
        a.display ? h('span', { class: 'muted' }, ` · ${a.display}`) : null,
        h(
          'div',
          {},
          a.recipients.map((r, i) => [i > 0 ? '、' : '', recipient(r)]),
        ),
        a.citation ? h('p', { class: 'muted' }, a.citation) : null,
      ),
    ),
  );
}

function recipient(r) {
  if (r.type === 'player')
    return [
      h(
        'a',
        { href: `/players/${r.id}` },
        r.jerseyNumber !== null && r.jerseyNumber !== undefined ? `#${r.jerseyNumber} ${r.name}` : r.name,
      ),
      r.team ? ` (${r.team.name})` : '',
    ];
  if (r.type === 'team') return h('a', { href: `/teams/${r.id}` }, r.name);
  return r.name;
}

function teamsView() {
  return h(
    'ul',
    { class: 'list' },
    data.teams.map((team) =>
      h(
        'li',
        {},
        h(
          'a',
          { class: 'card', href: `/teams/${team.id}`, style: { display: 'block' } },
          team.name,
          ' ',
          h('span', { class: 'muted' }, `(${team.rosterSize})`),
        ),
      ),
    ),
  );
}

// ---- live updates ----
// The tournament room (tournament:score for every basket, tournament:game-status and
// tournament:changed to refetch a part); a server without it: each live game's room.
const subscribed = new Set();
let refreshTimer = null;
let tournamentRoom = false;

function refreshSoon() {
  clearTimeout(refreshTimer);
  // Spread the reads of many fans over a moment.
  refreshTimer = setTimeout(() => load().then(render, () => undefined), 300 + Math.random() * 1500);
}

/** The socket.io client, loaded after the first paint (live.js). */
let live = null;

async function subscribeLive(socket) {
  if (tournamentRoom) return;
  for (const g of data.games) {
    if (isLiveStatus(g.status) && !subscribed.has(g.id)) {
      subscribed.add(g.id);
      await live.ask(socket, 'game:subscribe', { gameId: g.id });
    }
  }
}

function scoreChanged(gameId, score, status) {
  const game = data.games.find((g) => g.id === gameId);
  if (!game || !score) return;
  game.homeScore = score.home;
  game.awayScore = score.away;
  if (status) game.status = status;
  if (tab === 'games') render();
}

async function startLive() {
  // Without network the chunk cannot come yet: try again until it does.
  while (!live) live = await import('../live.js').catch(() => new Promise((r) => setTimeout(() => r(null), 3000)));
  const socket = live.connectLive({
    onState: showConnection,
    onConnect: async (s) => {
      subscribed.clear();
      const ack = await live.ask(s, 'tournament:subscribe', { tournamentId }, 3000);
      tournamentRoom = !!ack?.ok;
      await subscribeLive(s);
      refreshSoon();
    },
  });
  socket.on('tournament:score', (line) => scoreChanged(line.gameId, line.score, line.status));
  socket.on('game:event', (delta) => {
    scoreChanged(delta.gameId, delta.game?.score);
    if (tab === 'standings' || tab === 'bracket') refreshSoon();
  });
  socket.on('tournament:game-status', refreshSoon);
  socket.on('tournament:changed', refreshSoon);
  socket.on('game:status', refreshSoon);
  // Games that start later are picked up here, and a missed message is healed by this.
  setInterval(
    () =>
      load().then(
        () => (render(), subscribeLive(socket)),
        () => undefined,
      ),
    60_000,
  );
}

page(async () => {
  if (!data.tournament) {
    try {
      await load();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return notFoundView();
      throw e;
    }
    render();
    return void startLive();
  }
  render();
});
