/**
 * Minutes played and plus/minus, kept by the reducer from the lineups it already tracks.
 *
 * Minutes: a player's stint starts when the period starts with them on court or when they come
 * in, and ends when they go out or the period ends; its length is the difference of the game
 * clock readings at those moments (the clock an event carries, else the last reading, as the
 * reducer keeps it). Readings are only as good as the clock the scorer's table records, so a game
 * whose events never carried the clock inside a period has no minutes (`clockTracked` false).
 *
 * Plus/minus: every change of a team's score is added to each of its five on court and taken
 * from each of the opponents' five on court at that moment (free throws after a substitution
 * count for the players then on court, as FIBA stat sheets do).
 *
 * Teams without a starting five (substitutions not tracked) have neither.
 */
import type { Draft } from './game-draft.js';
import type { CourtTime, GameState } from './game-state.js';
import type { EffectivePlay } from './play-event.js';

export const emptyCourtTime = (): CourtTime => ({ clockTracked: false, since: {}, tenths: {}, plusMinus: {} });

/** States stored before minutes were kept have no `courtTime`: they read as empty. */
export const courtTimeOf = (state: GameState): CourtTime => (state as Partial<GameState>).courtTime ?? emptyCourtTime();

const lineup = (state: GameState, teamId: string): readonly string[] => state.onCourt[teamId] ?? [];

export function trackCourtTime(d: Draft, e: EffectivePlay): void {
  const before = courtTimeOf(d.before);
  const teamIds = d.next.teams.map((t) => t.teamId);
  let plusMinus = before.plusMinus;
  for (const teamId of teamIds) {
    const delta = (d.next.score[teamId] ?? 0) - (d.before.score[teamId] ?? 0);
    if (delta === 0) continue;
    plusMinus = { ...plusMinus };
    for (const other of teamIds) {
      const sign = other === teamId ? delta : -delta;
      for (const id of lineup(d.next, other)) plusMinus[id] = (plusMinus[id] ?? 0) + sign;
    }
  }

  let { since, tenths } = before;
  const inPeriod = d.before.period.status === 'in_progress';
  if (e.type === 'period_start') {
    const start = d.next.clock.remaining ?? 0;
    since = Object.fromEntries(teamIds.flatMap((t) => lineup(d.next, t).map((id) => [id, start])));
  } else if (inPeriod) {
    const now = d.next.clock.remaining ?? 0;
    const end = (id: string) => {
      const began = since[id];
      if (began !== undefined) tenths = { ...tenths, [id]: (tenths[id] ?? 0) + Math.max(0, began - now) };
    };
    for (const teamId of teamIds) {
      const was = lineup(d.before, teamId);
      const is = lineup(d.next, teamId);
      if (was === is) continue;
      const leaving = was.filter((id) => !is.includes(id));
      const entering = is.filter((id) => !was.includes(id));
      if (leaving.length === 0 && entering.length === 0) continue;
      since = { ...since };
      for (const id of leaving) {
        end(id);
        delete since[id];
      }
      for (const id of entering) since[id] = now;
    }
    if (e.type === 'period_end') {
      for (const id of Object.keys(since)) end(id);
      since = {};
    }
  }
  const clockTracked =
    before.clockTracked ||
    (inPeriod && e.gameClock !== undefined && e.type !== 'period_start' && e.type !== 'period_end');
  if (
    plusMinus === before.plusMinus &&
    since === before.since &&
    tenths === before.tenths &&
    clockTracked === before.clockTracked &&
    (d.before as Partial<GameState>).courtTime !== undefined
  )
    return;
  d.next.courtTime = { clockTracked, since, tenths, plusMinus };
}

/**
 * Seconds on court so far (the stint in progress counted to the last clock reading), or null
 * when the team's lineup or the game clock is not tracked.
 */
export function secondsPlayed(state: GameState, playerId: string, teamId: string): number | null {
  const ct = courtTimeOf(state);
  if (!ct.clockTracked || state.onCourt[teamId] === null || state.onCourt[teamId] === undefined) return null;
  const began = ct.since[playerId];
  const running = began === undefined ? 0 : Math.max(0, began - (state.clock.remaining ?? began));
  return Math.round(((ct.tenths[playerId] ?? 0) + running) / 10);
}

/** Plus/minus, or null when the team's lineup is not tracked. */
export function plusMinus(state: GameState, playerId: string, teamId: string): number | null {
  if (state.onCourt[teamId] === null || state.onCourt[teamId] === undefined) return null;
  return courtTimeOf(state).plusMinus[playerId] ?? 0;
}
