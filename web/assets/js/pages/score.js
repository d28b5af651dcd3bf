// Scorekeeper pages (/score, /score/:gameId, /score?code=123456): log in or use a game code,
// pick the game, then the console (scorer/console.js) records its plays.
import { api, ApiError, getAll, loadSession, NetworkError, saveSession } from '../api.js';
import { field, fill, h, pathParts } from '../dom.js';
import { isDone, whenText } from '../format.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle } from '../layout.js';
import { closeConsole, consoleState, draw, openConsole } from '../scorer/console.js';
import { errorText } from '../scorer/errors.js';

const params = new URLSearchParams(location.search);
let gameId = pathParts()[1] ?? null;
let message = null;

function go(path) {
  history.replaceState(null, '', path);
  gameId = pathParts()[1] ?? null;
}

// ---------- login and game choice ----------

async function useCode(code) {
  const tokens = await api('POST', '/api/v1/auth/game-code', { code });
  saveSession(tokens);
  const me = await api('GET', '/api/v1/auth/me', undefined, { auth: true });
  const id = me.scope?.gameIds?.[0];
  go(id ? `/score/${id}` : '/score');
}

function loginView() {
  renderTop([[t('scoreTitle'), '/score']]);
  setTitle(t('scoreTitle'));
  const code = h('input', {
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: '6',
    required: true,
    value: params.get('code') ?? '',
  });
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const fail = (key) => (e) => {
    message = e instanceof ApiError && (e.status === 401 || e.status === 400) ? t(key) : errorText(e);
    render();
  };
  fill(
    main(),
    h('h1', {}, t('scoreTitle')),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          message = null;
          useCode(code.value.trim()).then(render, fail('codeInvalid'));
        },
      },
      field(t('gameCode'), code),
      h('button', { type: 'submit' }, t('useCode')),
    ),
    h('h2', {}, t('orLogin')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          message = null;
          api('POST', '/api/v1/auth/login', { username: username.value.trim(), password: password.value })
            .then((tokens) => (saveSession(tokens), render()))
            .catch(fail('loginFailed'));
        },
      },
      field(t('username'), username),
      field(t('password'), password),
      h('button', { type: 'submit' }, t('login')),
    ),
  );
}

let pick = { tournaments: null, tournamentId: null, games: null };

async function pickView() {
  const session = loadSession();
  renderTop([[t('scoreTitle'), '/score']]);
  setTitle(t('pickGame'));
  if (!pick.tournaments) {
    pick.tournaments =
      session.role === 'organiser' || session.role === 'admin'
        ? await api('GET', '/api/v1/tournaments/mine?pageSize=100', undefined, { auth: true }).then((r) => r.items ?? r)
        : await getAll('/api/v1/tournaments');
  }
  if (pick.tournamentId && !pick.games)
    pick.games = (await getAll(`/api/v1/tournaments/${pick.tournamentId}/games`)).filter(
      (g) => !isDone(g.status) && g.homeTeam && g.awayTeam,
    );
  const select = h(
    'select',
    {
      onchange: (e) => {
        pick = { ...pick, tournamentId: e.target.value || null, games: null };
        render();
      },
    },
    h('option', { value: '' }, '—'),
    pick.tournaments.map((x) => h('option', { value: x.id, selected: x.id === pick.tournamentId }, x.name)),
  );
  fill(
    main(),
    h('h1', {}, t('pickGame')),
    field(t('pickTournament'), select),
    pick.games
      ? h(
          'ul',
          { class: 'list' },
          pick.games.map((g) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  style: { width: '100%' },
                  onclick: () => (go(`/score/${g.id}`), render()),
                },
                `${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name} · ${whenText(g.scheduledAt)} ${g.court ?? ''}`,
              ),
            ),
          ),
        )
      : null,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: logout }, t('logout'))),
  );
}

function logout() {
  api('POST', '/api/v1/auth/logout', undefined, { auth: true }).catch(() => undefined);
  saveSession(null);
  pick = { tournaments: null, tournamentId: null, games: null };
  go('/score');
  render();
}

// ---------- routing ----------

async function render() {
  document.body.classList.remove('console-open');
  if (params.get('code') && !gameId && !loadSession()) {
    const code = params.get('code');
    params.delete('code');
    try {
      await useCode(code);
    } catch (e) {
      message = e instanceof ApiError ? t('codeInvalid') : errorText(e);
    }
  }
  if (!loadSession()) return loginView();
  if (!gameId) return pickView();
  renderTop([[t('scoreTitle'), '/score']]);
  if (!consoleState()) {
    fill(main(), h('p', { class: 'muted' }, t('loading')));
    await openConsole(gameId, {
      leave: () => (closeConsole(), go('/score'), render()),
      login: () => (saveSession(null), closeConsole(), render()),
    });
  }
  const g = consoleState().s.game;
  setTitle(`${t('scoreTitle')} · ${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name}`);
  fill(main(), h('h1', { class: 'sr' }, `${g.homeTeam.name} ${t('vs')} ${g.awayTeam.name}`), h('div', { id: 'sk' }));
  draw();
}

/** A page that could not open (no network, a refusal) says why in the scorer's words. */
function failed(e) {
  console.error(e);
  const text = e instanceof NetworkError ? t('skCannotOpen') : t('error', { message: errorText(e) });
  fill(main(), h('p', { class: 'error', role: 'alert' }, text));
}

page(() => render().catch(failed));
