// Organiser desk (/desk, /desk/t/:id/:tab): the everyday work — create a tournament from a
// template, teams and CSV rosters, draw, games and schedule (with moves), scorekeepers and game
// codes, confirming results, the decided awards. Everything else: the API docs.
import { api, ApiError, getAll, loadSession, saveSession } from '../api.js';
import { field, fill, h, pathParts, table } from '../dom.js';
import { isDone, statusText, whenText } from '../format.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle, tabs } from '../layout.js';
import { firstAdminView } from './desk-setup.js';
import { paperResultView } from '../desk-paper-result.js';

const [, , tournamentId, tabParam] = pathParts();
const tab = tabParam ?? 'setup';
const auth = { auth: true };
const call = (method, url, body, options = {}) => api(method, url, body, { ...auth, ...options });
let flash = null; // { ok: boolean, text }
/** The game code just issued (shown once, as the API shows it once). */
let lastCode = null;

const say = (ok, text) => {
  flash = { ok, text };
  render();
};
const failed = (e) =>
  say(
    false,
    e instanceof ApiError
      ? `${e.message}${e.body?.details?.length ? ` — ${e.body.details.map((d) => `${d.row ? `#${d.row} ` : ''}${d.field}: ${d.reason}`).join('; ')}` : ''}`
      : e.message,
  );
/** Runs an action, then shows its result and redraws. */
const act = (fn, okText = t('saved')) => fn().then(() => say(true, okText), failed);

const flashView = () =>
  flash ? h('p', { class: flash.ok ? 'queue' : 'error', role: flash.ok ? 'status' : 'alert' }, flash.text) : null;

function loginView() {
  renderTop([[t('deskTitle'), '/desk']]);
  setTitle(t('deskTitle'));
  if (firstAdminView(() => render())) return;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  fill(
    main(),
    h('h1', {}, t('deskTitle')),
    flashView(),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          api('POST', '/api/v1/auth/login', { username: username.value.trim(), password: password.value })
            .then((tokens) => {
              saveSession(tokens);
              flash = null;
              render();
            })
            .catch(() => say(false, t('loginFailed')));
        },
      },
      field(t('username'), username),
      field(t('password'), password),
      h('button', { type: 'submit' }, t('login')),
    ),
  );
}

// ---------- tournaments ----------

async function homeView() {
  renderTop([[t('deskTitle'), '/desk']]);
  setTitle(t('deskTitle'));
  const mine = await call('GET', '/api/v1/tournaments/mine?pageSize=100&sort=-createdAt');
  const today = new Date().toISOString().slice(0, 10);
  const f = {
    name: h('input', { required: true, maxlength: '100' }),
    season: h('input', { required: true, value: today.slice(0, 4), maxlength: '20' }),
    venue: h('input', { maxlength: '200' }),
    startsOn: h('input', { type: 'date', required: true, value: today }),
    endsOn: h('input', { type: 'date', required: true, value: today }),
    rosterMax: h('input', { type: 'number', min: '5', max: '30', value: '12' }),
  };
  fill(
    main(),
    h('h1', {}, t('myTournaments')),
    flashView(),
    h(
      'ul',
      { class: 'list' },
      mine.items.map((x) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: 'card', style: { display: 'block' }, href: `/desk/t/${x.id}` },
            x.name,
            ' ',
            h('span', { class: 'badge' }, t(`tournament_${x.status}`)),
          ),
        ),
      ),
    ),
    h('h2', {}, t('newTournament')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          call('POST', '/api/v1/tournaments', {
            name: f.name.value,
            season: f.season.value,
            venue: f.venue.value || null,
            startsOn: f.startsOn.value,
            endsOn: f.endsOn.value,
            rules: { rosterMax: Number(f.rosterMax.value) },
          }).then((x) => location.assign(`/desk/t/${x.id}`), failed);
        },
      },
      field(t('name'), f.name),
      h('div', { class: 'row' }, field(t('season', { season: '' }).trim(), f.season), field(t('venue'), f.venue)),
      h(
        'div',
        { class: 'row' },
        field(t('startsOn'), f.startsOn),
        field(t('endsOn'), f.endsOn),
        field(t('rosterMax'), f.rosterMax),
      ),
      h('button', { type: 'submit' }, t('create')),
    ),
    h(
      'p',
      {},
      h('a', { href: '/api/docs' }, t('apiDocs')),
      ' · ',
      h('button', { type: 'button', class: 'secondary', onclick: logout }, t('logout')),
    ),
  );
}

function logout() {
  call('POST', '/api/v1/auth/logout').catch(() => undefined);
  saveSession(null);
  render();
}

// ---------- one tournament ----------

let tour = null;

async function tournamentView() {
  tour = await call('GET', `/api/v1/tournaments/${tournamentId}`);
  renderTop([
    [t('deskTitle'), '/desk'],
    [tour.name, `/desk/t/${tour.id}`],
  ]);
  setTitle(`${t('deskTitle')} · ${tour.name}`);
  const base = `/desk/t/${tour.id}`;
  const views = {
    setup: setupView,
    teams: teamsView,
    schedule: scheduleView,
    scorers: scorersView,
    results: resultsView,
    awards: awardsView,
  };
  const body = views[tab] ? await views[tab]() : h('p', {}, t('notFound'));
  fill(
    main(),
    h('h1', {}, tour.name),
    h(
      'p',
      {},
      h('a', { href: `/t/${tour.id}` }, t('fanPage')),
      ' · ',
      h('span', { class: 'badge' }, t(`tournament_${tour.status}`)),
    ),
    tabs(
      [
        ['setup', t('tabSetup'), base],
        ['teams', t('tabDeskTeams'), `${base}/teams`],
        ['schedule', t('tabSchedule'), `${base}/schedule`],
        ['scorers', t('tabScorers'), `${base}/scorers`],
        ['results', t('tabResults'), `${base}/results`],
        ['awards', t('tabDeskAwards'), `${base}/awards`],
      ],
      tab,
      t('deskTitle'),
    ),
    flashView(),
    body,
  );
}

const comp = (path = '') => `/api/v1/tournaments/${tournamentId}/competition${path}`;

async function setupView() {
  const current = await call('GET', comp()).catch((e) =>
    e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
  );
  const teams = await getAll(`/api/v1/tournaments/${tournamentId}/teams`);
  const choice = h(
    'select',
    {},
    h('option', { value: 'huzhou3' }, t('tplHuzhou3')),
    h('option', { value: 'huzhou4' }, t('tplHuzhou4')),
    h('option', { value: 'custom' }, t('tplCustom')),
  );
  const n = (value, min, max) =>
    h('input', { type: 'number', min: String(min), max: String(max), value: String(value) });
  const teamCount = n(teams.length || 10, 2, 1024);
  const groupCount = n(3, 1, 256);
  const advance = n(1, 0, 64);
  const best = n(1, 0, 64);
  const third = h('input', { type: 'checkbox', checked: true });
  const seed = h('input', { type: 'number', min: '0' });
  const apart = h('input', { type: 'checkbox' });
  const apply = () => {
    if (choice.value === 'huzhou3') return { huzhou2024: 'three_groups_best_runner_up' };
    if (choice.value === 'huzhou4') return { huzhou2024: 'four_groups_quarter_finals' };
    return {
      template: {
        teamCount: Number(teamCount.value),
        groupCount: Number(groupCount.value),
        advancePerGroup: Number(advance.value),
        ...(Number(best.value) > 0 ? { bestPlaced: { place: 2, count: Number(best.value) } } : {}),
        knockout: { thirdPlaceGame: third.checked },
      },
    };
  };
  return h(
    'div',
    {},
    current
      ? h('p', { class: 'queue' }, t('phase', { phase: current.phase }), ` · ${current.gameCount} ${t('games')}`)
      : null,
    h(
      'form',
      { class: 'card', onsubmit: (e) => (e.preventDefault(), act(() => call('PUT', comp(), apply()))) },
      h('h2', {}, t('template')),
      field(t('template'), choice),
      h(
        'div',
        { class: 'row' },
        field(t('teamCount'), teamCount),
        field(t('groupCount'), groupCount),
        field(t('advancePerGroup'), advance),
        field(t('bestRunnersUp'), best),
      ),
      h('label', { class: 'check' }, third, t('thirdPlaceGame')),
      h('button', { type: 'submit' }, t('applyFormat')),
    ),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => (
          e.preventDefault(),
          act(() =>
            call('POST', comp('/draw'), {
              method: 'random',
              keepUnitsApart: apart.checked,
              ...(seed.value ? { seed: Number(seed.value) } : {}),
            }),
          )
        ),
      },
      h('h2', {}, t('drawGroups')),
      field(t('seed'), seed),
      h('label', { class: 'check' }, apart, t('keepUnitsApart')),
      h('button', { type: 'submit' }, t('drawRandom')),
    ),
    current?.draw
      ? h(
          'div',
          { class: 'two-col' },
          current.draw.groups.map((g) =>
            h(
              'div',
              { class: 'card' },
              h('h3', {}, t('groupName', { id: g.groupId })),
              h(
                'ol',
                {},
                g.teams.map((x) => h('li', {}, x.name)),
              ),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: () => act(() => call('POST', comp('/games'))) }, t('generateGames')),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => act(() => call('POST', `/api/v1/tournaments/${tournamentId}/start`)),
        },
        t('startTournament'),
      ),
    ),
  );
}

async function teamsView() {
  const [teams, units] = await Promise.all([
    getAll(`/api/v1/tournaments/${tournamentId}/teams`),
    getAll('/api/v1/units'),
  ]);
  const name = h('input', { required: true, maxlength: '60' });
  const unit = h(
    'select',
    {},
    h('option', { value: '' }, '—'),
    units.map((u) => h('option', { value: u.id }, u.name)),
  );
  const newUnit = h('input', { maxlength: '100' });
  const addTeam = async () => {
    let unitId = unit.value;
    if (!unitId && newUnit.value.trim())
      unitId = (await call('POST', '/api/v1/units', { name: newUnit.value.trim(), kind: 'enterprise' })).id;
    await call('POST', `/api/v1/tournaments/${tournamentId}/teams`, { name: name.value, unitId });
  };
  return h(
    'div',
    {},
    h(
      'form',
      { class: 'card', onsubmit: (e) => (e.preventDefault(), act(addTeam)) },
      h('h2', {}, t('addTeam')),
      field(t('name'), name),
      h('div', { class: 'row' }, field(t('unit'), unit), field(`${t('newUnit')} (${t('optional')})`, newUnit)),
      h('button', { type: 'submit' }, t('addTeam')),
    ),
    h('p', { class: 'muted' }, t('csvHint')),
    h(
      'ul',
      { class: 'list' },
      teams.map((team) => {
        const file = h('input', { type: 'file', accept: '.csv,text/csv' });
        const importCsv = async () => {
          const text = await file.files?.[0]?.text();
          if (!text) return;
          const res = await call('POST', `/api/v1/teams/${team.id}/players/import`, text, {
            contentType: 'text/csv; charset=utf-8',
          });
          flash = { ok: true, text: t('imported', { n: res.imported }) };
        };
        return h(
          'li',
          { class: 'card' },
          h('strong', {}, h('a', { href: `/teams/${team.id}` }, team.name)),
          ` · ${team.rosterSize} ${t('players')}`,
          h(
            'form',
            { class: 'row', onsubmit: (e) => (e.preventDefault(), act(importCsv, t('done'))) },
            field(`${t('importCsv')} · ${team.name}`, file),
            h('button', { type: 'submit', class: 'secondary' }, t('importCsv')),
          ),
        );
      }),
    ),
  );
}

async function scheduleView() {
  const courts = await call('GET', comp('/courts')).catch(() => ({ courts: [] }));
  const schedule = await call('GET', comp('/schedule')).catch(() => null);
  const day = tour.startsOn;
  const rows = (
    courts.courts.length
      ? courts.courts
      : [{ id: 'main', name: '主场', windows: [{ start: `${day}T08:00`, end: `${day}T22:00` }] }]
  ).map((c) => ({
    id: h('input', { value: c.id, pattern: '[A-Za-z0-9_-]{1,20}', required: true }),
    name: h('input', { value: c.name, required: true }),
    start: h('input', { type: 'datetime-local', value: c.windows[0]?.start ?? `${day}T08:00` }),
    end: h('input', { type: 'datetime-local', value: c.windows[0]?.end ?? `${day}T22:00` }),
  }));
  const courtForm = h('form', {
    class: 'card',
    onsubmit: (e) => (
      e.preventDefault(),
      act(() =>
        call('PUT', comp('/courts'), {
          courts: rows.map((r) => ({
            id: r.id.value,
            name: r.name.value,
            windows: [{ start: r.start.value.slice(0, 16), end: r.end.value.slice(0, 16) }],
          })),
        }),
      )
    ),
  });
  const drawCourts = () =>
    fill(
      courtForm,
      h('h2', {}, t('courts')),
      rows.map((r) =>
        h(
          'div',
          { class: 'row' },
          field('id', r.id),
          field(t('courtName'), r.name),
          field(t('windowStart'), r.start),
          field(t('windowEnd'), r.end),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => (
              rows.push({
                id: h('input', { value: `c${rows.length + 1}` }),
                name: h('input', { value: `${rows.length + 1}号场` }),
                start: h('input', { type: 'datetime-local', value: `${day}T08:00` }),
                end: h('input', { type: 'datetime-local', value: `${day}T22:00` }),
              }),
              drawCourts()
            ),
          },
          t('addCourt'),
        ),
        h('button', { type: 'submit' }, t('saveCourts')),
      ),
    );
  drawCourts();
  const slot = h('input', { type: 'number', min: '10', max: '600', value: '90' });
  const rest = h('input', { type: 'number', min: '0', max: '1440', value: '60' });
  return h(
    'div',
    {},
    courtForm,
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => (
          e.preventDefault(),
          act(() =>
            call('POST', comp('/schedule'), { slotMinutes: Number(slot.value), minRestMinutes: Number(rest.value) }),
          )
        ),
      },
      h('div', { class: 'row' }, field(t('slotMinutes'), slot), field(t('minRest'), rest)),
      h('button', { type: 'submit' }, t('generateSchedule')),
    ),
    schedule
      ? table(
          [t('games'), t('court'), t('windowStart'), t('moveTo')],
          schedule.games.map((g) => {
            const court = h(
              'select',
              { 'aria-label': `${t('court')} ${g.gameId}` },
              schedule.courts.map((c) => h('option', { value: c.id, selected: c.id === g.courtId }, c.name)),
            );
            const start = h('input', {
              type: 'datetime-local',
              value: g.start,
              'aria-label': `${t('windowStart')} ${g.gameId}`,
            });
            return h(
              'tr',
              {},
              h(
                'td',
                { class: 'name' },
                `${g.gameId} · ${g.home.team?.name ?? g.home.label} ${t('vs')} ${g.away.team?.name ?? g.away.label}`,
              ),
              h('td', {}, g.courtName),
              h('td', {}, whenText(g.start)),
              h(
                'td',
                {},
                h(
                  'div',
                  { class: 'row' },
                  court,
                  start,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      onclick: () =>
                        act(() =>
                          call('POST', comp('/schedule/moves'), {
                            gameId: g.gameId,
                            courtId: court.value,
                            start: start.value.slice(0, 16),
                          }),
                        ),
                    },
                    t('moveGame'),
                  ),
                ),
              ),
            );
          }),
          { caption: t('tabSchedule'), label: t('tabSchedule') },
        )
      : null,
  );
}

async function scorersView() {
  const [games, assignments, codes] = await Promise.all([
    getAll(`/api/v1/tournaments/${tournamentId}/games`),
    call('GET', `/api/v1/tournaments/${tournamentId}/scorekeepers`),
    call('GET', `/api/v1/tournaments/${tournamentId}/game-codes`),
  ]);
  const open = games.filter((g) => !isDone(g.status));
  const label = (g) =>
    `${g.competitionKey ?? ''} ${g.homeTeam?.name ?? t('tbd')} ${t('vs')} ${g.awayTeam?.name ?? t('tbd')} · ${whenText(g.scheduledAt)}`;
  const gameSelect = () =>
    h(
      'select',
      {},
      open.map((g) => h('option', { value: g.id }, label(g))),
    );
  const user = h('input', { required: true, pattern: '[a-z0-9._-]{3,40}', autocomplete: 'off' });
  const display = h('input', { maxlength: '40' });
  const pass = h('input', { type: 'password', minlength: '12', autocomplete: 'new-password' });
  const assignUser = h('input', { required: true });
  const assignGame = gameSelect();
  const codeGame = gameSelect();
  const issue = async () => {
    lastCode = await call('POST', `/api/v1/tournaments/${tournamentId}/game-codes`, { gameId: codeGame.value });
  };
  const gameName = (id) => label(games.find((g) => g.id === id) ?? {});
  return h(
    'div',
    {},
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => (
          e.preventDefault(),
          act(() =>
            call('POST', '/api/v1/accounts', {
              username: user.value.trim(),
              displayName: display.value || user.value,
              role: 'scorekeeper',
              password: pass.value,
            }),
          )
        ),
      },
      h('h2', {}, t('createAccount')),
      h(
        'div',
        { class: 'row' },
        field(t('username'), user),
        field(t('displayName'), display),
        field(t('password'), pass),
      ),
      h('button', { type: 'submit' }, t('createAccount')),
    ),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => (
          e.preventDefault(),
          act(() =>
            call('POST', `/api/v1/tournaments/${tournamentId}/scorekeepers`, {
              username: assignUser.value.trim(),
              gameId: assignGame.value,
            }),
          )
        ),
      },
      h('h2', {}, t('assign')),
      h('div', { class: 'row' }, field(t('scorekeeperAccount'), assignUser), field(t('games'), assignGame)),
      h('button', { type: 'submit' }, t('assign')),
      h(
        'ul',
        {},
        assignments.map((a) =>
          h(
            'li',
            {},
            `${a.displayName} (${a.username}) · ${a.gameId ? gameName(a.gameId) : `${a.court} ${a.day}`} `,
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => act(() => call('DELETE', `/api/v1/tournaments/${tournamentId}/scorekeepers/${a.id}`)),
              },
              t('revoke'),
            ),
          ),
        ),
      ),
    ),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          issue().then(() => say(true, t('codeIssued', { code: lastCode.code })), failed);
        },
      },
      h('h2', {}, t('issueCode')),
      field(t('games'), codeGame),
      h('button', { type: 'submit' }, t('issueCode')),
      lastCode
        ? [
            h('p', { class: 'code-big', 'data-testid': 'game-code' }, lastCode.code),
            h('p', {}, h('a', { href: lastCode.link }, `${location.origin}${lastCode.link}`)),
          ]
        : null,
      h(
        'ul',
        {},
        codes.map((code) =>
          h(
            'li',
            {},
            `${gameName(code.gameId)} · ${t(`code_${code.status}`)} `,
            code.status === 'active' || code.status === 'used'
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: () =>
                      act(() => call('DELETE', `/api/v1/tournaments/${tournamentId}/game-codes/${code.id}`)),
                  },
                  t('revoke'),
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

async function resultsView() {
  const games = await getAll(`/api/v1/tournaments/${tournamentId}/games`);
  const shown = games.filter((g) => g.status !== 'scheduled');
  const list = table(
    [t('games'), t('points'), t('status_live'), ''],
    shown.map((g) =>
      h(
        'tr',
        {},
        h(
          'td',
          { class: 'name' },
          h(
            'a',
            { href: `/g/${g.id}` },
            `${g.competitionKey ?? ''} ${g.homeTeam?.name ?? ''} ${t('vs')} ${g.awayTeam?.name ?? ''}`,
          ),
        ),
        h('td', {}, `${g.homeScore}:${g.awayScore}`),
        h('td', {}, statusText(g.status)),
        h(
          'td',
          {},
          g.status === 'final'
            ? h(
                'button',
                {
                  type: 'button',
                  onclick: () => act(() => call('POST', `/api/v1/games/${g.id}/transitions`, { to: 'official' })),
                },
                t('confirmResult'),
              )
            : '',
        ),
      ),
    ),
    { caption: t('tabResults'), label: t('tabResults') },
  );
  return h('div', {}, list, paperResultView({ games, call, done: (text) => say(true, text) }));
}

const AWARD_KEYS = [
  ['mvp', 'player', 1],
  ['all_tournament_team', 'player', 5],
  ['sportsmanship', 'team', 1],
  ['best_organising_unit', 'unit', 1],
];

async function awardsView() {
  const decisions = await call('GET', `/api/v1/tournaments/${tournamentId}/awards/decisions`).catch((e) =>
    e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!decisions) return h('p', { class: 'muted' }, t('awardsApiMissing'));
  const [teams, players, units] = await Promise.all([
    getAll(`/api/v1/tournaments/${tournamentId}/teams`),
    getAll(`/api/v1/tournaments/${tournamentId}/players`),
    getAll('/api/v1/units'),
  ]);
  const options = {
    player: players.map((p) => [
      p.id,
      `#${p.jerseyNumber} ${p.name} (${teams.find((x) => x.id === p.teamId)?.name ?? ''})`,
    ]),
    team: teams.map((x) => [x.id, x.name]),
    unit: units.map((u) => [u.id, u.name]),
  };
  return h(
    'div',
    {},
    AWARD_KEYS.map(([key, type, count]) => {
      const current = decisions.decisions.find((d) => d.key === key);
      const selects = Array.from({ length: count }, (_, i) =>
        h(
          'select',
          { 'aria-label': `${key} ${i + 1}` },
          h('option', { value: '' }, '—'),
          options[type].map(([id, text]) =>
            h('option', { value: id, selected: current?.recipients[i]?.id === id }, text),
          ),
        ),
      );
      const citation = h('textarea', { maxlength: '500', rows: '2' });
      citation.value = current?.citation ?? '';
      const save = () =>
        call('PUT', `/api/v1/tournaments/${tournamentId}/awards/decisions/${key}`, {
          recipients: selects.filter((s) => s.value).map((s) => ({ type, id: s.value })),
          ...(citation.value.trim() ? { citation: citation.value.trim() } : {}),
        });
      return h(
        'form',
        { class: 'card', onsubmit: (e) => (e.preventDefault(), act(save)) },
        h('h2', {}, t(`award_${key}`)),
        field(t('recipient'), h('div', {}, selects)),
        field(t('citation'), citation),
        h('button', { type: 'submit' }, t('save')),
      );
    }),
  );
}

// ---------- routing ----------

async function render() {
  const session = loadSession();
  if (!session || (session.role !== 'organiser' && session.role !== 'admin')) return loginView();
  try {
    if (!tournamentId) await homeView();
    else await tournamentView();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      saveSession(null);
      return loginView();
    }
    throw e;
  }
}

page(render);
