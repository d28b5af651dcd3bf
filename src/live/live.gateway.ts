import { Logger, UseFilters, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { Public, Roles } from '../common/auth/access.decorators.js';
import type { Actor } from '../common/auth/actor.js';
import { sessionReadOpen, type SocketAuthData } from '../common/auth/socket-principal.js';
import { STATUS_BY_KIND } from '../common/errors/error-status.js';
import { DomainError, unauthenticated } from '../domain/shared/domain-error.js';
import type { GameDto } from '../modules/games/game.dto.js';
import { GameLifecycleService } from '../modules/games/game-lifecycle.service.js';
import { GameFeed } from '../modules/games/game-feed.service.js';
import type { RecordedEventDto } from '../modules/games/play-event.dto.js';
import { ScoringService } from '../modules/games/scoring.service.js';
import { SessionEvents } from '../modules/sessions/session-events.js';
import { SessionsService } from '../modules/sessions/sessions.service.js';
import {
  GameEventCommandDto,
  GameRefDto,
  GameSubscribeDto,
  GameTransitionCommandDto,
  GameUndoCommandDto,
  TournamentRefDto,
} from './commands.dto.js';
import {
  gameRoom,
  MAX_SOCKET_MESSAGE_BYTES,
  tournamentRoom,
  type ClientToServerEvents,
  type GameFeedStart,
  type GameRef,
  type ServerToClientEvents,
  type TournamentBoard,
  type TournamentRef,
} from './events.js';
import { LiveDelivery, type LiveServer } from './live-delivery.service.js';
import { memberRoom } from './rooms.js';
import { SocketActor } from './socket-actor.js';
import { SocketErrorFilter } from './socket-errors.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketAuthData>;

const SCORERS = 'the game’s scorekeepers (assignment or game code) and the tournament’s organisers';
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The one socket.io gateway (same port and HTTP server as the API, path /socket.io).
 * The handshake authenticates like HTTP (`auth.token`, or `Authorization: Bearer`); a socket
 * without a token is a fan and may only subscribe (the access guard applies @Public/@Roles to
 * socket commands as to routes). Commands answer through their acknowledgement with the REST
 * result or ErrorBody; broadcasts come from LiveDelivery after commit. Transport settings
 * (heartbeat, limits, the Redis adapter) are LiveIoAdapter's.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES })
@UseFilters(SocketErrorFilter)
export class LiveGateway implements OnGatewayInit<LiveServer>, OnGatewayConnection<LiveSocket>, OnModuleDestroy {
  private unsubscribeRevocations?: () => void;
  private readonly log = new Logger('LiveGateway');

  @WebSocketServer()
  server: LiveServer;

  constructor(
    private readonly sessions: SessionsService,
    private readonly sessionEvents: SessionEvents,
    private readonly delivery: LiveDelivery,
    private readonly feed: GameFeed,
    private readonly scoring: ScoringService,
    private readonly lifecycle: GameLifecycleService,
  ) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        () => next(),
        (e: unknown) => next(handshakeError(e)),
      );
    });
    this.delivery.attach(server);
    // A revoked session's sockets are closed at once (logout, scorekeeper removed, code revoked);
    // with REDIS_URL the adapter carries this to the sockets on every instance.
    this.unsubscribeRevocations = this.sessionEvents.onRevoked(({ sessionId }) => {
      server.in(sessionRoom(sessionId)).disconnectSockets(true);
    });
  }

  /**
   * Joins the session's room first, then reads the session again: a revocation that committed
   * after the handshake read it either finds the socket in the room or is seen by this read, so
   * no socket of a revoked session stays open, whatever the timing.
   */
  async handleConnection(socket: LiveSocket): Promise<void> {
    const principal = socket.data.principal;
    if (!principal) return;
    await socket.join(sessionRoom(principal.sessionId));
    try {
      sessionReadOpen(socket, await this.sessions.assertOpen(principal.sessionId));
    } catch (e) {
      if (!(e instanceof DomainError)) this.log.error({ err: e }, 'could not read the session of a new socket');
      socket.disconnect(true);
    }
  }

  onModuleDestroy(): void {
    this.unsubscribeRevocations?.();
  }

  /** Joins first, then reads: whatever commits after the read also reaches the socket as a delta. */
  @SubscribeMessage('game:subscribe')
  @Public('anyone, fans included')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() sub: GameSubscribeDto): Promise<GameFeedStart> {
    return joinThenRead(socket, memberRoom(gameRoom(sub.gameId), socket.id), () =>
      this.feed.start(sub.gameId, sub.lastSeq),
    );
  }

  @SubscribeMessage('game:unsubscribe')
  @Public('anyone')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() ref: GameRefDto): Promise<GameRef> {
    await socket.leave(memberRoom(gameRoom(ref.gameId), socket.id));
    return { gameId: ref.gameId };
  }

  @SubscribeMessage('tournament:subscribe')
  @Public('anyone, fans included')
  async subscribeTournament(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() ref: TournamentRefDto,
  ): Promise<TournamentBoard> {
    return joinThenRead(socket, memberRoom(tournamentRoom(ref.tournamentId), socket.id), () =>
      this.feed.tournamentBoard(ref.tournamentId),
    );
  }

  @SubscribeMessage('tournament:unsubscribe')
  @Public('anyone')
  async unsubscribeTournament(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() ref: TournamentRefDto,
  ): Promise<TournamentRef> {
    await socket.leave(memberRoom(tournamentRoom(ref.tournamentId), socket.id));
    return { tournamentId: ref.tournamentId };
  }

  @SubscribeMessage('game:event')
  @Roles(['scorekeeper', 'organiser', 'admin'], SCORERS)
  record(@SocketActor() actor: Actor, @MessageBody() command: GameEventCommandDto): Promise<RecordedEventDto> {
    return this.scoring.record(actor, command.gameId, command);
  }

  @SubscribeMessage('game:undo')
  @Roles(['scorekeeper', 'organiser', 'admin'], SCORERS)
  undo(@SocketActor() actor: Actor, @MessageBody() command: GameUndoCommandDto): Promise<RecordedEventDto> {
    return this.scoring.undo(actor, command.gameId, command);
  }

  @SubscribeMessage('game:transition')
  @Roles(['scorekeeper', 'organiser', 'admin'], 'depends on the step, as for POST /games/{id}/transitions')
  transition(@SocketActor() actor: Actor, @MessageBody() command: GameTransitionCommandDto): Promise<GameDto> {
    return this.lifecycle.transition(actor, command.gameId, command);
  }

  /** No token: a fan. A token that does not verify is refused, as HTTP refuses it. */
  private async authenticate(socket: LiveSocket): Promise<void> {
    const token = tokenOf(socket);
    socket.data.principal = token === null ? null : await this.sessions.authenticate(token);
    // Read again once the socket is in its session's room (handleConnection).
    socket.data.sessionOpenUntil = 0;
  }
}

/** A socket that asked for something that does not exist leaves the room again. */
async function joinThenRead<T>(socket: LiveSocket, room: string, read: () => Promise<T>): Promise<T> {
  await socket.join(room);
  try {
    return await read();
  } catch (e) {
    await socket.leave(room);
    throw e;
  }
}

function tokenOf(socket: Socket): string | null {
  const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof given === 'string' && given.length > 0) return given.replace(/^Bearer\s+/i, '');
  if (given !== undefined && given !== null)
    throw unauthenticated('TOKEN_INVALID', 'auth.token must be the access token as a string');
  const header = socket.handshake.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (header && !match)
    throw unauthenticated('TOKEN_INVALID', 'The Authorization header must be `Bearer <access token>`');
  return match ? match[1]! : null;
}

/** A refused handshake: the client's `connect_error` carries the message and `data.code`, `data.statusCode`. */
function handshakeError(e: unknown): Error & { data?: unknown } {
  if (e instanceof DomainError) {
    const error: Error & { data?: unknown } = new Error(e.message);
    error.data = { code: e.code, statusCode: STATUS_BY_KIND[e.kind] };
    return error;
  }
  new Logger('LiveGateway').error({ err: e }, 'socket handshake failed');
  const error: Error & { data?: unknown } = new Error('Something went wrong on our side');
  error.data = { code: 'INTERNAL_ERROR', statusCode: 500 };
  return error;
}
