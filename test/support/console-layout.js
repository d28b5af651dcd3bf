/**
 * Runs in the page (test/score-console.e2e-spec.ts): every control a play needs on the scorer's
 * console — inside the viewport, not covered by anything (elementFromPoint at its centre), buttons
 * at least 44×44 px — and how far the page had to scroll (it must not).
 */
/* global document, window */
(() => {
  const one = (sel) => document.querySelector(sel);
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const shown = [
    ['home score', one('[data-testid="console-home-score"]')],
    ['away score', one('[data-testid="console-away-score"]')],
    ['period', one('[data-testid="console-period"]')],
    ['clock', one('[data-testid="console-clock"]')],
    ['home fouls', one('[data-testid="console-home-fouls"]')],
    ['away fouls', one('[data-testid="console-away-fouls"]')],
    ['home time-outs left', one('[data-testid="console-home-timeouts"]')],
    ['away time-outs left', one('[data-testid="console-away-timeouts"]')],
  ];
  const buttons = [
    ['clock button', one('[data-testid="clock-button"]')],
    ['help', one('.c-help-btn')],
    ['time-out home', one('[data-testid="timeout-home"]')],
    ['time-out away', one('[data-testid="timeout-away"]')],
    ['bench home', one('[data-testid="bench-home"]')],
    ['bench away', one('[data-testid="bench-away"]')],
    ...all('[data-testid="players-home"] .pbtn').map((b) => [`home ${b.getAttribute('aria-label')}`, b]),
    ...all('[data-testid="players-away"] .pbtn').map((b) => [`away ${b.getAttribute('aria-label')}`, b]),
    ...all('.c-pad button').map((b) => [`pad ${b.textContent}`, b]),
    // What the console is asking right now (rebound, assist): its answers are on the screen too.
    ...all('.c-status button').map((b) => [`prompt ${b.getAttribute('aria-label') ?? b.textContent}`, b]),
  ];
  const problems = [];
  const check = (name, el, minSize) => {
    if (!el) return problems.push(`${name}: missing`);
    const r = el.getBoundingClientRect();
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5)
      problems.push(`${name}: outside the viewport ${JSON.stringify(r)}`);
    if (r.width < minSize || r.height < minSize) problems.push(`${name}: ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!top || !(el === top || el.contains(top)))
      problems.push(`${name}: covered by ${top ? top.outerHTML.slice(0, 60) : 'nothing'}`);
  };
  for (const [name, el] of shown) check(name, el, 0);
  for (const [name, el] of buttons) check(name, el, 44);
  return {
    problems,
    players: all('[data-testid^="players-"] .pbtn').length,
    pad: all('.c-pad button').length,
    scrollY: window.scrollY,
  };
})();
