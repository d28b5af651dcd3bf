/**
 * Checks shared by the play reducer: who may appear in an event, and when.
 * Each throws a DomainError of kind 'invalid' (the event is refused; state is untouched).
 */
import { invalid } from '../shared/domain-error.js';
import type { GameContext, RosterPlayer } from './game-settings.js';
import type { GameState } from './game-state.js';

interface RosterLookup {
  players: Map<string, RosterPlayer>;
  teamIds: ReadonlySet<string>;
}

// Built once per context object so each event is checked in O(1).
const lookups = new WeakMap<GameContext, RosterLookup>();

export function rosterLookup(context: GameContext): RosterLookup {
  let found = lookups.get(context);
  if (found === undefined) {
    const players = new Map<string, RosterPlayer>();
    for (const team of context.teams) for (const p of team.players) players.set(p.playerId, p);
    found = { players, teamIds: new Set(context.teams.map((t) => t.teamId)) };
    lookups.set(context, found);
  }
  return found;
}

export const playerLabel = (p: RosterPlayer): string => `#${p.jerseyNumber} ${p.name}`;

export function requireTeam(context: GameContext, teamId: unknown): string {
  if (typeof teamId !== 'string' || !rosterLookup(context).teamIds.has(teamId)) {
    throw invalid('GAME_TEAM_NOT_IN_GAME', `Team ${String(teamId)} does not play in this game`, [
      { field: 'teamId', reason: 'must be one of the two teams of the game' },
    ]);
  }
  return teamId;
}

/** The player is on `teamId`'s roster (eligibility not checked: a fouled-out player may still be substituted out). */
export function requireRosterPlayer(
  context: GameContext,
  teamId: string,
  playerId: unknown,
  field: string,
): RosterPlayer {
  const player = typeof playerId === 'string' ? rosterLookup(context).players.get(playerId) : undefined;
  if (player === undefined || player.teamId !== teamId) {
    throw invalid('GAME_PLAYER_NOT_ON_ROSTER', `Player ${String(playerId)} is not on the roster of team ${teamId}`, [
      { field, reason: 'must be a player on this team’s game roster' },
    ]);
  }
  return player;
}

/** The player is on the roster and still allowed to play (not fouled out, not disqualified). */
export function requireEligiblePlayer(
  state: GameState,
  context: GameContext,
  teamId: string,
  playerId: unknown,
  field: string,
): RosterPlayer {
  const player = requireRosterPlayer(context, teamId, playerId, field);
  const out = state.players[player.playerId]?.out ?? null;
  if (out === 'disqualified') {
    throw invalid('GAME_PLAYER_DISQUALIFIED', `${playerLabel(player)} has been disqualified and may not take part`, [
      { field, reason: 'player is disqualified' },
    ]);
  }
  if (out === 'fouled_out') {
    throw invalid('GAME_PLAYER_FOULED_OUT', `${playerLabel(player)} has fouled out and may not take part`, [
      { field, reason: 'player has fouled out' },
    ]);
  }
  return player;
}

export function requirePeriodInProgress(state: GameState, what: string): void {
  if (state.period.status === 'in_progress') return;
  const why =
    state.period.status === 'not_started'
      ? 'the game has not started'
      : state.gameOver
        ? 'the game is over'
        : `period ${state.period.label ?? ''} has ended and the next one has not started`;
  throw invalid('GAME_PERIOD_NOT_RUNNING', `Cannot record ${what}: ${why}`);
}

export function requireGameNotOver(state: GameState, what: string): void {
  if (state.gameOver) throw invalid('GAME_ALREADY_OVER', `Cannot record ${what}: the game is over`);
}

export function badEvent(message: string, field: string): never {
  throw invalid('GAME_INVALID_EVENT', message, [{ field, reason: message }]);
}
