// Who is on court, as the scorer's table sees it: the starting fives, every substitution in the
// game log that is still in force, then the substitutions still waiting in the outbox. The server
// refuses plays by players who are not on court, so the console checks the same thing first.

/**
 * @param {{ homeTeam: {id: string}, awayTeam: {id: string}, homeStartingFive?: string[]|null, awayStartingFive?: string[]|null }} game
 * @param {Array<{ seq: number, inForce?: boolean, event: Record<string, any> }>} log  every play, in seq order
 * @param {Array<{ kind: string, event?: Record<string, any> }>} waiting  the outbox, oldest first
 * @returns {Record<string, Set<string>>} teamId -> player ids on court
 */
export function onCourt(game, log, waiting = []) {
  const court = {
    [game.homeTeam.id]: new Set(game.homeStartingFive ?? []),
    [game.awayTeam.id]: new Set(game.awayStartingFive ?? []),
  };
  const substitute = (e) => {
    const five = court[e.teamId];
    if (!five) return;
    five.delete(e.playerOutId);
    five.add(e.playerInId);
  };
  for (const play of log) if (play.inForce !== false && play.event.type === 'substitution') substitute(play.event);
  for (const item of waiting) if (item.kind === 'event' && item.event?.type === 'substitution') substitute(item.event);
  return court;
}
