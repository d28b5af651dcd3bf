// "分享" on every fan page: a panel with a QR code of the page's own address (for the phone next
// to you, or a screen at the venue), copy-the-link, the system's share sheet where there is one,
// and the score picture on a game's page. The QR code is an image the server draws (/qr.svg).
//
//   import { shareButton } from '../share.js';
//   header.append(shareButton());                       // this page's address
//   shareButton({ image: `/g/${id}/share.png` });        // with the score picture
//   qrBox(`${location.origin}${code.link}`, t('shConsoleQr'))  // a QR code to open the console (desk)
import { h } from './dom.js';
import { t } from './i18n.js';

/** A QR code of `text` as an image the server draws (/qr.svg): no script for it on the phone. */
export function qrCode(text, label = t('shQrLabel'), size = 200) {
  return h('img', {
    src: `/qr.svg?text=${encodeURIComponent(text)}`,
    width: size,
    height: size,
    alt: label,
    'data-qr': text,
  });
}

/** A box with a QR code of `text`. The desk's game codes: qrBox(`${location.origin}${code.link}`, t('shConsoleQr')). */
export function qrBox(text, label = t('shQrLabel'), size = 200) {
  return h('div', { class: 'qr-box', 'data-testid': 'qr' }, qrCode(text, label, size));
}

/** The page's address without the query (what a shared link should open). */
const pageUrl = () => location.origin + location.pathname;

// The open panel, the page address it shows and the button it belongs to. Pages draw themselves
// again when news arrives (a score, the tournament board); the panel is then carried over to the
// new button rather than vanishing under the fan's finger (see shareButton).
let open = null;

function closePanel() {
  open?.button.setAttribute('aria-expanded', 'false');
  open?.panel.remove();
  open = null;
}

/** The score picture's link in an open panel follows the latest picture (its `?v=` changes). */
function imageLink(image) {
  return image
    ? h('a', { href: image, target: '_blank', rel: 'noopener', 'data-testid': 'share-image' }, t('shImage'))
    : null;
}

function showPanel(options, button) {
  closePanel();
  const url = options.url ?? pageUrl();
  const status = h('p', { class: 'share-status', role: 'status' });
  const qrHolder = h('div', { class: 'share-qr', 'data-testid': 'share-qr' });
  const actions = h(
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
    imageLink(options.image),
  );
  const panel = h(
    'div',
    { class: 'share-panel', role: 'dialog', 'aria-label': t('shTitle'), 'data-testid': 'share-panel' },
    h(
      'div',
      { class: 'share-head' },
      h('strong', {}, t('shTitle')),
      h(
        'button',
        { type: 'button', class: 'share-close', onclick: () => (open?.button.focus(), closePanel()) },
        t('shClose'),
      ),
    ),
    qrHolder,
    h('p', { class: 'muted share-scan' }, t('shScan')),
    h('p', { class: 'share-url' }, url),
    actions,
    status,
  );
  open = { panel, url, button, actions };
  button.setAttribute('aria-expanded', 'true');
  button.after(panel);
  panel.querySelector('button')?.focus();
  qrHolder.append(qrCode(url));
}

/**
 * The open panel moved under a share button the page has just drawn again for the same address,
 * with the focus kept where it was inside it.
 */
function carryOver(options, button) {
  if (!open || open.url !== (options.url ?? pageUrl())) return null;
  const { panel, actions } = open;
  const focused = panel.contains(document.activeElement) ? document.activeElement : null;
  actions.querySelector('[data-testid=share-image]')?.remove();
  const image = imageLink(options.image);
  if (image) actions.append(image);
  open.button = button;
  button.setAttribute('aria-expanded', 'true');
  // The page puts the new button in the document right after this returns.
  if (focused) void Promise.resolve().then(() => focused.isConnected && focused.focus());
  return panel;
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
      'aria-expanded': 'false',
      onclick: () => (open?.button === button ? closePanel() : showPanel(options, button)),
    },
    t('shShare'),
  );
  return h('span', { class: 'share-wrap' }, button, carryOver(options, button));
}
