import fs from 'node:fs';

/**
 * The processes a stopped PostgreSQL left behind: its backends and helpers go on after their
 * postmaster is killed until they notice, and one busy with a long query (or starved of CPU)
 * may take minutes. While any of them holds the old shared memory, a new postmaster on the
 * same data folder refuses to start ("pre-existing shared memory block is still in use").
 *
 * A process is counted only when both its working folder is the cluster's data folder (every
 * PostgreSQL process changes into it) and it runs `executable`, so a shell sitting in that
 * folder is never one. Linux only (/proc); elsewhere nothing is found and nothing is ended.
 */
export function leftBehind(directory: string, executable: string): number[] {
  let entries: string[];
  let folder: string;
  let program: string;
  try {
    entries = fs.readdirSync('/proc');
    folder = fs.realpathSync(directory);
    program = fs.realpathSync(executable);
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${pid}/cwd`) !== folder) continue;
      if (fs.readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '') !== program) continue;
      found.push(pid);
    } catch {
      // gone meanwhile, or not ours to look at
    }
  }
  return found;
}

/**
 * Ends what a stopped PostgreSQL left behind (SIGKILL: without their postmaster they can only
 * end, and their unfinished transactions are rolled back by the new cluster's recovery), and
 * waits up to `waitMs` for them to be gone. Returns the process ids it signalled.
 */
export async function endLeftBehind(directory: string, executable: string, waitMs = 5_000): Promise<number[]> {
  const pids = leftBehind(directory, executable);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const until = Date.now() + waitMs; Date.now() < until && pids.some(alive);)
    await new Promise((r) => setTimeout(r, 20));
  return pids;
}

function alive(pid: number): boolean {
  try {
    // A killed process stays a zombie until its parent (init, for these) reaps it.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
