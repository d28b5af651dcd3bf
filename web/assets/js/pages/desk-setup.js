// First run: while there is no administrator the server prints a one-time link,
// /desk#setup=<token>. Opened here, it shows "create the first administrator" instead of the
// login form; the account is created with the token (POST /api/v1/setup/first-admin) and then
// logged in. The token lives only in the address's fragment, which browsers never send.
import { api, ApiError, saveSession } from '../api.js';
import { field, fill, h } from '../dom.js';
import { currentLang } from '../i18n.js';
import { main } from '../layout.js';

const TEXT = {
  title: ['创建第一个管理员', 'Create the first administrator'],
  intro: [
    '这是服务器启动时打印的一次性设置链接。设定管理员的用户名和密码（至少 12 个字符），之后用它登录并创建组织者账号。',
    'This is the one-time setup link the server printed. Choose the administrator’s username and password (at least 12 characters); then log in with it and create organiser accounts.',
  ],
  username: ['用户名（小写字母、数字、点、横线）', 'Username (lower-case letters, digits, dot, dash)'],
  password: ['密码（至少 12 个字符）', 'Password (at least 12 characters)'],
  again: ['再输入一次密码', 'Password again'],
  create: ['创建并登录', 'Create and log in'],
  differ: ['两次输入的密码不一致', 'The two passwords differ'],
  used: ['已有管理员：请直接登录。', 'An administrator exists already: log in.'],
  login: ['去登录', 'Go to login'],
};
const tr = (key) => TEXT[key][currentLang() === 'en' ? 1 : 0];

/** The token of a setup link (`#setup=<token>`), or null. */
export function setupToken() {
  const match = /^#setup=([A-Za-z0-9_-]{16,100})$/.exec(location.hash);
  return match ? match[1] : null;
}

/** Forgets the link (it works once) and shows the desk as usual. */
function leave(done) {
  history.replaceState(null, '', location.pathname + location.search);
  done();
}

/**
 * Shows the first-administrator form when the page was opened with a setup link and returns
 * true; otherwise returns false and the caller shows the login form. `done` redraws the desk.
 */
export function firstAdminView(done) {
  const token = setupToken();
  if (!token) return false;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, value: 'admin' });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'new-password',
    minlength: '12',
    required: true,
  });
  const again = h('input', { name: 'password-again', type: 'password', autocomplete: 'new-password', required: true });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const show = (text) => {
    message.textContent = text;
    message.hidden = false;
  };
  const button = h('button', { type: 'submit' }, tr('create'));
  fill(
    main(),
    h('h1', {}, tr('title')),
    h('p', { class: 'muted' }, tr('intro')),
    message,
    h(
      'form',
      {
        class: 'card',
        id: 'first-admin',
        onsubmit: async (e) => {
          e.preventDefault();
          if (password.value !== again.value) return show(tr('differ'));
          button.disabled = true;
          const name = username.value.trim().toLowerCase();
          try {
            await api('POST', '/api/v1/setup/first-admin', { token, username: name, password: password.value });
            saveSession(await api('POST', '/api/v1/auth/login', { username: name, password: password.value }));
            leave(done);
          } catch (err) {
            button.disabled = false;
            if (err instanceof ApiError && err.status === 409) {
              show(tr('used'));
              message.append(' ', h('a', { href: '/desk' }, tr('login')));
              return;
            }
            const details = err instanceof ApiError ? (err.body?.details ?? []) : [];
            show(details.length ? details.map((d) => `${d.field}: ${d.reason}`).join('; ') : err.message);
          }
        },
      },
      field(tr('username'), username),
      field(tr('password'), password),
      field(tr('again'), again),
      button,
    ),
  );
  return true;
}
