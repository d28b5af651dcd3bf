/**
 * What `npm start` and the Docker image run (bundled to dist/server/start.mjs): loads the server
 * bundle (dist/server/main.cjs) with V8's compiled code kept between starts.
 *
 * Compiling the 5.6 MB bundle and the functions a start runs is about a third of a start; with
 * the code kept, a restart on the same data folder skips it (issue 18: healthy within 1.5 s).
 * - Node 22.1 and later have this built in: `module.enableCompileCache`, under DATA_DIR/cache.
 * - Node 20 does not: the bundle is compiled as a vm.Script given the code V8 produced last time
 *   (`cachedData`), and once the server listens the code compiled so far is written to
 *   DATA_DIR/cache/server-<hash>.v8 — a file per bundle, Node version and architecture; V8 checks
 *   it and refuses one that does not fit, which is then replaced. (The `v8-compile-cache` package
 *   does this for every `require`, but it breaks `import()` in cached code, which the server uses
 *   for the embedded PostgreSQL and exports; `USE_MAIN_CONTEXT_DEFAULT_LOADER` keeps it working.)
 * A cache that cannot be read or written (read-only folder) costs only the time it would save.
 */
import { createHash } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { LISTENING_CHANNEL, type ListeningMessage } from '../common/lifecycle/listening.js';

const bundle = path.join(import.meta.dirname, 'main.cjs');
const cacheDir = (dataDir: string) => path.resolve(dataDir, 'cache');
// The server reads DATA_DIR (default ./data) the same way: src/config/env.ts.
const dataDir = process.env.DATA_DIR || './data';

const builtIn = (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
if (builtIn) {
  builtIn(path.join(cacheDir(dataDir), 'node-compile'));
  createRequire(import.meta.url)(bundle);
} else {
  runWithCodeCache();
}

function runWithCodeCache(): void {
  const source = readFileSync(bundle, 'utf8');
  const key = createHash('sha256')
    .update(`${process.version} ${process.arch}\n`)
    .update(source)
    .digest('hex')
    .slice(0, 16);
  const cacheName = `server-${key}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(path.join(cacheDir(dataDir), cacheName));
  } catch {
    // first start with this bundle
  }
  const script = new vm.Script(module.wrap(source), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    const keep = (message: unknown) => {
      unsubscribe(LISTENING_CHANNEL, keep);
      // A moment after listening, off the path of the first requests; what they compiled is kept too.
      setTimeout(() => write(cacheDir((message as ListeningMessage).dataDir)), 1000).unref();
    };
    const write = (dir: string) => {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = path.join(dir, `${cacheName}.${process.pid}`);
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, path.join(dir, cacheName));
        for (const old of readdirSync(dir))
          if (/^server-[0-9a-f]{16}\.v8$/.test(old) && old !== cacheName) rmSync(path.join(dir, old), { force: true });
      } catch {
        // a folder we cannot write: the next start compiles again
      }
    };
    subscribe(LISTENING_CHANNEL, keep);
  }
  const exports = {};
  const moduleObject = { exports, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(exports, createRequire(bundle), moduleObject, bundle, path.dirname(bundle));
}
