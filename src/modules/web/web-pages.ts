import { negotiate } from '@fastify/accept-negotiator';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { metaTags } from './page-meta.js';
import { pagePreloader, publicReader, type PagePreload } from './page-preload.js';
import { QR_TEXT_MAX, qrSvg } from './qr-code.js';
import { shareImages } from './share-images.js';
import {
  bundleWeb,
  STATIC_PREFIX,
  type BundledAsset,
  type OfflinePage,
  type PageAssets,
  type WebBundle,
} from './web-bundle.js';

/**
 * The pages people open (fans, scorekeepers, organisers), served by the API's own server from
 * `web/`: one HTML shell (web/pages/shell.html) per kind of page naming its bundled, hashed
 * scripts and stylesheet (web-bundle.ts), no inline script (the CSP allows only 'self'). Every
 * shareable path answers its page; the page reads its id from the address and calls the public
 * API, except for what the server already put into the HTML (page-preload.ts).
 */
export const PAGE_ROUTES: ReadonlyArray<{ paths: string[]; page: string; title: string }> = [
  { paths: ['/'], page: 'home', title: '工BA 赛事' },
  { paths: ['/t/:id', '/t/:id/:tab'], page: 'tournament', title: '赛事' },
  { paths: ['/g/:id'], page: 'game', title: '比赛直播' },
  { paths: ['/teams/:id'], page: 'team', title: '球队' },
  { paths: ['/players/:id'], page: 'player', title: '球员' },
  { paths: ['/score', '/score/:id'], page: 'score', title: '记录台' },
  { paths: ['/desk', '/desk/t/:id', '/desk/t/:id/:tab'], page: 'desk', title: '赛事管理' },
  // Printable documents (秩序册, 成绩册, scoresheet): A4 print styles; the server prints the same page to PDF.
  { paths: ['/print/:tab/:id'], page: 'print', title: '打印' },
];
const NOT_FOUND = { page: 'not-found', title: '页面不存在' };

/**
 * The scorer's console opens without network after one visit (a service worker, /sw.js) and can be
 * installed (/manifest.webmanifest). Browsers allow service workers only over HTTPS or on
 * localhost: at a venue's plain-HTTP LAN address the console works online only, with its outbox.
 */
const OFFLINE = { page: 'score', url: '/score', title: '记录台' };
const MANIFEST = JSON.stringify({
  name: '记录台 · Courtside',
  short_name: '记录台',
  lang: 'zh-CN',
  start_url: '/score',
  scope: '/score',
  display: 'standalone',
  background_color: '#f4f5f7',
  theme_color: '#14213d',
  icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
});
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="18" fill="#14213d"/>' +
  '<circle cx="48" cy="48" r="28" fill="#e07a1f"/><path d="M20 48h56M48 20v56M28 28c10 10 10 30 0 40M68 28c-10 10-10 30 0 40" ' +
  'stroke="#14213d" stroke-width="4" fill="none"/></svg>';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABS = /^[a-z-]{1,20}$/;

/** `web/` beside package.json, from src/ (tests), dist/src/ (the compiled tree) or dist/server/ (the bundle). */
export function webRoot(): string {
  for (const up of ['../..', '../../..', '../../../..']) {
    const candidate = path.resolve(import.meta.dirname, up, 'web');
    if (existsSync(path.join(candidate, 'pages', 'shell.html'))) return candidate;
  }
  throw new Error(`web/ not found above ${import.meta.dirname}`);
}

// One bundle per process: tests start many apps from the same web/.
const bundles = new Map<string, Promise<WebBundle>>();
function bundleOnce(root: string): Promise<WebBundle> {
  const pages = [...PAGE_ROUTES.map((r) => r.page), NOT_FOUND.page];
  let bundle = bundles.get(root);
  if (!bundle) {
    const shell = readFileSync(path.join(root, 'pages', 'shell.html'), 'utf8');
    const offline: OfflinePage = {
      page: OFFLINE.page,
      shell: (assets) => ({
        url: OFFLINE.url,
        revision: hashOf(renderShell(shell, OFFLINE.title, assets, OFFLINE.page)),
      }),
    };
    bundle = bundleWeb(root, pages, offline);
    bundles.set(root, bundle);
    bundle.catch(() => bundles.delete(root));
  }
  return bundle;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that cannot end the script element it sits in, whatever the names inside it say. */
const inlineJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Where the page was asked for (absolute addresses in its link-preview tags). */
interface PageAddress {
  origin: string;
  path: string;
}

function renderShell(
  shell: string,
  title: string,
  assets: PageAssets,
  page: string,
  preload?: PagePreload | null,
  address?: PageAddress,
): string {
  const links = [
    ...(page === OFFLINE.page ? ['<link rel="manifest" href="/manifest.webmanifest" />'] : []),
    `<link rel="stylesheet" href="${assets.stylesheet}" />`,
    ...assets.preloads.map((href) => `<link rel="modulepreload" href="${href}" />`),
    `<script type="module" src="${assets.script}"></script>`,
  ].join('\n    ');
  const data = preload ? `<script type="application/json" id="preloaded">${inlineJson(preload.answers)}</script>` : '';
  const meta = preload?.meta && address ? metaTags(preload.meta, address.origin, address.path) : '';
  return shell
    .replace('{{title}}', () => escapeHtml(`${preload?.title ?? title} · Courtside`))
    .replace('{{meta}}', () => meta)
    .replace('{{assets}}', () => links)
    .replace('{{preload}}', () => data);
}

export async function registerWebPages(app: NestFastifyApplication): Promise<void> {
  const root = webRoot();
  const fastify = app.getHttpAdapter().getInstance();
  // Not awaited: the server is healthy and the API answers while the pages' bundle is being made
  // (esbuild and compression, most of a start); page and asset requests wait for it once.
  const bundled = bundleOnce(root);
  let bundle = null as unknown as WebBundle;
  bundled.then(
    (made) => (bundle = made),
    (e: unknown) => fastify.log.error({ err: e }, 'the pages could not be bundled'),
  );
  fastify.addHook('onRequest', async (request) => {
    if (bundle === null && !request.url.startsWith('/api/')) bundle = await bundled;
  });
  const shell = readFileSync(path.join(root, 'pages', 'shell.html'), 'utf8');
  const preload = pagePreloader(fastify);
  const publicUrl = app.get<AppConfig>(APP_CONFIG, { strict: false }).env.PUBLIC_URL?.replace(/\/+$/, '');
  const addressOf = (request: FastifyRequest): PageAddress => ({
    origin: publicUrl ?? `${request.protocol}://${request.host}`,
    path: request.url.split('?')[0]!,
  });

  /** A page without server data is the same for everyone: made once, revalidated by its ETag. */
  const fixed = new Map<string, { html: string; etag: string }>();
  const fixedPage = (page: string, title: string) => {
    let made = fixed.get(page);
    if (!made) {
      const html = renderShell(shell, title, bundle.pages.get(page)!, page);
      made = { html, etag: `"${hashOf(html)}"` };
      fixed.set(page, made);
    }
    return made;
  };

  const sendHtml = (reply: FastifyReply, status: number, html: string, etag?: string) => {
    void reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      // The shell names hashed assets; revalidate it so a deploy shows at once.
      .header('cache-control', 'no-cache');
    if (etag) void reply.header('etag', etag);
    return reply.send(html);
  };
  const notFound = (reply: FastifyReply) => {
    const { html } = fixedPage(NOT_FOUND.page, NOT_FOUND.title);
    return sendHtml(reply, 404, html);
  };

  for (const { paths, page, title } of PAGE_ROUTES) {
    for (const url of paths) {
      fastify.get(url, async (request, reply) => {
        const params = request.params as { id?: string; tab?: string };
        if (params.id !== undefined && !UUID.test(params.id)) return notFound(reply);
        if (params.tab !== undefined && !TABS.test(params.tab)) return notFound(reply);
        const data = await preload(page, params);
        if (data?.missing) return notFound(reply);
        if (data)
          return sendHtml(
            reply,
            200,
            renderShell(shell, title, bundle.pages.get(page)!, page, data, addressOf(request)),
          );
        const { html, etag } = fixedPage(page, title);
        if (request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
        return sendHtml(reply, 200, html, etag);
      });
    }
  }

  // The link preview's picture of a game (teams, colours, score) or a tournament (share-images.ts).
  const images = shareImages(publicReader(fastify));
  const sharePng = (kind: 'game' | 'tournament') => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const image = UUID.test(id) ? await images[kind](id) : null;
    if (!image) return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not Found');
    void reply
      .header('content-type', 'image/png')
      // A preview asks again by a new address when the score changes (page-meta.ts); a short
      // life here covers anyone who holds the bare address.
      .header('cache-control', 'public, max-age=15')
      .header('etag', image.etag);
    if (request.headers['if-none-match'] === image.etag) return reply.code(304).send();
    return reply.send(image.png);
  };
  fastify.get('/g/:id/share.png', sharePng('game'));
  fastify.get('/t/:id/share.png', sharePng('tournament'));
  // QR codes as images (a page's address, the desk's console link): no script on the phone.
  fastify.get('/qr.svg', (request, reply) => {
    const { text } = request.query as { text?: unknown };
    if (typeof text !== 'string' || text.length === 0 || text.length > QR_TEXT_MAX)
      return reply
        .code(400)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(`text: required, at most ${QR_TEXT_MAX} characters`);
    return reply
      .header('content-type', 'image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(qrSvg(text));
  });

  // The service worker is checked on every visit (a deploy changes its precache list).
  fastify.get('/sw.js', { config: { compress: false } } as never, (request, reply) => {
    const worker = bundle.serviceWorker;
    if (!worker) return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not Found');
    void reply.header('service-worker-allowed', '/');
    return sendAsset(request, reply, worker, 'no-cache');
  });
  fastify.get('/manifest.webmanifest', (_request, reply) =>
    reply
      .header('content-type', 'application/manifest+json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(MANIFEST),
  );
  fastify.get('/icon.svg', (_request, reply) =>
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON),
  );

  // Hashed names never change content: a year in the browser's cache, already compressed.
  fastify.get(`${STATIC_PREFIX}*`, { config: { compress: false } } as never, (request, reply) => {
    const asset = bundle.assets.get(request.url.split('?')[0]!);
    if (!asset) return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not Found');
    return sendAsset(request, reply, asset);
  });
}

function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: BundledAsset,
  cacheControl = 'public, max-age=31536000, immutable',
) {
  void reply
    .header('content-type', asset.contentType)
    .header('cache-control', cacheControl)
    .header('etag', asset.etag)
    .header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'];
  const encoding = typeof accepted === 'string' ? negotiate(accepted, ['br', 'gzip']) : null;
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.br);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.raw);
}
