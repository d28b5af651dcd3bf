/**
 * Runs in the page: controls without an accessible name, text below 4.5:1 contrast (3:1 when
 * large), and the page's width (no sideways scrolling at 375 px).
 */
// One expression, evaluated in the page by test/pages.e2e-spec.ts.
(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const unlabelled = [];
  for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, a[href]'))) {
    if (!visible(el)) continue;
    const control = el;
    const name =
      el.getAttribute('aria-label') ||
      (control.labels && control.labels.length > 0 ? control.labels[0].textContent : '') ||
      (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent : '');
    if (!name || !name.trim()) unlabelled.push(el.outerHTML.slice(0, 80));
  }
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const lowContrast = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || !visible(el)) continue;
    const style = getComputedStyle(el);
    const fg = luminance(rgb(style.color));
    const bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const large =
      parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) lowContrast.push(`${node.textContent.trim().slice(0, 30)} (${ratio.toFixed(2)})`);
  }
  return { unlabelled, lowContrast, scrollWidth: document.documentElement.scrollWidth };
})();
