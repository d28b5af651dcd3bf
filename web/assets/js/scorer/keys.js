// The laptop scorer's keyboard: one key per button of the console, shown in the "?" help and
// announced on each button (aria-keyshortcuts). Letters sit where the fingers rest: scores on the
// top row, misses under them, rebounds and the assist on the bottom row.

/** action -> key (KeyboardEvent.key, lower case). */
export const KEYS = {
  made1: 'q',
  made2: 'w',
  made3: 'e',
  miss1: 'a',
  miss2: 's',
  miss3: 'd',
  oreb: 'z',
  dreb: 'x',
  assist: 'c',
  steal: 'r',
  block: 'g',
  turnover: 't',
  foul: 'f',
  substitution: 'n',
  undo: 'Backspace',
  clock: ' ',
  timeoutHome: '[',
  timeoutAway: ']',
  benchHome: ',',
  benchAway: '.',
  skip: 'Escape',
  help: '?',
};

/** Keys that pick the players shown in each team's column, top to bottom. */
export const PLAYER_KEYS = { home: ['1', '2', '3', '4', '5'], away: ['6', '7', '8', '9', '0'] };

/** The name of a key as aria-keyshortcuts and the help spell it. */
export const keyLabel = (key) =>
  key === ' ' ? 'Space' : key.length === 1 && /[a-z]/.test(key) ? key.toUpperCase() : key === 'Escape' ? 'Escape' : key;

/**
 * Listens for the console's keys; `act(name)` or `pick(side, index)` decide what they do. Typing
 * in a field and key combinations (other than Ctrl+Z for undo) are left alone.
 */
export function listenKeys({ act, pick }) {
  const byKey = new Map(Object.entries(KEYS).map(([name, key]) => [key, name]));
  const handler = (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target?.closest?.('input, select, textarea')) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      return act('undo');
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    for (const side of /** @type {const} */ (['home', 'away'])) {
      const index = PLAYER_KEYS[side].indexOf(key);
      if (index >= 0) {
        e.preventDefault();
        return pick(side, index);
      }
    }
    const name = byKey.get(key);
    if (!name) return;
    // Space and Backspace would otherwise press a focused button or go back.
    e.preventDefault();
    act(name);
  };
  document.addEventListener('keydown', handler);
  return () => document.removeEventListener('keydown', handler);
}
