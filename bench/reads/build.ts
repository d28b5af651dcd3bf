/**
 * The compiled server the reads and start-up benchmarks run, built beside the tree (not in its
 * dist/, which the process tests share): `<dir>/dist/src/main.js` with `web/`, `node_modules/`
 * and package.json linked in, so it runs as `node dist/src/main.js` does in the image.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export function buildServer(dir = process.env.BENCH_BUILD_DIR ?? '/tmp/courtside-bench-build'): string {
  mkdirSync(dir, { recursive: true });
  for (const linked of ['web', 'node_modules']) {
    if (!existsSync(path.join(dir, linked))) symlinkSync(path.join(root, linked), path.join(dir, linked));
  }
  copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    try {
      execFileSync(
        path.join(root, 'node_modules/.bin/tsc'),
        ['-p', 'tsconfig.build.json', '--outDir', path.join(dir, 'dist')],
        { cwd: root, stdio: 'inherit' },
      );
    } catch {
      // Type errors still emit JavaScript; the run fails later if the server cannot start.
      process.stderr.write('tsc reported errors; running what it emitted\n');
    }
  }
  return path.join(dir, 'dist/src/main.js');
}
