import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { constants as zlib } from 'node:zlib';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { ErrorBody } from './common/errors/error-body.js';
import { globalValidationPipe } from './common/errors/validation.js';
import { OneLineRequestLog, registerApiResponses } from './common/http/api-responses.js';
import { registerJsonBodyParser } from './common/http/json-body.js';
import { finishApiDocument } from './common/openapi/finish-document.js';
import { describeValidationRules } from './common/openapi/validation-rules.js';
import { NestPinoLogger } from './common/logging/logger.js';
import { registerWebPages } from './modules/web/web-pages.js';
import { securityHeaders } from './modules/web/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import { LiveIoAdapter } from './live/live-io.adapter.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the application exactly as production runs it (adapter, pipes, filters, docs);
 * main.ts listens on it, tests call it with their own database.
 */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  // Fastify: measured about 2.2x the requests/s of Express here on a primary-key read; it
  // serves socket.io (attached to the same http server) and static pages equally well.
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Honour a caller's request id (from a proxy) when it looks like one, otherwise make one.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.env.TRUST_PROXY,
    // Close idle keep-alive sockets on shutdown; in-flight requests finish first.
    forceCloseConnections: 'idle',
    // One line per request instead of two, successful reads at debug (api-responses.ts).
    logController: new OneLineRequestLog(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
    abortOnError: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // CSV bodies arrive as text (roster import).
  fastify.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  // Image bodies arrive as bytes (team logos); their kind is read from the bytes, never trusted.
  fastify.addContentTypeParser(/^(image\/|application\/octet-stream)/, { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  // JSON bodies: depth and prototype keys checked in one pass before anything walks them.
  registerJsonBodyParser(app, 1024 * 1024);
  // Before compress and helmet: a 304 drops the body before compression; API routes skip helmet.
  registerApiResponses(fastify);

  // Brotli or gzip for HTML and JSON as they are made (the bundled assets come compressed already,
  // web-bundle.ts). Request bodies are never inflated: a small compressed body must not become a
  // large one inside the server.
  await app.register(compress as never, {
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });

  await app.register(helmet as never, securityHeaders(config.env.PUBLIC_URL));

  // The pages (web/): fan scoreboard, scorekeeper console, organiser desk; under the CSP above.
  await registerWebPages(app);

  // socket.io (src/live) shares the HTTP server and port; with REDIS_URL, rooms span instances.
  const live = new LiveIoAdapter(app, config.env);
  await live.connectToRedis();
  app.useWebSocketAdapter(live);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(globalValidationPipe());
  // Outside the shared reads (app.module.ts): a kept answer of the current version needs no read at all.
  app.useGlobalFilters(new AllExceptionsFilter());

  const docs = new DocumentBuilder()
    .setTitle('Courtside API')
    .setDescription(
      "Tournament management and live scoring for workers' basketball leagues (工BA). " +
        'Every failure has the same JSON shape (ErrorBody): statusCode, error, message, code, details[{field, reason}], requestId. ' +
        'Each operation says who may call it (**Access:** in its description, `x-access` in the document): public reads need no login; ' +
        'everything else needs `Authorization: Bearer <access token>` from POST /api/v1/auth/login or /auth/game-code.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token from POST /api/v1/auth/login (15 minutes; refresh at /auth/refresh)',
    })
    .build();
  // Built on the first visit to the docs, not at start (about 0.3 s of every boot otherwise).
  SwaggerModule.setup(
    'api/docs',
    app,
    () => {
      describeValidationRules();
      return finishApiDocument(SwaggerModule.createDocument(app, docs, { extraModels: [ErrorBody] }));
    },
    {
      jsonDocumentUrl: 'api/docs-json',
    },
  );
  return app;
}
