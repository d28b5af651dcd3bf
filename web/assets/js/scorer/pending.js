// The console's own scoreboard counts what is still waiting in the outbox: the score, team fouls
// and time-outs as they will be once the waiting actions are sent. An undo that waits cancels the
// waiting action before it, or the last recorded play when nothing of this device waits.

const POINTS = { field_goal_made: (e) => e.points, free_throw_made: () => 1, score_adjust: (e) => e.points };
const pointsOf = (e) => POINTS[e?.type]?.(e) ?? 0;

/**
 * @param {{ homeTeam: {id: string}, awayTeam: {id: string} }} game
 * @param {Array<{ seq: number, inForce?: boolean, event: Record<string, any> }>} recorded  recent plays, in seq order
 * @param {Array<{ kind: string, event?: Record<string, any> }>} waiting  the outbox, oldest first
 * @returns {{ points: {home: number, away: number}, fouls: {home: number, away: number}, timeouts: {home: number, away: number}, newPeriod: boolean, size: number }}
 *   what the waiting actions add (negative after an undo of a recorded basket)
 */
export function pendingEffect(game, recorded, waiting) {
  const side = (teamId) => (teamId === game.homeTeam.id ? 'home' : teamId === game.awayTeam.id ? 'away' : null);
  const effect = {
    points: { home: 0, away: 0 },
    fouls: { home: 0, away: 0 },
    timeouts: { home: 0, away: 0 },
    newPeriod: false,
    size: waiting.length,
  };
  /** @type {Array<Record<string, any>|null>} waiting events an undo can still cancel */
  const stack = [];
  const undone = new Set();
  const count = (e, sign) => {
    const s = side(e?.teamId);
    if (!s) return;
    effect.points[s] += sign * pointsOf(e);
    if (e.type === 'foul' && e.committedBy === 'player') effect.fouls[s] += sign;
    if (e.type === 'timeout') effect.timeouts[s] += sign;
  };
  for (const item of waiting) {
    if (item.kind === 'undo') {
      if (stack.length) count(stack.pop(), -1);
      else {
        const last = [...recorded]
          .reverse()
          .find((p) => p.inForce !== false && !undone.has(p.seq) && !(p.event.type === 'void' && p.event.undo));
        if (last) {
          undone.add(last.seq);
          count(last.event, -1);
        }
      }
      continue;
    }
    const e = item.kind === 'event' ? item.event : null;
    if (e?.type === 'period_start') {
      effect.newPeriod = true;
      effect.fouls = { home: 0, away: 0 };
    }
    count(e, 1);
    stack.push(e);
  }
  return effect;
}
