/**
 * What the test helpers started in the current test file, so that it is stopped even when the
 * file's own hooks never get to it: a `beforeAll` that ran past its timeout leaves the file
 * without its context, but the start it was awaiting goes on and would finish after the file.
 *
 * The test environment (test/support/environment.mjs) calls the function stored here once the
 * file's tests and hooks are done (`run_finish`) and before Jest tears the file's environment
 * down: it waits for starts still under way, then stops everything not stopped yet. A late
 * start therefore finishes (and its lazy imports load) while the environment is still there,
 * instead of importing into a torn-down environment, and it leaves no server, database pool or
 * socket behind to keep the run from exiting.
 *
 * The registry lives on the file's global object (each test file has its own), under a key the
 * environment knows. Nothing here imports the application: the environment can load it cheaply.
 */

const KEY = Symbol.for('courtside.test.cleanup');
/** How long the cleanup waits for a start still under way before giving up on it. */
const PENDING_WAIT_MS = Number(process.env.COURTSIDE_TEST_CLEANUP_WAIT_MS ?? 90_000);
/** How long one stop may take. */
const STOP_WAIT_MS = 30_000;

interface Registry {
  pending: Set<Promise<unknown>>;
  open: Map<object, { what: string; stop: () => Promise<void> | void }>;
}

type CleanupFn = (() => Promise<string[]>) & { registry: Registry };

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, CleanupFn | undefined>;
  let fn = g[KEY];
  if (!fn) {
    const reg: Registry = { pending: new Set(), open: new Map() };
    fn = Object.assign(() => cleanUp(reg), { registry: reg });
    g[KEY] = fn;
  }
  return fn.registry;
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** Waits for starts under way, then stops what is still open; returns the problems met. */
async function cleanUp(reg: Registry): Promise<string[]> {
  const problems: string[] = [];
  if (reg.pending.size > 0) {
    const waited = await within(Promise.allSettled([...reg.pending]), PENDING_WAIT_MS);
    if (waited === 'timed out') problems.push(`${reg.pending.size} start(s) still running after ${PENDING_WAIT_MS} ms`);
  }
  const open = [...reg.open.values()];
  reg.open.clear();
  const results = await Promise.allSettled(
    open.map(async ({ what, stop }) => {
      if ((await within(Promise.resolve().then(stop), STOP_WAIT_MS)) === 'timed out')
        throw new Error(`${what} did not stop within ${STOP_WAIT_MS} ms`);
    }),
  );
  results.forEach((r, i) => {
    if (r.status === 'rejected') problems.push(`${open[i].what}: ${(r.reason as Error)?.message ?? r.reason}`);
  });
  return problems;
}

/**
 * Registers something that must be stopped by the end of the file. Returns a `stop` that runs
 * the stop once (later calls get the same promise) and forgets the registration; use it as the
 * object's own close.
 */
export function stopAtEnd(what: string, stop: () => Promise<void> | void): () => Promise<void> {
  const reg = registry();
  const key = {};
  let stopped: Promise<void> | undefined;
  const once = () => {
    reg.open.delete(key);
    stopped ??= (async () => stop())(); // runs `stop` now, as a direct call would
    return stopped;
  };
  reg.open.set(key, { what, stop: once });
  return once;
}

/** Marks a start as under way until it settles, so the end-of-file cleanup waits for it. */
export function trackStart<T>(start: Promise<T>): Promise<T> {
  const reg = registry();
  reg.pending.add(start);
  const forget = () => void reg.pending.delete(start);
  start.then(forget, forget);
  return start;
}
