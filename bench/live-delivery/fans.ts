/**
 * A client process of the live-delivery benchmark: holds many real socket.io clients (WebSocket)
 * joined to one game and records, for each message, the time from the server stamping it
 * (`serverTime`, set right after the commit) to its arrival, in a 1 ms histogram, and when the
 * last message arrived.
 * Driven over IPC by live-delivery.bench.ts.
 */
import { io, type Socket } from 'socket.io-client';

type Command =
  | { type: 'connect'; urls: string[]; count: number; gameId: string }
  | { type: 'reset' }
  | { type: 'report' }
  | { type: 'close' };

const BUCKETS = 30_000;
const sockets: Socket[] = [];
let histogram = new Uint32Array(BUCKETS);
let received = 0;
let lastArrival = 0;

function onDelta(d: { serverTime: string }) {
  received++;
  lastArrival = Date.now();
  const ms = Math.max(0, lastArrival - Date.parse(d.serverTime));
  histogram[Math.min(ms, BUCKETS - 1)]!++;
}

async function connect(urls: string[], count: number, gameId: string): Promise<number> {
  let failed = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const socket = io(urls[i % urls.length]!, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 60_000,
      });
      socket.on('game:event', onDelta);
      socket.once('connect', () => {
        socket
          .timeout(60_000)
          .emitWithAck('game:subscribe', { gameId })
          .then(
            (ack: { ok: boolean }) => {
              if (!ack.ok) failed++;
              resolve();
            },
            () => {
              failed++;
              resolve();
            },
          );
      });
      socket.once('connect_error', () => {
        failed++;
        resolve();
      });
      sockets.push(socket);
    });
  // In batches, as fans arrive (a burst of 10,000 handshakes at once only measures the backlog).
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, k) => one(i + k)));
  }
  return failed;
}

process.on('message', (command: Command) => {
  void (async () => {
    switch (command.type) {
      case 'connect':
        process.send!({ type: 'connected', failed: await connect(command.urls, command.count, command.gameId) });
        break;
      case 'reset':
        histogram = new Uint32Array(BUCKETS);
        received = 0;
        lastArrival = 0;
        process.send!({ type: 'reset' });
        break;
      case 'report':
        process.send!({ type: 'report', received, lastArrival, histogram: Array.from(histogram) });
        break;
      case 'close':
        for (const s of sockets.splice(0)) s.close();
        process.send!({ type: 'closed' });
        break;
    }
  })();
});
