// The frame every page shares: top bar with the language switch, the main area, errors.
import { byId, fill, h } from './dom.js';
import { currentLang, onLangChange, setLang, t } from './i18n.js';

/** Draws the top bar; `crumbs` are [text, href] pairs shown after the brand. */
export function renderTop(crumbs = []) {
  const top = byId('top');
  fill(
    top,
    h(
      'nav',
      { class: 'top-nav', 'aria-label': 'Courtside' },
      h('a', { class: 'brand', href: '/' }, t('brand')),
      crumbs.filter(Boolean).map(([text, href]) => h('a', { class: 'crumb', href }, text)),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        lang: currentLang() === 'zh' ? 'en' : 'zh-CN',
        'aria-label': t('switchLangLabel'),
        onclick: () => setLang(currentLang() === 'zh' ? 'en' : 'zh'),
      },
      t('switchLang'),
    ),
  );
}

export const main = () => byId('main');

/** Runs `render` now and again whenever the language changes. */
export function page(render) {
  const run = () => {
    try {
      const result = render();
      if (result && typeof result.catch === 'function') result.catch(showError);
    } catch (e) {
      showError(e);
    }
  };
  onLangChange(run);
  run();
}

export function showError(e) {
  console.error(e);
  fill(main(), h('p', { class: 'error', role: 'alert' }, t('error', { message: e?.message ?? String(e) })));
}

export function notFoundView() {
  renderTop();
  fill(main(), h('h1', {}, t('notFound')), h('p', {}, h('a', { href: '/' }, t('backHome'))));
}

export function setTitle(text) {
  document.title = `${text} · Courtside`;
}

/** A tab bar of real links (each tab is a shareable address). */
export function tabs(items, active, label) {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': label },
    items.map(([key, text, href]) =>
      h(
        'a',
        { href, class: key === active ? 'tab active' : 'tab', 'aria-current': key === active ? 'page' : null },
        text,
      ),
    ),
  );
}
