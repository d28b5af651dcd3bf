// Picking the unit that enters a team: type to search the registry (Chinese names match anywhere
// in the name), pick a match, or add a new unit when nothing fits. Re-typing an existing name picks it.
import { field, fill, h } from '../dom.js';
import { t } from '../i18n.js';

const KINDS = ['enterprise', 'district_union', 'county_union', 'industry_union', 'federation', 'other'];
const MAX_MATCHES = 8;

/**
 * @typedef {{ id: string, name: string }} Unit
 * @typedef {{ unitId: string } | { newUnit: { name: string, kind: string } } | null} UnitChoice
 * @param {Unit[]} units the registry
 * @returns {{ element: HTMLElement, choice: () => UnitChoice }}
 */
export function unitPicker(units) {
  /** @type {Unit | null} */
  let picked = null;
  const search = h('input', {
    type: 'search',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'unit-matches',
    autocomplete: 'off',
    maxlength: '100',
  });
  const matches = h('ul', { id: 'unit-matches', class: 'unit-matches', role: 'listbox', 'aria-label': t('unit') });
  const kind = h(
    'select',
    {},
    KINDS.map((k) => h('option', { value: k }, t(`unitKind_${k}`))),
  );
  const kindField = field(t('unitKind'), kind);
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const exact = (/** @type {string} */ text) => units.find((u) => u.name === text) ?? null;

  const pick = (/** @type {Unit} */ unit) => {
    picked = unit;
    search.value = unit.name;
    draw();
  };
  function draw() {
    const text = search.value.trim();
    if (picked && picked.name !== text) picked = null;
    picked ??= exact(text);
    const found = text && !picked ? units.filter((u) => u.name.includes(text)).slice(0, MAX_MATCHES) : [];
    fill(
      matches,
      found.map((u) =>
        h(
          'li',
          { role: 'option' },
          h('button', { type: 'button', class: 'secondary', onclick: () => pick(u) }, u.name),
        ),
      ),
    );
    search.setAttribute('aria-expanded', found.length ? 'true' : 'false');
    kindField.style.display = !text || picked ? 'none' : '';
    status.textContent = picked ? t('unitPicked', { name: picked.name }) : text ? t('unitNone', { name: text }) : '';
  }
  search.addEventListener('input', draw);
  draw();
  return {
    element: h('div', { class: 'unit-picker' }, field(t('unitSearch'), search), matches, status, kindField),
    choice: () => {
      const text = search.value.trim();
      if (picked) return { unitId: picked.id };
      return text ? { newUnit: { name: text, kind: kind.value } } : null;
    },
  };
}
