// The main knockout as a tree laid out in columns, so each connector meets the game it leads to.
// A team with a bye enters in a later round: its place in the earlier round is a "bye" cell (the
// team shown going straight through), and the places below it are empty, so every pair of cells in
// a column feeds the cell beside it in the next column, byes or not.

/**
 * @typedef {{ kind: string, gameId?: string }} SlotRef
 * @typedef {{ id: string, round: number, home: { slot: SlotRef }, away: { slot: SlotRef } }} TreeGame
 * @typedef {{ kind: 'game', game: TreeGame }
 *   | { kind: 'bye', into: TreeGame, side: 'home' | 'away' }
 *   | { kind: 'empty' }} BracketCell
 */

/** The main-bracket game whose winner a slot names, if any. */
const feeder = (slot, byId) => (slot.kind === 'game_winner' && slot.gameId ? byId.get(slot.gameId) : undefined);

/**
 * The bracket's columns from its first round to the final, each a list of cells whose pairs
 * (cells 2i and 2i+1) feed cell i of the next column. Null when the games do not form one tree
 * (no single final, or a game feeding two): the caller then draws the rounds as listed.
 * @template {TreeGame} G
 * @param {G[]} games the main bracket's games
 * @returns {BracketCell[][] | null}
 */
export function bracketColumns(games) {
  const byId = new Map(games.map((g) => [g.id, g]));
  const fed = new Set();
  for (const g of games)
    for (const side of [g.home, g.away]) {
      const from = feeder(side.slot, byId);
      if (from) {
        if (fed.has(from.id)) return null;
        fed.add(from.id);
      }
    }
  const finals = games.filter((g) => !fed.has(g.id));
  if (finals.length !== 1) return null;

  /** @type {BracketCell[][]} */
  const levels = [[{ kind: 'game', game: finals[0] }]];
  let seen = 1;
  while (seen < games.length) {
    const above = levels[levels.length - 1];
    /** @type {BracketCell[]} */
    const level = [];
    for (const cell of above) {
      if (cell.kind !== 'game') {
        level.push({ kind: 'empty' }, { kind: 'empty' });
        continue;
      }
      for (const side of /** @type {const} */ (['home', 'away'])) {
        const from = feeder(cell.game[side].slot, byId);
        level.push(from ? { kind: 'game', game: from } : { kind: 'bye', into: cell.game, side });
        if (from) seen++;
      }
    }
    // Every game is reached from the final (no cycle, nothing left over), or this is not a tree.
    if (!level.some((c) => c.kind === 'game')) return null;
    levels.push(level);
  }
  return levels.reverse();
}
