// Re-reads after live news, debounced and coalesced: thousands of fans hear every basket, so a
// page reads again at most once per `minGap`, a moment after the news (spread a little so the
// reads do not land in the same millisecond, close enough that the server's shared anonymous reads
// still answer many of them with one query), and never twice at once. News during a read
// schedules one more read after it, so the last change is never missed.

/**
 * @param {() => Promise<void>} run
 * @param {{ minGap?: number, spread?: number }} [options]
 * @returns {() => void} call on every piece of news
 */
export function coalescedRefresh(run, { minGap = 1000, spread = 300 } = {}) {
  let timer = null;
  let running = false;
  let again = false;
  let last = 0;
  const fire = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    last = Date.now();
    try {
      await run();
    } catch {
      // The next news or the periodic check reads again.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    const wait = Math.max(80 + Math.random() * spread, last + minGap - Date.now());
    timer = setTimeout(fire, wait);
  };
  return schedule;
}
