// The last resort that makes a run always end. Armed by the global teardown, i.e. after every
// file ran and just before Jest writes its results (`--json --outputFile`) and reports. A run
// whose files stopped everything they started exits by itself long before this fires: the timer
// is unref'd and never keeps Node alive. If something still does (a handle no helper knows of),
// it names what is left and exits with the code Jest chose, instead of hanging CI.
// (Jest's own `forceExit` would also end such a run, but at once and silently on every run.)
import { setTimeout } from 'node:timers';

const GRACE_MS = Number(process.env.COURTSIDE_TEST_EXIT_GRACE_MS ?? 30_000);

export function armExitWatchdog(graceMs = GRACE_MS) {
  const timer = setTimeout(() => {
    const left = process
      .getActiveResourcesInfo()
      .filter((r) => r !== 'Timeout')
      .reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map());
    const names = [...left].map(([r, n]) => `${n} ${r}`).join(', ') || 'timers';
    process.stderr.write(
      `\n[tests] the run ended ${graceMs / 1000} s ago and its results are written, but Node is still kept ` +
        `alive by: ${names}. Exiting anyway; a test left something open (run the file alone with ` +
        '--detectOpenHandles to find it).\n',
    );
    process.exit();
  }, graceMs);
  timer.unref();
}
