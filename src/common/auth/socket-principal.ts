import type { Principal } from '../../domain/access/principal.js';

/**
 * What the live gateway keeps on each socket (`socket.data`): the principal its handshake
 * token resolved to, or null for a fan who connected without one, and until when its session
 * is known to be open (epoch ms; 0: read the session row before the next command).
 */
export interface SocketAuthData {
  principal: Principal | null;
  sessionOpenUntil: number;
}

type SocketLike = { data?: Partial<SocketAuthData> } | undefined;

/** The principal of a socket, for the access guard and the gateway. */
export const principalOfSocket = (client: SocketLike): Principal | null => client?.data?.principal ?? null;

/**
 * How long a socket's session, once read open, is trusted without reading it again (never past
 * its expiry). Revocations close the session's sockets at once (SessionEvents), and every write
 * checks the session again inside its own transaction, so this only spares a read per command.
 */
export const SESSION_RECHECK_MS = 5_000;

/** Whether the socket's session must be read again before a command. */
export const sessionCheckDue = (client: SocketLike, now = Date.now()): boolean =>
  (client?.data?.sessionOpenUntil ?? 0) <= now;

/** Records that the socket's session was read open, ending at `expiresAt`. */
export function sessionReadOpen(client: SocketLike, expiresAt: Date, now = Date.now()): void {
  if (client?.data) client.data.sessionOpenUntil = Math.min(expiresAt.getTime(), now + SESSION_RECHECK_MS);
}
