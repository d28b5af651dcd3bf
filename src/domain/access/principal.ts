/**
 * Who is calling: the facts every access rule decides on. Built by the edge from a verified
 * token and its live session row; rules never see tokens or requests.
 */
export const ROLES = ['admin', 'organiser', 'scorekeeper'] as const;
export type Role = (typeof ROLES)[number];

/** A password login, or a device that exchanged a one-time game code. */
export type SessionKind = 'password' | 'game_code';

/** What a session is limited to. Password sessions are unlimited ({}); game-code sessions name their games. */
export interface SessionScope {
  tournamentId?: string;
  gameIds?: string[];
}

export interface Principal {
  /** The account, or null for a device logged in with a game code. */
  accountId: string | null;
  sessionId: string;
  role: Role;
  kind: SessionKind;
  scope: SessionScope;
}

/** What a role may be called in messages people read. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administrator',
  organiser: 'organiser',
  scorekeeper: 'scorekeeper',
};
