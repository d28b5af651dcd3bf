// The socket.io connection a page listens on, with the "reconnecting" banner. The client is the
// one shipped inside the socket.io server package, served from /vendor/socket.io/.
import { io } from '/vendor/socket.io/socket.io.esm.min.js';
import { byId, fill } from './dom.js';
import { onLangChange, t } from './i18n.js';

/**
 * connectLive({ token, onConnect }) — onConnect runs on the first connection and after every
 * reconnection (re-subscribe and catch up there). Returns the socket.
 */
export function connectLive({ token, onConnect, onDisconnect } = {}) {
  const socket = io({
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token: typeof token === 'function' ? token() : token } : {},
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 8000,
  });
  let state = 'connecting';
  const show = () => {
    const el = byId('conn');
    if (!el) return;
    el.hidden = state === 'online';
    el.className = `conn conn-${state}`;
    fill(el, state === 'online' ? '' : t(state === 'connecting' ? 'connecting' : 'reconnecting'));
  };
  // A short first connect shows nothing; a slow one shows "connecting".
  const slow = setTimeout(show, 1500);
  onLangChange(show);
  socket.on('connect', () => {
    clearTimeout(slow);
    state = 'online';
    show();
    onConnect?.(socket);
  });
  socket.on('disconnect', () => {
    state = 'reconnecting';
    show();
    onDisconnect?.();
  });
  socket.on('connect_error', () => {
    if (state !== 'connecting') state = 'reconnecting';
    show();
    if (token && typeof token === 'function') socket.auth = { token: token() };
  });
  socket.io.on('reconnect_attempt', () => {
    if (typeof token === 'function') socket.auth = { token: token() };
  });
  return socket;
}

/** emit with acknowledgement and a timeout; resolves to the ack or null. */
export function ask(socket, event, payload, timeoutMs = 5000) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => resolve(err ? null : ack));
  });
}
