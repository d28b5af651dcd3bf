import type { GameResult, GameStatus } from '../game/index.js';

/** What an organiser may subscribe a webhook to. */
export const WEBHOOK_EVENTS = [
  'game.started',
  'game.final',
  'result.corrected',
  'standings.changed',
  'schedule.changed',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (value: unknown): value is WebhookEvent =>
  typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);

/** Statuses that carry a result. */
const DECIDED: ReadonlySet<GameStatus> = new Set(['final', 'official', 'forfeit', 'lost_by_default']);

/**
 * The webhook events a lifecycle step means. A game starts when it goes live from before tip-off.
 * It is final when it gets a result it did not have. A result that changes in one command (a
 * corrected paper result) or is withdrawn (an organiser reopens a final game: it is final again,
 * with game.final, once decided) is a correction. Confirming (final to official) tells nothing new.
 */
export function eventsOfStatusChange(change: {
  from: GameStatus;
  to: GameStatus;
  resultBefore: GameResult | null;
  resultAfter: GameResult | null;
}): WebhookEvent[] {
  const { from, to, resultBefore, resultAfter } = change;
  if (to === 'live' && (from === 'ready' || from === 'scheduled')) return ['game.started'];
  // Reopened: the result is withdrawn until the game is decided again (then game.final).
  if (DECIDED.has(from) && !DECIDED.has(to)) return resultBefore === null ? [] : ['result.corrected'];
  if (!DECIDED.has(to) || resultAfter === null) return [];
  if (resultBefore === null) return ['game.final'];
  return sameResult(resultBefore, resultAfter) ? [] : ['result.corrected'];
}

const sameResult = (a: GameResult, b: GameResult) =>
  a.kind === b.kind &&
  a.homeScore === b.homeScore &&
  a.awayScore === b.awayScore &&
  a.penalisedTeamId === b.penalisedTeamId;

/** The webhook events a "parts of the tournament changed" notice means (see LiveDelivery.tournamentChanged). */
export function eventsOfTopics(topics: readonly string[]): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  if (topics.includes('standings')) events.push('standings.changed');
  if (topics.includes('schedule')) events.push('schedule.changed');
  return events;
}
