import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync } from 'node:zlib';

// Maximum-quality brotli of the whole bundle takes seconds of CPU: at start each file is compressed
// quickly (milliseconds), then again at maximum quality on libuv's thread pool, replacing the first
// result when done. The event loop and the start never wait for it.
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One file of the bundle, compressed ahead of time (it never changes while the process runs). */
export interface BundledAsset {
  /** `/static/js/pages/game-3KQ2ZP7A.js`: the name carries the content's hash. */
  url: string;
  contentType: string;
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** What a page's HTML must name: its script, the chunks that script imports at once, the stylesheet. */
export interface PageAssets {
  script: string;
  preloads: string[];
  stylesheet: string;
}

export interface WebBundle {
  assets: Map<string, BundledAsset>;
  pages: Map<string, PageAssets>;
  /** `/sw.js`: the service worker that keeps the offline page (`OfflinePage`) on the device. */
  serviceWorker: BundledAsset | null;
}

/** A page that opens without network: its shell and every file its build made are precached. */
export interface OfflinePage {
  page: string;
  /** Its HTML's address and a revision that changes whenever the HTML does. */
  shell: (assets: PageAssets) => { url: string; revision: string };
}

export const STATIC_PREFIX = '/static/';

/** The socket.io browser client as the pages import it; bundled from the socket.io server package. */
const SOCKET_IO_IMPORT = '/vendor/socket.io/socket.io.esm.min.js';

function socketIoClient(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('socket.io/package.json')), 'client-dist', 'socket.io.esm.min.js');
}

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Bundles `web/assets` for the browser with esbuild when the server starts: one minified module
 * per page, plus the chunks it loads later (code splitting), content-hashed names so they can be cached for a
 * year and a deploy changes every name that changed, and brotli/gzip made once here instead of
 * on every request. Doing it at start keeps one path for development, tests and the image: there
 * is no build output that could drift from `web/`. esbuild runs in its own process; maximum-quality
 * compression follows on the thread pool, so the start waits for a quick compression only.
 */
export async function bundleWeb(webRoot: string, pages: readonly string[], offline?: OfflinePage): Promise<WebBundle> {
  const assetsDir = path.join(webRoot, 'assets');
  const outDir = path.join(assetsDir, 'out');
  const urlOf = (file: string) =>
    STATIC_PREFIX + path.relative(outDir, path.resolve(assetsDir, file)).split(path.sep).join('/');
  const assets = new Map<string, BundledAsset>();
  const build = async (entry: string) => {
    const result = await esbuild.build({ ...BUILD, absWorkingDir: assetsDir, entryPoints: [entry] });
    for (const file of result.outputFiles) {
      const url = urlOf(file.path);
      if (!assets.has(url)) assets.set(url, compressed(url, file));
    }
    const outputs = result.metafile.outputs;
    const [main] = Object.entries(outputs).find(([, o]) => o.entryPoint === entry) ?? [];
    if (!main) throw new Error(`web bundle: no output for ${entry}`);
    return {
      main: urlOf(main),
      imports: staticImports(outputs, main).map(urlOf),
      all: result.outputFiles.map((f) => urlOf(f.path)),
    };
  };

  // One build per page: its first view is one script (plus what it loads later, like the
  // socket.io client), not a handful of shared chunks each costing a round trip on a slow link.
  // The builds run at once (esbuild's own process uses every core), results taken in page order.
  const [styles, ...built] = await Promise.all([
    build('css/app.css'),
    ...pages.map((page) => build(`js/pages/${page}.js`)),
  ]);
  const stylesheet = styles!.main;
  const pageAssets = new Map<string, PageAssets>();
  let precache: Array<{ url: string; revision: string | null }> | null = null;
  for (const [i, page] of pages.entries()) {
    const { main, imports, all } = built[i]!;
    const made = { script: main, preloads: imports, stylesheet };
    pageAssets.set(page, made);
    // Hashed names need no revision; the lazy chunks (the socket.io client) are in `all` too.
    if (page === offline?.page)
      precache = [offline.shell(made), ...[stylesheet, ...all].map((url) => ({ url, revision: null }))];
  }
  const serviceWorker = precache ? await buildServiceWorker(assetsDir, precache) : null;
  return { assets, pages: pageAssets, serviceWorker };
}

/** web/assets/js/sw.js with its Workbox modules in one classic script, the precache list put in. */
async function buildServiceWorker(assetsDir: string, precache: Array<{ url: string; revision: string | null }>) {
  const result = await esbuild.build({
    absWorkingDir: assetsDir,
    entryPoints: ['js/sw.js'],
    bundle: true,
    format: 'iife',
    minify: true,
    target: BUILD.target,
    legalComments: 'none',
    write: false,
    outfile: 'out/sw.js',
    logLevel: 'silent',
    // Workbox logs in development builds; `process` does not exist in a worker.
    define: { __PRECACHE__: JSON.stringify(precache), 'process.env.NODE_ENV': '"production"' },
  });
  return compressed('/sw.js', result.outputFiles[0]!);
}

const BUILD = {
  outdir: 'out',
  outbase: '.',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  // Phones in union halls run older Android WebViews and iOS Safari.
  target: ['es2020', 'chrome87', 'safari15', 'firefox78'],
  entryNames: '[dir]/[name]-[hash]',
  chunkNames: 'js/chunks/[name]-[hash]',
  legalComments: 'none',
  write: false,
  metafile: true,
  logLevel: 'silent',
  plugins: [
    {
      name: 'socket.io-client',
      setup(build) {
        build.onResolve({ filter: /^\/vendor\/socket\.io\// }, (args) =>
          args.path === SOCKET_IO_IMPORT ? { path: socketIoClient() } : { errors: [{ text: `unknown ${args.path}` }] },
        );
      },
    },
  ],
} satisfies esbuild.BuildOptions;

function compressed(url: string, file: esbuild.OutputFile): BundledAsset {
  const raw = Buffer.from(file.contents);
  const asset: BundledAsset = {
    url,
    contentType: TYPES[path.extname(file.path)] ?? 'application/octet-stream',
    raw,
    br: brotliCompressSync(raw, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    gzip: gzipSync(raw, { level: 6 }),
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
  };
  // Same bytes once inflated, so the ETag holds; a failure keeps the quick result.
  void Promise.all([
    brotliAsync(raw, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    gzipAsync(raw, { level: zlib.Z_BEST_COMPRESSION }),
  ]).then(
    ([br, gz]) => Object.assign(asset, { br, gzip: gz }),
    () => undefined,
  );
  return asset;
}

/** Every chunk an output imports before it runs (not the lazy `import()` ones), transitively. */
function staticImports(outputs: esbuild.Metafile['outputs'], from: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || i.external || seen.has(i.path)) continue;
      seen.add(i.path);
      visit(i.path);
    }
  };
  visit(from);
  return [...seen];
}
