// The socket.io connection a page listens on. The client is the one shipped inside the socket.io
// server package, bundled with this module into a chunk the pages load after their first paint;
// this module draws nothing itself (connection-banner.js does), so the chunk is the client alone.
import { io } from '/vendor/socket.io/socket.io.esm.min.js';

/**
 * connectLive({ token, onConnect, onState }) — onConnect runs on the first connection and after
 * every reconnection (re-subscribe and catch up there); onState hears 'online', 'connecting'
 * (a first connection that takes long) and 'reconnecting'. Returns the socket.
 */
export function connectLive({ token, onConnect, onDisconnect, onState } = {}) {
  const socket = io({
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token: typeof token === 'function' ? token() : token } : {},
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 8000,
  });
  let state = 'connecting';
  const show = () => onState?.(state);
  // A short first connect shows nothing; a slow one shows "connecting".
  const slow = setTimeout(show, 1500);
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
