import { Logger, type INestApplicationContext, type WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { connectRedis, type RedisClient } from '../common/redis/connect.js';
import type { Env } from '../config/env.js';
import { notFound, type DomainError } from '../domain/shared/domain-error.js';
import { clientAddress, ConnectionsPerAddress } from './connection-limit.js';
import type { Ack } from './events.js';
import { socketErrorBody } from './socket-errors.js';
import { checkSocketPayload } from './socket-payload.js';

/** The parts of an engine.io connection the limits look at (its typings keep them private). */
interface EngineConnection extends EventEmitter {
  request: IncomingMessage;
  writeBuffer: unknown[];
  transport: { name: string; socket?: { terminate?: () => void } };
  close(discard?: boolean): void;
}

/**
 * socket.io as Courtside runs it: heartbeat, transports and the limits chosen in env.ts, and with
 * REDIS_URL the Redis streams adapter, so rooms span every instance (a broadcast from one
 * reaches the room's sockets on all; so do `disconnectSockets` and `in(room)` operations, which
 * is how a revoked session's sockets close wherever they are).
 *
 * - Per-address limit: a handshake from an address that already holds
 *   LIVE_MAX_CONNECTIONS_PER_ADDRESS sockets on this instance is refused (HTTP 403).
 * - Slow or stalled fans: a broadcast is encoded once and queued per socket; a socket whose
 *   queue reaches LIVE_MAX_QUEUED_MESSAGES is dropped at once, so it cannot hold memory without
 *   bound and nobody waits for it. Its page reconnects and catches up from its last seq.
 * - No per-message compression: it would cost CPU per socket, and the pre-encoded WebSocket
 *   frame of a broadcast is then shared by every socket.
 * - Commands are bound to each socket with one plain listener per message instead of Nest's
 *   rxjs pipeline per message and socket (about 30 KB less per fan; see bench/README.md).
 * - Before Nest sees a command, its payload is checked for depth, prototype keys and NUL
 *   (socket-payload.ts); an event no handler knows is answered 404 UNKNOWN_EVENT.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly log = new Logger('LiveIoAdapter');
  private redis: RedisClient | null = null;
  private roomsAcrossInstances: ReturnType<typeof createAdapter> | null = null;
  readonly connections: ConnectionsPerAddress;

  constructor(
    app: INestApplicationContext,
    private readonly env: Env,
  ) {
    super(app);
    this.connections = new ConnectionsPerAddress(env.LIVE_MAX_CONNECTIONS_PER_ADDRESS);
  }

  /** With REDIS_URL: connects (bounded wait) and prepares the adapter; without it, does nothing. */
  async connectToRedis(): Promise<void> {
    const url = this.env.REDIS_URL;
    if (!url) return;
    // Keep trying while running: local delivery goes on meanwhile, and other instances catch up.
    const client = await connectRedis(url, {
      purpose: `live rooms at ${describeRedis(url)}`,
      offlineQueue: true,
      onError: (err) => this.log.warn({ err: err.message }, 'Redis connection problem'),
    });
    this.redis = client;
    const prefix = `${this.env.REDIS_KEY_PREFIX}:live`;
    this.roomsAcrossInstances = createAdapter(client, {
      streamName: prefix,
      channelPrefix: prefix,
      sessionKeyPrefix: `${prefix}:session:`,
      // XREAD returns as soon as a message arrives; this only bounds how long shutdown waits.
      blockTimeInMs: 1000,
    });
    this.log.log({ redis: describeRedis(url) }, 'socket.io rooms are shared through Redis');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      pingInterval: this.env.LIVE_PING_INTERVAL_MS,
      pingTimeout: this.env.LIVE_PING_TIMEOUT_MS,
      transports: this.env.LIVE_POLLING ? ['polling', 'websocket'] : ['websocket'],
      perMessageDeflate: false,
      allowRequest: (req, answer) => {
        const address = clientAddress(req, this.env.TRUST_PROXY);
        if (this.connections.admits(address)) answer(null, true);
        else answer(`Too many connections from ${address}`, false);
      },
    } as ServerOptions);
    if (this.roomsAcrossInstances) server.adapter(this.roomsAcrossInstances);
    server.engine.on('connection', (conn: EngineConnection) => this.watch(conn));
    return server;
  }

  /**
   * What IoAdapter does, without an rxjs subscription chain per socket and message: the
   * listener runs the handler (guards, pipes, filters and interceptors included) and answers
   * through the acknowledgement with `{ ok: true, data }` (the success half of `Ack<T>`; a
   * failure is answered by SocketErrorFilter). An error that escaped the socket filters is
   * logged, as IoAdapter logs it, and the socket stays usable. Handlers answer only through
   * the acknowledgement: Nest's `{ event, data }` reply form is not used here.
   */
  override bindMessageHandlers(socket: Socket, handlers: WsMessageHandler[]): void {
    const known = new Set(handlers.map((h) => h.message as string));
    // An event nobody handles is answered, not left to the client's timeout.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && known.has(event)) return;
      const ack = args.at(-1);
      refuse(socket, ack, unknownEvent(event, known));
    });
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        // Depth, prototype keys and NUL before Nest's pipes transform anything (socket-payload.ts).
        const refused = checkSocketPayload(data);
        if (refused) return refuse(socket, ack, refused);
        let result: Promise<unknown>;
        try {
          result = Promise.resolve(callback(data, ack));
        } catch (err) {
          this.log.error(err);
          return;
        }
        result
          // With an interceptor the handler's answer is an Observable of one value; a failure
          // inside it has been answered by the filter, and the Observable completes empty.
          .then((out) => (isObservable(out) ? lastValueFrom(out, { defaultValue: undefined }) : out))
          .then(
            (response) => {
              if (response === undefined || response === null || isAckHandledManually) return;
              if (typeof ack === 'function') (ack as (r: Ack<unknown>) => void)({ ok: true, data: response });
            },
            (err: unknown) => this.log.error(err),
          );
      });
    }
  }

  private watch(conn: EngineConnection): void {
    const address = clientAddress(conn.request, this.env.TRUST_PROXY);
    this.connections.opened(address);
    conn.once('close', () => this.connections.closed(address));
    const max = this.env.LIVE_MAX_QUEUED_MESSAGES;
    let dropping = false;
    conn.on('packetCreate', () => {
      if (dropping || conn.writeBuffer.length < max) return;
      dropping = true;
      // After the broadcast that found it full (which is still walking the room).
      process.nextTick(() => {
        this.log.log({ address, queued: conn.writeBuffer.length }, 'dropped a socket too slow to keep up');
        const ws = conn.transport.socket;
        if (conn.transport.name === 'websocket' && typeof ws?.terminate === 'function') ws.terminate();
        else conn.close(true);
      });
    });
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const redis = this.redis;
    this.redis = null;
    if (redis?.isOpen) await redis.close().catch(() => redis.destroy());
  }
}

/** Answers a command refused before Nest saw it, as SocketErrorFilter answers the others. */
function refuse(socket: Socket, ack: unknown, error: DomainError): void {
  const reply = { ok: false, error: socketErrorBody(error, randomUUID()) };
  if (typeof ack === 'function') (ack as (r: unknown) => void)(reply);
  else socket.emit('exception', reply);
}

function unknownEvent(event: unknown, known: Set<string>): DomainError {
  const name = typeof event === 'string' ? event.slice(0, 64) : typeof event;
  return notFound(
    'UNKNOWN_EVENT',
    `没有这个事件 / Unknown event ${JSON.stringify(name)}: send one of ${[...known].join(', ')}`,
  );
}

/** host:port of a Redis URL, without credentials, for messages. */
function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}`;
  } catch {
    return 'the configured address';
  }
}
