import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The pages people open (fans, scorekeepers, organisers), served by the API's own server from
 * `web/`: one small HTML shell per kind of page, plain ES modules and CSS under /assets/, no
 * inline script (the CSP allows only 'self'). Every shareable path answers its page; the page
 * reads its id from the address and calls the public API.
 */
export const PAGE_ROUTES: ReadonlyArray<{ paths: string[]; page: string }> = [
  { paths: ['/'], page: 'home' },
  { paths: ['/t/:id', '/t/:id/:tab'], page: 'tournament' },
  { paths: ['/g/:id'], page: 'game' },
  { paths: ['/teams/:id'], page: 'team' },
  { paths: ['/players/:id'], page: 'player' },
  { paths: ['/score', '/score/:id'], page: 'score' },
  { paths: ['/desk', '/desk/t/:id', '/desk/t/:id/:tab'], page: 'desk' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABS = /^[a-z-]{1,20}$/;

/** `web/` beside package.json, from src/ (tests) or dist/src/ (the build). */
export function webRoot(): string {
  for (const up of ['../../..', '../../../..']) {
    const candidate = path.resolve(import.meta.dirname, up, 'web');
    if (existsSync(path.join(candidate, 'pages', 'game.html'))) return candidate;
  }
  throw new Error(`web/ not found above ${import.meta.dirname}`);
}

/** The socket.io browser client shipped inside the socket.io server package (a runtime dependency). */
function socketIoClientDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('socket.io/package.json')), 'client-dist');
}

export async function registerWebPages(app: NestFastifyApplication): Promise<void> {
  const root = webRoot();
  const fastify = app.getHttpAdapter().getInstance();
  const pages = new Map<string, Buffer>();
  for (const { page } of PAGE_ROUTES) pages.set(page, readFileSync(path.join(root, 'pages', `${page}.html`)));
  const notFound = readFileSync(path.join(root, 'pages', 'not-found.html'));

  const send = (reply: FastifyReply, status: number, html: Buffer) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      // The shell is tiny and names its assets; revalidate so a deploy shows at once.
      .header('cache-control', 'no-cache')
      .send(html);

  for (const { paths, page } of PAGE_ROUTES) {
    for (const url of paths) {
      fastify.get(url, (request, reply) => {
        const params = request.params as { id?: string; tab?: string };
        if (params.id !== undefined && !UUID.test(params.id)) return send(reply, 404, notFound);
        if (params.tab !== undefined && !TABS.test(params.tab)) return send(reply, 404, notFound);
        return send(reply, 200, pages.get(page)!);
      });
    }
  }

  // The swagger UI registered @fastify/static already: a second instance must not decorate reply.
  await app.register(fastifyStatic as never, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    cacheControl: true,
    maxAge: '5m',
  });
  await app.register(fastifyStatic as never, {
    root: socketIoClientDir(),
    prefix: '/vendor/socket.io/',
    decorateReply: false,
    index: false,
    allowedPath: (pathName: string) => pathName === '/socket.io.esm.min.js',
    maxAge: '1d',
  });
}
