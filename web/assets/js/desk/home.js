// The desk before a tournament is chosen: logging in, the organiser's tournaments, a new one.
import { api, saveSession } from '../api.js';
import { field, fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { main, renderTop, setTitle } from '../layout.js';
import { firstAdminView } from '../pages/desk-setup.js';
import { call, clearFlash, failed, flashView } from './context.js';

/** @param {() => unknown} render */
export function loginView(render) {
  renderTop([[t('deskTitle'), '/desk']]);
  setTitle(t('deskTitle'));
  if (firstAdminView(() => render())) return;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const login = (/** @type {Event} */ e) => {
    e.preventDefault();
    api('POST', '/api/v1/auth/login', { username: username.value.trim(), password: password.value })
      .then((tokens) => {
        saveSession(tokens);
        clearFlash();
        render();
      })
      .catch((err) => failed(err));
  };
  fill(
    main(),
    h('h1', {}, t('deskTitle')),
    flashView(),
    h(
      'form',
      { class: 'card', onsubmit: login },
      field(t('username'), username),
      field(t('password'), password),
      h('button', { type: 'submit' }, t('login')),
    ),
  );
}

/** @param {() => unknown} render */
export async function homeView(render) {
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
  const create = (/** @type {Event} */ e) => {
    e.preventDefault();
    call('POST', '/api/v1/tournaments', {
      name: f.name.value,
      season: f.season.value,
      venue: f.venue.value || null,
      startsOn: f.startsOn.value,
      endsOn: f.endsOn.value,
      rules: { rosterMax: Number(f.rosterMax.value) },
    }).then(
      (x) => location.assign(`/desk/t/${x.id}`),
      (err) => failed(err, { rosterMax: t('rosterMax') }),
    );
  };
  const logout = () => {
    call('POST', '/api/v1/auth/logout').catch(() => undefined);
    saveSession(null);
    render();
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
      { class: 'card', onsubmit: create },
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
