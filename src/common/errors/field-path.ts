/**
 * The field an error names, `event.players[2]`, from the keys that lead to it, gathered from the
 * value found back up to the top (innermost first, as a search unwinding finds them), after
 * `start` (a query's or route parameter's name, or nothing for a body). Checks that walk every
 * request put a path together only for what they refuse.
 */
export function fieldPath(keysInnermostFirst: ReadonlyArray<string | number>, start = ''): string {
  let path = start;
  for (let i = keysInnermostFirst.length - 1; i >= 0; i--) {
    const key = keysInnermostFirst[i]!;
    path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  }
  return path;
}
