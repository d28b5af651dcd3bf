import type { Principal } from '../../domain/access/principal.js';

/**
 * What the live gateway keeps on each socket (`socket.data`): the principal its handshake
 * token resolved to, or null for a fan who connected without one.
 */
export interface SocketAuthData {
  principal: Principal | null;
}

/** The principal of a socket, for the access guard and the gateway. */
export const principalOfSocket = (client: { data?: Partial<SocketAuthData> } | undefined): Principal | null =>
  client?.data?.principal ?? null;
