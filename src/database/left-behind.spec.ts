import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { endLeftBehind, leftBehind } from './left-behind.js';

/** A process that waits, started in `cwd` from `file` (node itself stands in for postgres). */
function waiting(file: string, args: string[], cwd: string): Promise<ChildProcess> {
  const child = spawn(file, args, { cwd, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

describe('what a stopped PostgreSQL left behind', () => {
  let folder: string;
  let elsewhere: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'courtside-left-behind-'));
    elsewhere = mkdtempSync(path.join(tmpdir(), 'courtside-left-behind-other-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('finds the processes of that program working in that folder, and only those', async () => {
    const ours = await waiting(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], folder);
    const otherFolder = await waiting(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], elsewhere);
    const shell = await waiting('/bin/sh', ['-c', 'sleep 60'], folder);
    children.push(ours, otherFolder, shell);

    const found = leftBehind(folder, process.execPath);
    expect(found).toContain(ours.pid);
    expect(found).not.toContain(otherFolder.pid);
    expect(found).not.toContain(shell.pid); // someone's shell in that folder is never ended
    expect(found).not.toContain(process.pid);
  });

  it('ends them and waits until they are gone', async () => {
    const ours = await waiting(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], folder);
    const shell = await waiting('/bin/sh', ['-c', 'sleep 60'], folder);
    children.push(ours, shell);
    const ended = new Promise((resolve) => ours.once('exit', (_code, signal) => resolve(signal)));

    expect(await endLeftBehind(folder, process.execPath)).toEqual([ours.pid]);
    expect(await ended).toBe('SIGKILL');
    expect(leftBehind(folder, process.execPath)).toEqual([]);
    expect(shell.exitCode).toBeNull();
    expect(shell.signalCode).toBeNull();
  });

  it('finds nothing for a folder or program that does not exist', () => {
    expect(leftBehind(path.join(folder, 'missing'), process.execPath)).toEqual([]);
    expect(leftBehind(folder, path.join(folder, 'no-such-program'))).toEqual([]);
  });
});
