// DOM helpers. Text always goes in as text nodes (never innerHTML), so names such as
// `<img src=x onerror=alert(1)>` show as the characters they are.

/**
 * h('a', { href, class: 'x', onclick }, 'text', child, [more]) — attributes, event handlers
 * (on*), and children (strings become text nodes; null/false are skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const byId = (id) => document.getElementById(id);

/** The path segments of the address: /t/<id>/standings -> ['t', '<id>', 'standings']. */
export const pathParts = () => location.pathname.split('/').filter(Boolean).map(decodeURIComponent);

/** A labelled form field: the label wraps its control, so every control has an accessible name. */
export function field(label, control, hint) {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('small', { class: 'muted' }, hint) : null,
  );
}

/** A table whose wrapper scrolls sideways on a narrow phone, so the page itself does not. */
export function table(head, rows, options = {}) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': options.label ?? '' },
    h(
      'table',
      { class: options.class ?? 'grid' },
      options.caption ? h('caption', {}, options.caption) : null,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          // A column of names (left-aligned in the body) gets a left-aligned heading too.
          head.map((c, i) =>
            h('th', { scope: 'col', class: rows[0]?.children?.[i]?.classList.contains('name') ? 'name' : null }, c),
          ),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}
