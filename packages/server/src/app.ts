import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createAuth, type Auth } from './auth/auth.js';
import { authPlugin } from './auth/plugin.js';
import { overloadPlugin } from './http/overload.js';
import { fastifyTrustProxy, type Config } from './config.js';
import type { Database } from './db/client.js';
import { generateSecret, getOrCreateSetting } from './db/instance-settings.js';
import {
  localizedErrorBody,
  registerErrorHandler,
  sendFrameworkError,
} from './http/error-handler.js';
import { registerRequestDeadline } from './http/request-deadline.js';
import { rejectUnstorableInput } from './http/unstorable-input.js';
import { registerCsrfGuard } from './http/csrf.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { message } from './i18n/messages.js';
import { loggerOptions, QuietRequestLog, type LogOutput } from './logger.js';
import { createMailer, MAIL_DELIVERY_JOB, type Mailer } from './mail/mailer.js';
import { agreementRoutes } from './modules/agreements/routes.js';
import { attentionRoutes } from './modules/attention/routes.js';
import { checkInRoutes } from './modules/checkins/routes.js';
import { checkInJobHandlers } from './modules/checkins/service.js';
import { feedbackActionRoutes } from './modules/feedback-actions/routes.js';
import { feedbackResultRoutes } from './modules/feedback-results/routes.js';
import { leadershipRoutes } from './modules/leadership/routes.js';
import { outcomeExportRoutes } from './modules/outcome-report/export-routes.js';
import { outcomeReportRoutes } from './modules/outcome-report/routes.js';
import { storyRoutes } from './modules/stories/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { meRoutes } from './modules/me/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { createDnsTxtResolver, type TxtResolver } from './modules/organisations/domains.js';
import { outboxRoutes } from './modules/outbox/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { programmeDashboardRoutes } from './modules/programme-dashboard/routes.js';
import { programmeRoutes } from './modules/programmes/routes.js';
import { enrolmentRoutes } from './modules/enrolments/routes.js';
import { JobLoop } from './modules/jobs/loop.js';
import { jobRoutes } from './modules/jobs/routes.js';
import type { JobHandlers } from './modules/jobs/runner.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { noteRoutes } from './modules/notes/routes.js';
import { proposalRoutes } from './modules/proposals/routes.js';
import { relationshipHealthRoutes } from './modules/relationship-health/routes.js';
import { relationshipJobHandlers } from './modules/relationships/lifecycle-service.js';
import { relationshipRoutes } from './modules/relationships/routes.js';
import { outcomeSurveyRoutes } from './modules/outcome-surveys/routes.js';
import { outcomeSurveyJobHandlers } from './modules/outcome-surveys/service.js';
import { requestJobHandlers } from './modules/requests/service.js';
import { requestRoutes } from './modules/requests/routes.js';
import { suggestionRoutes } from './modules/suggestions/routes.js';
import { unsubscribeRoutes } from './modules/unsubscribe/routes.js';

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    auth: Auth;
    mailer: Mailer;
    /** The clock for rules that depend on time (request expiry); tests replace it. */
    clock: () => Date;
    /** What the background job runner can run. */
    jobHandlers: JobHandlers;
    /** This process's background job loop (started by main.ts; kicked after mail is queued). */
    jobs: JobLoop;
    /** DNS TXT lookups for email-domain verification; tests replace it. */
    resolveTxt: TxtResolver;
  }
}

export interface BuildOptions {
  /** An open, migrated database. The app does not close it: its owner does. */
  database: Database;
  /** Defaults to the real time. */
  clock?: () => Date;
  /** Where logs go and how requests are logged (default: JSON lines on stdout). */
  log?: LogOutput;
  /** Defaults to the system's DNS servers (with a timeout). */
  resolveTxt?: TxtResolver;
}

/** Builds the whole HTTP application without listening, so tests can use `app.inject()`. */
export async function buildApp(config: Config, options: BuildOptions): Promise<App> {
  const { database } = options;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.log),
    ...(options.log?.quietRequests ? { logController: new QuietRequestLog() } : {}),
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
    // Receiving a request (headers and body) may take this long; a client that trickles its
    // bytes is cut off instead of holding a socket.
    requestTimeout: config.requestTimeoutMs,
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('preValidation', rejectUnstorableInput);
  // Headers first, so that even a refused write carries them.
  await registerSecurityHeaders(app, config.baseUrl);
  registerCsrfGuard(app, config.baseUrl, config.allowedOrigins);

  const clock = options.clock ?? (() => new Date());
  const secret =
    config.authSecret ?? (await getOrCreateSetting(database.db, 'auth_secret', generateSecret));
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    db: database.db,
    logger: app.log,
    clock,
    // Signs the links in mail that work without signing in (unsubscribe).
    secret,
  });
  const auth = createAuth({ config, db: database.db, mailer, secret, logger: app.log });

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('auth', auth);
  app.decorate('mailer', mailer);
  app.decorate('clock', clock);
  app.decorate('resolveTxt', options.resolveTxt ?? createDnsTxtResolver());
  const jobHandlers: JobHandlers = {
    ...requestJobHandlers(mailer, config.baseUrl),
    ...relationshipJobHandlers(mailer, config.baseUrl),
    ...outcomeSurveyJobHandlers(mailer, config.baseUrl),
    ...checkInJobHandlers(mailer, config.baseUrl),
    ...mailer.jobHandlers,
  };
  const jobs = new JobLoop({ db: database.db, handlers: jobHandlers, clock, logger: app.log });
  app.decorate('jobHandlers', jobHandlers);
  app.decorate('jobs', jobs);
  // Mail queued by a request is delivered right after the answer (its transaction has committed),
  // not at the next interval: a magic link arrives at once.
  app.addHook('onResponse', async () => {
    if (mailer.takeQueued()) jobs.kick([MAIL_DELIVERY_JOB]);
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
    mailer.close();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerRequestDeadline(app, config.requestTimeoutMs);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Klik API',
        description:
          'Klik — mentoring programmes. Sign in through /api/auth (better-auth); every other route uses the session cookie.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { auth, db: database.db, config });
  await app.register(overloadPlugin, { database, ...config.overload });
  await app.register(healthRoutes);
  await app.register(meRoutes);
  await app.register(organisationRoutes);
  await app.register(peopleRoutes);
  await app.register(outboxRoutes);
  await app.register(unsubscribeRoutes);
  await app.register(jobRoutes);
  await app.register(programmeRoutes);
  await app.register(enrolmentRoutes);
  await app.register(suggestionRoutes);
  await app.register(requestRoutes);
  await app.register(relationshipRoutes);
  await app.register(outcomeSurveyRoutes);
  await app.register(meetingRoutes);
  await app.register(attentionRoutes);
  await app.register(agreementRoutes);
  await app.register(checkInRoutes);
  await app.register(noteRoutes);
  await app.register(notificationRoutes);
  await app.register(proposalRoutes);
  await app.register(relationshipHealthRoutes);
  await app.register(programmeDashboardRoutes);
  await app.register(feedbackResultRoutes);
  await app.register(feedbackActionRoutes);
  await app.register(leadershipRoutes);
  await app.register(storyRoutes);
  await app.register(outcomeReportRoutes);
  await app.register(outcomeExportRoutes);

  const webDist = config.webDistDir;
  const hasWeb = webDist !== null && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // The single-page app owns every other path.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const route = { method: request.method, path: request.url.split('?')[0] ?? request.url };
    return reply
      .status(404)
      .send(localizedErrorBody(request, 'not_found', message('routeNotFound', route)));
  });

  return app;
}
