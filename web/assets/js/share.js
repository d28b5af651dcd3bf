// "分享" on every fan page: a panel with a QR code of the page's own address (for the phone next
// to you, or a screen at the venue), copy-the-link, the system's share sheet where there is one,
// and the score picture on a game's page. The QR code's module loads on first use.
//
//   import { shareButton } from '../share.js';
//   header.append(shareButton());                       // this page's address
//   shareButton({ image: `/g/${id}/share.png` });        // with the score picture
//   qrBox(`${location.origin}${code.link}`, t('shConsoleQr'))  // a QR code to open the console (desk)
import { h } from './dom.js';
import { t } from './i18n.js';

/** A QR code of `text` as an SVG element (the QR module is loaded on the first call). */
export async function qrCode(text, label = t('shQrLabel'), size = 200) {
  const { qrSvg } = await import('./qr.js');
  return qrSvg(text, { size, label });
}

/**
 * A box that shows a QR code of `text` once the QR module has loaded (usable inside h(...)).
 * The desk's game codes: qrBox(`${location.origin}${code.link}`, t('shConsoleQr')).
 */
export function qrBox(text, label = t('shQrLabel'), size = 200) {
  const box = h('div', { class: 'qr-box', 'data-testid': 'qr', title: label });
  qrCode(text, label, size).then(
    (svg) => box.append(svg),
    () => undefined,
  );
  return box;
}

/** The page's address without the query (what a shared link should open). */
const pageUrl = () => location.origin + location.pathname;

let open = null;

function closePanel() {
  open?.remove();
  open = null;
}

async function showPanel(options, button) {
  closePanel();
  const url = options.url ?? pageUrl();
  const status = h('p', { class: 'share-status', role: 'status' });
  const qrBox = h('div', { class: 'share-qr', 'data-testid': 'share-qr' });
  const panel = h(
    'div',
    { class: 'share-panel', role: 'dialog', 'aria-label': t('shTitle'), 'data-testid': 'share-panel' },
    h(
      'div',
      { class: 'share-head' },
      h('strong', {}, t('shTitle')),
      h(
        'button',
        { type: 'button', class: 'share-close', onclick: () => (closePanel(), button.focus()) },
        t('shClose'),
      ),
    ),
    qrBox,
    h('p', { class: 'muted share-scan' }, t('shScan')),
    h('p', { class: 'share-url' }, url),
    h(
      'div',
      { class: 'share-actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: async () => {
            try {
              await navigator.clipboard.writeText(url);
              status.textContent = t('shCopied');
            } catch {
              status.textContent = url;
            }
          },
        },
        t('shCopy'),
      ),
      navigator.share
        ? h(
            'button',
            {
              type: 'button',
              onclick: () => navigator.share({ url, title: document.title }).catch(() => undefined),
            },
            t('shSystem'),
          )
        : null,
      options.image ? h('a', { href: options.image, target: '_blank', rel: 'noopener' }, t('shImage')) : null,
    ),
    status,
  );
  open = panel;
  button.after(panel);
  panel.querySelector('button')?.focus();
  qrBox.append(await qrCode(url));
}

/** The share button (in a wrapper its panel opens under); `options`: { url, image } (default: this page, no picture). */
export function shareButton(options = {}) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'share-button',
      'aria-haspopup': 'dialog',
      'data-testid': 'share',
      onclick: () => (open ? closePanel() : showPanel(options, button).catch(() => undefined)),
    },
    t('shShare'),
  );
  return h('span', { class: 'share-wrap' }, button);
}
