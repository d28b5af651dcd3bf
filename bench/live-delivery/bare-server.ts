/**
 * The ceiling of the live-delivery benchmark: a bare socket.io server with the same transport
 * settings (WebSocket, no per-message compression) that answers `game:subscribe` by joining the
 * room and broadcasts the same payload as Courtside at the same rate — no database, no adapter.
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

let timer: NodeJS.Timeout | undefined;
let sent = 0;
process.on(
  'message',
  (m: { type: 'start'; gameId: string; payload: Record<string, unknown>; rate: number } | { type: 'stop' }) => {
    if (m.type === 'start') {
      let seq = Number(m.payload.seq);
      sent = 0;
      timer = setInterval(() => {
        sent++;
        io.to(`game:${m.gameId}`).emit('game:event', {
          ...m.payload,
          seq: ++seq,
          serverTime: new Date().toISOString(),
        });
      }, 1000 / m.rate);
    } else {
      clearInterval(timer);
      process.send!({ type: 'stopped', sent });
    }
  },
);
http.listen(port, '127.0.0.1', () => process.send!({ type: 'listening' }));
