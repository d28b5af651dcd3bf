/**
 * Records this process's garbage-collection pauses, for a bench to line its slow requests up with
 * them (bench/support/pauses.ts). Loaded with `node --import <this file>` into a server the bench
 * starts, and imported by the bench itself for its own process; both append to GC_PAUSES_FILE.
 *
 * Plain JavaScript so that the server runs without a TypeScript loader. Each line is JSON:
 * [pid, start (ms since the epoch), duration (ms), kind]. Written once a second, off the hot path.
 */
import { appendFileSync } from 'node:fs';
import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';

const file = process.env.GC_PAUSES_FILE;
if (file) {
  const kinds = new Map([
    [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
    [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
    [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
  ]);
  let pending = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      pending.push(
        JSON.stringify([
          process.pid,
          Math.round((performance.timeOrigin + entry.startTime) * 100) / 100,
          Math.round(entry.duration * 100) / 100,
          kinds.get(entry.detail?.kind) ?? 'other',
        ]),
      );
  }).observe({ entryTypes: ['gc'] });
  const flush = () => {
    if (pending.length === 0) return;
    appendFileSync(file, pending.join('\n') + '\n');
    pending = [];
  };
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
}
