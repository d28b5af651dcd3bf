// The scorer's console keeps working without network after one visit: a service worker
// (web/assets/js/sw.js) keeps its page, scripts and last data. Browsers allow service workers only
// in a secure context (https, or localhost); on a venue laptop's plain-HTTP LAN address there is
// none, and the console simply works online with its outbox as before.

/** Registers /sw.js where the browser allows it; `onControl` runs when it first takes over the page. */
export function keepForOffline(onControl) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  const first = !navigator.serviceWorker.controller;
  if (first) navigator.serviceWorker.addEventListener('controllerchange', () => onControl?.(), { once: true });
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  return true;
}
