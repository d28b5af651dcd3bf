/**
 * The ceiling of the live-delivery benchmark: a bare socket.io server with the same transport
 * settings (WebSocket, no per-message compression) that answers `game:subscribe` by joining the
 * room and broadcasts the same payload as Courtside on the same schedule — no database, no adapter.
 * Driven over IPC by live-delivery.bench.ts.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
io.on('connection', (socket) => {
  socket.on('game:subscribe', async ({ gameId }: { gameId: string }, reply: (a: unknown) => void) => {
    await socket.join(`game:${gameId}`);
    reply({ ok: true, data: { mode: 'snapshot', gameId } });
  });
});

let seq = 0;
const broadcast = (gameId: string, payload: Record<string, unknown>) =>
  io.to(`game:${gameId}`).emit('game:event', { ...payload, seq: ++seq, serverTime: new Date().toISOString() });

type Command =
  /** `count` broadcasts, one every 1000/rate ms on a fixed schedule. */
  | { type: 'steady'; gameId: string; payload: Record<string, unknown>; rate: number; count: number }
  /** `count` broadcasts back to back, each as soon as the event loop is free again. */
  | { type: 'burst'; gameId: string; payload: Record<string, unknown>; count: number };

process.on('message', (m: Command) => {
  seq = Number(m.payload.seq);
  const started = Date.now();
  let sent = 0;
  if (m.type === 'steady') {
    const next = () => {
      broadcast(m.gameId, m.payload);
      if (++sent === m.count) process.send!({ type: 'done', started });
      else setTimeout(next, Math.max(0, started + (sent * 1000) / m.rate - Date.now()));
    };
    next();
  } else {
    const next = () => {
      broadcast(m.gameId, m.payload);
      if (++sent === m.count) process.send!({ type: 'done', started });
      else setImmediate(next);
    };
    next();
  }
});
http.listen(port, '127.0.0.1', () => process.send!({ type: 'listening' }));
