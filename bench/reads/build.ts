/**
 * The compiled server the reads and start-up benchmarks run, built outside the working tree (not
 * in its dist/, which the process tests share): the committed tree exported to `<dir>/tree` and
 * compiled and bundled there, so it runs as `node dist/server/start.mjs` does in the image.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export function buildServer(dir = process.env.BENCH_BUILD_DIR ?? '/tmp/courtside-bench-build'): string {
  // The committed tree (HEAD), not the working tree: others' unfinished edits do not end up in the run.
  const tree = path.join(dir, 'tree');
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    rmSync(tree, { recursive: true, force: true });
    mkdirSync(tree, { recursive: true });
    execFileSync('sh', ['-c', `git archive HEAD | tar -x -C '${tree}'`], { cwd: root, stdio: 'inherit' });
    symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'));
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: tree,
      stdio: 'inherit',
    });
    execFileSync(process.execPath, [path.join(tree, 'dist/src/build/bundle-server.js')], {
      cwd: tree,
      stdio: 'inherit',
    });
  }
  return path.join(tree, 'dist/server/start.mjs');
}
