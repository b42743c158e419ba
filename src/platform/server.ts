import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCookieSecret, type Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { ANONYMOUS, type Actor } from './auth/actor.ts';
import { findSessionActor, findTokenActor, SESSION_COOKIE } from './auth/auth.queries.ts';
import { authorize, type Access } from './auth/policy.ts';
import type { Clock } from './clock.ts';
import type { DemoClockInfo } from './layout.tsx';
import { handleError, handleFrameworkError, handleNotFound } from './error-handler.tsx';
import { SAFE_METHODS } from './http.ts';
import { guardMultipart, rejectNulInput } from './input-guard.ts';
import type { Mailer } from './mail.ts';
import { registerOpenApi } from './openapi.ts';
import type { FileStore } from './storage.ts';
import { schemaController } from './validator.ts';

export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  store: FileStore;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set on a demo instance whose clock runs ahead (DEMO_CLOCK_OFFSET_DAYS); pages show it. */
    demoClock: DemoClockInfo | undefined;
  }
  interface FastifyContextConfig {
    /** Every route must declare who may call it; routes without are refused at start-up. */
    access?: Access;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });
const require = createRequire(import.meta.url);
const kernDist = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist');
/** The interactive map's library, served from our own origin (CSP 'self', no CDN). */
const leafletDist = path.join(path.dirname(require.resolve('leaflet/package.json')), 'dist');

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}
const routeTables = new WeakMap<object, RouteInfo[]>();

/** Every route of the app with its declared access (used by the authorization test). */
export function listRoutes(app: App): RouteInfo[] {
  return routeTables.get(app) ?? [];
}

export async function buildServer(deps: Deps, register: (app: App) => Promise<void>): Promise<App> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    // request.ip: X-Forwarded-For counts only from the configured proxies (TRUSTED_PROXIES).
    trustProxy: deps.config.trustedProxies.length > 0 ? [...deps.config.trustedProxies] : false,
    routerOptions: { ignoreTrailingSlash: true },
    schemaController,
    frameworkErrors: handleFrameworkError,
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Fail closed: a route that forgets to declare its access cannot be registered.
  const table: RouteInfo[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/static/')) return;
    if (!access) {
      throw new Error(
        `Route ${route.method.toString()} ${route.url} deklariert keinen Zugriff (config.access).`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  // Security headers, built once (the Fastify plugin would rebuild them on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  await app.register(fastifyCookie, { secret: resolveCookieSecret(deps.config) });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'il_csrf',
    // Multipart uploads carry the token in the form's action URL: their body is read later.
    getToken: (request) =>
      (request.body as { _csrf?: string } | undefined)?._csrf ??
      (request.query as { _csrf?: string } | undefined)?._csrf ??
      '',
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: deps.config.secureCookies,
    },
  });
  await app.register(fastifyFormbody);
  // Uploads stream to the file store; the size limit is enforced there too.
  await app.register(fastifyMultipart, {
    // Default per request; routes that take more say so in their parts() call. fieldSize bounds
    // each text field (busboy's default is 1 MB), parts all parts together.
    limits: {
      fileSize: 25 * 1024 * 1024 + 1,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: 30,
    },
  });
  await registerOpenApi(app);

  // Fastify 5 forbids object defaults on decorators; every request gets its actor in onRequest.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('demoClock', undefined);
  const offsetDays = deps.config.demoClockOffsetDays;
  if (offsetDays > 0) {
    app.addHook('onRequest', async (request) => {
      request.demoClock = { offsetDays, today: BERLIN_DAY.format(deps.clock.now()) };
    });
  }
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const now = deps.clock.now();
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ') && request.url.startsWith('/api/')) {
      request.actor = (await findTokenActor(deps.db, auth.slice(7).trim(), now)) ?? ANONYMOUS;
      return;
    }
    // The JSON API never acts on a session cookie for writes: no cookie, no CSRF exposure.
    if (request.url.startsWith('/api/') && !SAFE_METHODS.has(request.method)) return;
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.actor = (await findSessionActor(deps.db, cookie, now)) ?? ANONYMOUS;
  });

  // Who may call a route is decided before what they sent is judged: an anonymous caller gets 401
  // (or the login page), not a validation error that tells them about the route's input.
  app.addHook('preValidation', (request, reply, done) => {
    const access = request.routeOptions.config.access;
    try {
      if (access && access !== 'public') authorize(request.actor, access);
    } catch (error) {
      done(error as Error);
      return;
    }
    // Forms are protected by a CSRF token; the JSON API is not cookie-authenticated and needs none.
    if (!SAFE_METHODS.has(request.method) && !request.url.startsWith('/api/')) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  // After parsing and access, before schema validation and any route code: one check of all input.
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      rejectNulInput(request);
      if (request.isMultipart()) guardMultipart(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  await app.register(fastifyStatic, {
    root: path.join(here, '..', 'web', 'static'),
    prefix: '/static/',
    maxAge: '1h',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: kernDist,
    prefix: '/static/kern/',
    maxAge: '1d',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: leafletDist,
    prefix: '/static/leaflet/',
    maxAge: '1d',
    decorateReply: false,
  });

  await register(app);
  return app;
}
