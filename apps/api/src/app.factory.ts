/**
 * Builds the whole application (HTTP API, web app, docs) from a config. main.ts listens with it;
 * integration tests start the very same app on a random port.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { errorBody, ErrorFilter, toDomainError } from './common/error.filter';
import { DomainError } from './common/domain-error';
import { requestId } from './common/request-id';
import { securityHeaders } from './common/security-headers';
import { corsOptions } from './common/cors';
import { completeDocument, ErrorResponseDto } from './common/openapi';
import { ApiValidationPipe, jsonTooDeep, tooDeep } from './common/validation';
import { DemoService } from './demo/demo.service';
import { PublicAgendaCache, serveBeforeApp } from './events/public-agenda.cache';
import { AccountsService } from './accounts/accounts.service';
import { configureRealtime } from './realtime/realtime.setup';
import { installOperability } from './metrics/operability';

export const BODY_LIMIT = '1mb';
/** The body types operations take: JSON, CSV (company import), LiveKit's signed webhook JSON. */
const BODY_TYPES = ['application/json', 'text/csv', 'text/plain', 'application/webhook+json'];
/** Operations that take multipart/form-data: their handler reads the form as a stream (files/multipart.ts). */
const MULTIPART_OPERATIONS = new Set(['POST /api/files']);
const takesMultipart = (req: Request) =>
  MULTIPART_OPERATIONS.has(`${req.method} ${req.path}`) && Boolean(req.is('multipart/form-data'));

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No enableShutdownHooks(): main.ts drains first on SIGTERM, then closes the app (lifecycle/graceful-shutdown.ts).

  // Our own body parsers, so their errors (malformed JSON, too large) get the contract's shape;
  // the raw bytes are kept for webhook signatures.
  app.use((req: Request, res: Response, next: NextFunction) => {
    requestId(req, res);
    next();
  });
  app.use(securityHeaders(config));
  app.enableCors(corsOptions(config));
  installOperability(app, config);
  // A body of a type no operation takes would reach the handlers as "no body": 415 instead.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody || req.is(BODY_TYPES) || takesMultipart(req)) return next();
    next(
      new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The body must be one of ${BODY_TYPES.join(', ')}; got ${req.headers['content-type'] ?? 'no content type'}`,
      ),
    );
  });
  app.use(
    express.json({
      limit: BODY_LIMIT,
      strict: false,
      verify: (req, _res, buf) => {
        // Refused before JSON.parse and the validators walk it (they recurse).
        if (jsonTooDeep(buf)) throw tooDeep();
        (req as Request & { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  app.use(express.text({ type: ['text/csv', 'text/plain'], limit: BODY_LIMIT }));
  app.use(express.raw({ type: 'application/webhook+json', limit: BODY_LIMIT }));
  app.use((error: unknown, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (!error) return next();
    const domain = toDomainError(error);
    res.status(domain.status).json(errorBody(domain, req.id));
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ApiValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  // Every operation names its operationId, responses and error statuses (apps/api/test/openapi.int-spec.ts
  // keeps it so); the web client's types are generated from this document.
  const document = completeDocument(
    app,
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('International Living Room API')
        .setDescription(
          'Forums, cloud roadshows, matchmaking and signing ceremonies for cross-border investment promotion.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
      { extraModels: [ErrorResponseDto] },
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(app, resolve(config.webDistDir));
  configureRealtime(app);
  await app.init(); // the gateways attach socket.io to the HTTP server here
  // Cached public agendas are answered before socket.io and Express (the most-polled request).
  serveBeforeApp(app.getHttpServer(), app.get(PublicAgendaCache).serve);

  await app.get(AccountsService).ensureOrganiser();
  if (config.seedDemo) await app.get(DemoService).seed();
  return app;
}

/** Paths that belong to the web app: everything but the API and socket.io. */
const WEB_PATH = /^\/(?!api(\/|$)|socket\.io(\/|$)).*/;

/** The built web app on the same port; client-side routes fall back to index.html. */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  const http = app.getHttpAdapter().getInstance() as express.Express;
  if (!existsSync(index)) {
    http.get(WEB_PATH, (_req: Request, res: Response) => {
      res.type('text/plain').send('The web app is not built yet: run `npm run build:web` (the API is under /api).');
    });
    return;
  }
  const assets = express.static(dir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
  });
  // API requests never look for a file on disk.
  http.use((req: Request, res: Response, next: NextFunction) =>
    WEB_PATH.test(req.path) ? assets(req, res, next) : next(),
  );
  http.get(WEB_PATH, (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
