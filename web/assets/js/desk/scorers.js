// Scorekeepers: an account created from the desk, picked (not typed) for a game, and game codes.
import { getAll } from '../api.js';
import { field, h } from '../dom.js';
import { isDone, whenText } from '../format.js';
import { t } from '../i18n.js';
import { qrBox } from '../share.js';
import { act, actionForm, call, callAll, gameNames, route } from './context.js';

/** A username: lower-case letters, digits, dot, dash, underscore (the hyphen escaped for the v flag). */
const USERNAME = '[a-z0-9._\\-]{3,40}';
/** The account created last, chosen in the picker when the view is drawn again. */
let lastCreated = '';
/** The game code just issued (shown once, as the API shows it once). */
let lastCode = /** @type {{ code: string, link: string } | null} */ (null);

/** @param {any[]} games @param {{ title(g: any): string }} names */
const gameLabel = (games, names) => (/** @type {string} */ id) => {
  const g = games.find((x) => x.id === id) ?? {};
  return `${names.title(g)} · ${whenText(g.scheduledAt)}`;
};

function accountForm() {
  const user = h('input', { required: true, pattern: USERNAME, autocomplete: 'off', title: t('usernameHint') });
  const display = h('input', { maxlength: '40' });
  const pass = h('input', { type: 'password', required: true, minlength: '12', autocomplete: 'new-password' });
  const create = () => {
    const username = user.value.trim();
    return call('POST', '/api/v1/accounts', {
      username,
      displayName: display.value.trim() || username,
      role: 'scorekeeper',
      password: pass.value,
    }).then((a) => ((lastCreated = a.username), a));
  };
  return actionForm(
    {},
    create,
    (a) => t('accountCreated', { name: a.username }),
    { username: t('username'), displayName: t('displayName'), password: t('password') },
    h('h2', {}, t('createAccount')),
    h(
      'div',
      { class: 'row' },
      field(t('username'), user, t('usernameHint')),
      field(t('displayName'), display),
      field(t('password'), pass, t('passwordHint')),
    ),
    h('button', { type: 'submit' }, t('createAccount')),
  );
}

/** @param {any[]} accounts @param {any[]} open @param {any[]} assignments @param {(id: string) => string} label */
function assignForm(accounts, open, assignments, label) {
  const account = h(
    'select',
    { required: true },
    accounts.map((a) =>
      h('option', { value: a.username, selected: a.username === lastCreated }, `${a.displayName} (${a.username})`),
    ),
  );
  const game = h(
    'select',
    {},
    open.map((g) => h('option', { value: g.id }, label(g.id))),
  );
  return actionForm(
    {},
    () =>
      call('POST', `/api/v1/tournaments/${route.tournamentId}/scorekeepers`, {
        username: account.value,
        gameId: game.value,
      }),
    t('assigned'),
    { username: t('pickScorekeeper'), gameId: t('games') },
    h('h2', {}, t('assign')),
    accounts.length
      ? h('div', { class: 'row' }, field(t('pickScorekeeper'), account), field(t('games'), game))
      : h('p', { class: 'muted' }, t('noScorekeepers')),
    accounts.length ? h('button', { type: 'submit' }, t('assign')) : null,
    h(
      'ul',
      {},
      assignments.map((a) =>
        h(
          'li',
          {},
          `${a.displayName} (${a.username}) · ${a.gameId ? label(a.gameId) : `${a.court} ${a.day}`} `,
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () =>
                act(() => call('DELETE', `/api/v1/tournaments/${route.tournamentId}/scorekeepers/${a.id}`)),
            },
            t('revoke'),
          ),
        ),
      ),
    ),
  );
}

/** @param {any[]} open @param {any[]} codes @param {(id: string) => string} label */
function codesForm(open, codes, label) {
  const game = h(
    'select',
    {},
    open.map((g) => h('option', { value: g.id }, label(g.id))),
  );
  return actionForm(
    {},
    () =>
      call('POST', `/api/v1/tournaments/${route.tournamentId}/game-codes`, { gameId: game.value }).then(
        (c) => (lastCode = c),
      ),
    (c) => t('codeIssued', { code: c.code }),
    { gameId: t('games') },
    h('h2', {}, t('issueCode')),
    field(t('games'), game),
    h('button', { type: 'submit' }, t('issueCode')),
    lastCode
      ? [
          h('p', { class: 'code-big', 'data-testid': 'game-code' }, lastCode.code),
          h('p', { class: 'desk-link' }, h('a', { href: lastCode.link }, `${location.origin}${lastCode.link}`)),
          // The scorekeeper's phone scans this to open the console for the game.
          qrBox(`${location.origin}${lastCode.link}`, t('shConsoleQr'), 180),
        ]
      : null,
    h(
      'ul',
      {},
      codes.map((code) =>
        h(
          'li',
          {},
          `${label(code.gameId)} · ${t(`code_${code.status}`)} `,
          code.status === 'active' || code.status === 'used'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  onclick: () =>
                    act(() => call('DELETE', `/api/v1/tournaments/${route.tournamentId}/game-codes/${code.id}`)),
                },
                t('revoke'),
              )
            : null,
        ),
      ),
    ),
  );
}

export async function scorersView() {
  const base = `/api/v1/tournaments/${route.tournamentId}`;
  const [games, assignments, codes, accounts, names] = await Promise.all([
    getAll(`${base}/games`),
    call('GET', `${base}/scorekeepers`),
    call('GET', `${base}/game-codes`),
    callAll('/api/v1/accounts?role=scorekeeper'),
    gameNames(),
  ]);
  const open = games.filter((g) => !isDone(g.status));
  const label = gameLabel(games, names);
  return h('div', {}, accountForm(), assignForm(accounts, open, assignments, label), codesForm(open, codes, label));
}
