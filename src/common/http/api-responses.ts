import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { addVary } from './vary.js';

/** Routes under /api answering JSON; the documentation pages (/api/docs) are HTML and keep helmet. */
const isJsonApiRoute = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * A JSON answer needs no content-security rules for scripts, frames or fonts: it is never rendered
 * as a page. Helmet's ~900 bytes stay on the HTML pages; the API answers carry these.
 */
const API_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** Anyone may keep a public answer but must ask again (with its ETag) before each use: live data stays fresh. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';
/** An answer that depended on who asked is never stored, by a browser or a proxy. */
export const CREDENTIALED_CACHE_CONTROL = 'private, no-store';

/** A weak validator over the JSON body (weak: compression may change the bytes, not the meaning). */
export const weakEtag = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** RFC 9110 If-None-Match: weak comparison against any listed tag, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === bare || t === `W/${bare}`;
  });
}

/**
 * How the JSON API answers, set once for every route:
 * - helmet is skipped on API routes (must be registered before helmet), a short set of headers instead;
 * - GET answers get Cache-Control, and anonymous ones an ETag honoured by If-None-Match (304).
 */
export function registerApiResponses(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (!isJsonApiRoute(route.url ?? route.path)) return;
    route.config = { ...(route.config as object), jsonApi: true } as typeof route.config;
    if ((route as { helmet?: unknown }).helmet === undefined) (route as { helmet?: unknown }).helmet = false;
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!(request.routeOptions.config as { jsonApi?: boolean }).jsonApi) return payload;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) void reply.header(name, value);
    }
    if (request.method !== 'GET' || reply.hasHeader('cache-control')) return payload;
    if (request.headers.authorization !== undefined) {
      void reply.header('cache-control', CREDENTIALED_CACHE_CONTROL);
      return payload;
    }
    // A kept read (fresh-reads.ts) comes with its version's tag, possibly as compressed bytes.
    const given = reply.getHeader('etag') as string | undefined;
    if (reply.statusCode !== 200 || (given === undefined && typeof payload !== 'string')) {
      void reply.header('cache-control', 'no-store');
      return payload;
    }
    const etag = given ?? weakEtag(payload as string);
    void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL);
    // The same address asked with credentials may answer differently: a shared cache keeps them apart.
    addVary(reply, 'Authorization');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding');
      return '';
    }
    return payload;
  });
}

/**
 * One log line per request (Fastify writes two at info): at debug for successful reads, most of
 * the traffic, so a production log at info keeps writes, refusals and errors.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const read = (request.method === 'GET' || request.method === 'HEAD') && status < 400;
    const level = error || status >= 500 ? 'error' : read ? 'debug' : 'info';
    // Fastify's logger is pino: no line is built for a level it drops.
    if (!(request.log as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled(level)) return;
    request.log[level](
      {
        req: { method: request.method, url: request.url, remoteAddress: request.ip },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        ...(error ? { err: error } : {}),
      },
      'request',
    );
  }
}
