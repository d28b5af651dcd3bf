/**
 * Which pauses a bench's slow requests waited for: the garbage collector of the server or of the
 * bench's own process (gc-pauses.mjs records both), or the bench sending late. A request counts
 * as having met a pause when the pause overlaps the time from its due time to its answer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `node --import` this in a server process (with GC_PAUSES_FILE in its environment). */
export const GC_PAUSES_PRELOAD = fileURLToPath(new URL('./gc-pauses.mjs', import.meta.url));

/** Starts recording this process's own pauses into `file` (the bench's side). */
export async function recordOwnPauses(file: string): Promise<void> {
  process.env.GC_PAUSES_FILE = file;
  await import(GC_PAUSES_PRELOAD);
}

export interface Pause {
  pid: number;
  /** ms since the epoch */
  start: number;
  duration: number;
  kind: string;
}

export function readPauses(file: string): Pause[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, start, duration, kind] = JSON.parse(line) as [number, number, number, string];
      return { pid, start, duration, kind };
    })
    .sort((a, b) => a.start - b.start);
}

export interface TimedRequest {
  /** When it was due, ms since the epoch. */
  due: number;
  /** From due to answered, ms. */
  latency: number;
  /** How long after its due time the bench sent it, ms. */
  late: number;
}

export interface SlowRequests {
  /** Requests at or above this latency (ms) count as slow: the phase's p99. */
  threshold: number;
  count: number;
  /** Slow requests during which the server's collector paused it (at least once). */
  serverGc: number;
  /** Slow requests during which the bench's own collector paused it (and the server's did not). */
  benchGc: number;
  /** Slow requests the bench sent more than 1 ms late (and no collector paused). */
  sentLate: number;
  /** The rest: waits in neither process's collector nor in the bench's sending. */
  other: number;
  /** The server's collector: pauses in the phase and their total (ms). */
  serverPauses: { count: number; totalMs: number; longestMs: number };
}

/** Clock readings of two processes differ a little; a pause this close to a request counts. */
const SLACK_MS = 0.5;
const LATE_MS = 1;

export function slowRequests(
  requests: readonly TimedRequest[],
  threshold: number,
  pauses: readonly Pause[],
  serverPids: readonly number[],
  benchPid: number,
): SlowRequests {
  const from = requests.reduce((t, r) => Math.min(t, r.due), Infinity);
  const to = requests.reduce((t, r) => Math.max(t, r.due + r.latency), -Infinity);
  const inPhase = pauses.filter((p) => p.start + p.duration >= from && p.start <= to);
  const server = inPhase.filter((p) => serverPids.includes(p.pid));
  const bench = inPhase.filter((p) => p.pid === benchPid);
  const meets = (r: TimedRequest, list: readonly Pause[]) =>
    list.some((p) => p.start <= r.due + r.latency + SLACK_MS && p.start + p.duration >= r.due - SLACK_MS);
  const slow = requests.filter((r) => r.latency >= threshold);
  let serverGc = 0;
  let benchGc = 0;
  let sentLate = 0;
  for (const r of slow) {
    if (meets(r, server)) serverGc++;
    else if (meets(r, bench)) benchGc++;
    else if (r.late > LATE_MS) sentLate++;
  }
  return {
    threshold,
    count: slow.length,
    serverGc,
    benchGc,
    sentLate,
    other: slow.length - serverGc - benchGc - sentLate,
    serverPauses: {
      count: server.length,
      totalMs: server.reduce((n, p) => n + p.duration, 0),
      longestMs: Math.max(0, ...server.map((p) => p.duration)),
    },
  };
}
