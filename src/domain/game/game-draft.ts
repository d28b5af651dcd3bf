/**
 * Copy-on-write helpers for the reducer: the input state is never mutated; only the parts an
 * event touches are copied (so applying one event costs O(roster size), not O(log length)).
 */
import type { PlayerGameLine } from '../stats/box-score-line.js';
import type { GameFlagCode } from './game-flags.js';
import type { GameContext, RosterPlayer } from './game-settings.js';
import type { GameState, PlayerGameStatus, TeamExtras } from './game-state.js';
import { playerLabel } from './play-rules.js';
import { emptyLine } from '../stats/box-score-line.js';
import { DomainError } from '../shared/domain-error.js';

export interface Draft {
  /** Shallow copy of the state before the event; nested objects are replaced, never mutated. */
  next: GameState;
  before: GameState;
  seq: number;
  context: GameContext;
}

export const startDraft = (before: GameState, seq: number, context: GameContext): Draft => ({
  next: { ...before },
  before,
  seq,
  context,
});

export function patchLine(d: Draft, player: RosterPlayer, patch: (l: PlayerGameLine) => Partial<PlayerGameLine>): void {
  const line = d.next.lines[player.playerId] ?? emptyLine(d.context.gameId, player.playerId, player.teamId);
  d.next.lines = { ...d.next.lines, [player.playerId]: { ...line, played: true, ...patch(line) } };
}

export function patchPlayer(
  d: Draft,
  player: RosterPlayer,
  patch: (p: PlayerGameStatus) => Partial<PlayerGameStatus>,
): void {
  const status: PlayerGameStatus = d.next.players[player.playerId] ?? {
    playerId: player.playerId,
    teamId: player.teamId,
    jerseyNumber: player.jerseyNumber,
    name: player.name,
    starter: false,
    fouls: { personal: 0, technical: 0, unsportsmanlike: 0, disqualifying: 0 },
    out: null,
    outAtSeq: null,
  };
  d.next.players = { ...d.next.players, [player.playerId]: { ...status, ...patch(status) } };
}

export function patchExtras(d: Draft, teamId: string, patch: (e: TeamExtras) => Partial<TeamExtras>): void {
  const extras = d.next.teamExtras[teamId]!;
  d.next.teamExtras = { ...d.next.teamExtras, [teamId]: { ...extras, ...patch(extras) } };
}

/** Marks players as having taken part (entered the court). */
export function markPlayed(d: Draft, playerIds: readonly string[]): void {
  const fresh = playerIds.filter((id) => d.next.lines[id] !== undefined && !d.next.lines[id]!.played);
  if (fresh.length === 0) return;
  const lines = { ...d.next.lines };
  for (const id of fresh) lines[id] = { ...lines[id]!, played: true };
  d.next.lines = lines;
}

export function addPoints(d: Draft, teamId: string, points: number): void {
  d.next.score = { ...d.next.score, [teamId]: d.next.score[teamId]! + points };
  const periods = d.next.scoreByPeriod;
  const last = periods[periods.length - 1]!;
  d.next.scoreByPeriod = [
    ...periods.slice(0, -1),
    { ...last, points: { ...last.points, [teamId]: last.points[teamId]! + points } },
  ];
}

export function raiseFlag(
  d: Draft,
  code: GameFlagCode,
  message: string,
  teamId: string | null = null,
  playerId: string | null = null,
): void {
  d.next.flags = [...d.next.flags, { code, seq: d.seq, teamId, playerId, message }];
}

/**
 * Refuses a play by a player the tracked lineup has on the bench (PLAYER_NOT_ON_COURT). Teams
 * whose substitutions are not tracked (no starting five) are exempt. `field` is the event field
 * naming the player; the error's context carries playerId and teamId so a console can offer the
 * substitution and send the play again.
 */
export function requireOnCourt(d: Draft, player: RosterPlayer, field: string, what: string): void {
  const court = d.before.onCourt[player.teamId];
  if (court === null || court === undefined || court.includes(player.playerId)) return;
  throw new DomainError(
    'PLAYER_NOT_ON_COURT',
    'invalid',
    `${playerLabel(player)} is not on court and cannot be credited with ${what}: record the substitution first`,
    [{ field: `event.${field}`, reason: `player ${player.playerId} is on the bench` }],
    { field: `event.${field}`, playerId: player.playerId, teamId: player.teamId, jerseyNumber: player.jerseyNumber },
  );
}
