import { negotiate } from '@fastify/accept-negotiator';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pagePreloader, type PagePreload } from './page-preload.js';
import { bundleWeb, STATIC_PREFIX, type BundledAsset, type PageAssets, type WebBundle } from './web-bundle.js';

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
];
const NOT_FOUND = { page: 'not-found', title: '页面不存在' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABS = /^[a-z-]{1,20}$/;

/** `web/` beside package.json, from src/ (tests) or dist/src/ (the build). */
export function webRoot(): string {
  for (const up of ['../../..', '../../../..']) {
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
    bundle = bundleWeb(root, pages);
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

function renderShell(shell: string, title: string, assets: PageAssets, preload?: PagePreload | null): string {
  const links = [
    `<link rel="stylesheet" href="${assets.stylesheet}" />`,
    ...assets.preloads.map((href) => `<link rel="modulepreload" href="${href}" />`),
    `<script type="module" src="${assets.script}"></script>`,
  ].join('\n    ');
  const data = preload ? `<script type="application/json" id="preloaded">${inlineJson(preload.answers)}</script>` : '';
  return shell
    .replace('{{title}}', () => escapeHtml(`${preload?.title ?? title} · Courtside`))
    .replace('{{assets}}', () => links)
    .replace('{{preload}}', () => data);
}

export async function registerWebPages(app: NestFastifyApplication): Promise<void> {
  const root = webRoot();
  const bundle = await bundleOnce(root);
  const fastify = app.getHttpAdapter().getInstance();
  const shell = readFileSync(path.join(root, 'pages', 'shell.html'), 'utf8');
  const preload = pagePreloader(fastify);

  /** A page without server data is the same for everyone: made once, revalidated by its ETag. */
  const fixed = new Map<string, { html: string; etag: string }>();
  const fixedPage = (page: string, title: string) => {
    let made = fixed.get(page);
    if (!made) {
      const html = renderShell(shell, title, bundle.pages.get(page)!);
      made = { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"` };
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
        if (data) return sendHtml(reply, 200, renderShell(shell, title, bundle.pages.get(page)!, data));
        const { html, etag } = fixedPage(page, title);
        if (request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
        return sendHtml(reply, 200, html, etag);
      });
    }
  }

  // Hashed names never change content: a year in the browser's cache, already compressed.
  fastify.get(`${STATIC_PREFIX}*`, { config: { compress: false } } as never, (request, reply) => {
    const asset = bundle.assets.get(request.url.split('?')[0]!);
    if (!asset) return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not Found');
    return sendAsset(request, reply, asset);
  });
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: BundledAsset) {
  void reply
    .header('content-type', asset.contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('etag', asset.etag)
    .header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'];
  const encoding = typeof accepted === 'string' ? negotiate(accepted, ['br', 'gzip']) : null;
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.br);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.raw);
}
