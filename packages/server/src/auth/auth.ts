import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { scrubText, scrubValue, type Logger } from '../logger.js';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { toLocale, type Locale } from '../i18n/locale.js';
import type { Mailer } from '../mail/mailer.js';
import { magicLinkMail, resetPasswordMail } from '../mail/templates.js';

export const MIN_PASSWORD_LENGTH = 10;
/** How long better-auth's signed session cookie cache is trusted (seconds). */
export const SESSION_COOKIE_CACHE_SECONDS = 20;

/** The locale a mail to this address is written in: the user's choice, else the organisation's. */
async function localeForEmail(db: Db, email: string): Promise<Locale> {
  const [row] = await db
    .select({ locale: schema.user.locale, orgLocale: schema.organisation.defaultLocale })
    .from(schema.user)
    .leftJoin(schema.person, eq(schema.person.userId, schema.user.id))
    .leftJoin(schema.organisation, eq(schema.organisation.id, schema.person.organisationId))
    .where(eq(schema.user.email, email.toLowerCase()));
  return toLocale(row?.locale ?? row?.orgLocale, 'nl');
}

/** Only people an organisation added (or platform admins) may sign in. */
async function maySignIn(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ isPlatformAdmin: schema.user.isPlatformAdmin, isActive: schema.person.isActive })
    .from(schema.user)
    .leftJoin(schema.person, eq(schema.person.userId, schema.user.id))
    .where(eq(schema.user.email, email.toLowerCase()));
  return Boolean(row && (row.isPlatformAdmin || row.isActive));
}

export function createAuth(options: {
  config: Config;
  db: Db;
  mailer: Mailer;
  secret: string;
  logger: Logger;
}) {
  const { config, db, mailer, secret, logger } = options;
  return betterAuth({
    appName: 'Klik',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.baseUrl, ...config.allowedOrigins],
    telemetry: { enabled: false },
    // better-auth's own messages go to the server's log, with its levels. Its arguments can hold
    // tokens (a failed query's parameters): they are scrubbed first.
    logger: {
      log: (level, message, ...args) => {
        const log =
          level === 'error' ? logger.error : level === 'warn' ? logger.warn : logger.debug;
        log.call(
          logger,
          { component: 'auth', args: args.length > 0 ? scrubValue(args) : undefined },
          scrubText(message),
        );
      },
    },
    // An unexpected error (a failed query) is thrown to the Fastify bridge, so the one error
    // handler logs it scrubbed and answers in the API's shape. Otherwise better-call prints it
    // raw to stderr, query parameters (tokens) and all.
    onAPIError: { throw: true },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, input: false },
        isPlatformAdmin: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // A signed cookie carries the session for this long, so most requests need no database
      // round trip to know it; a revoked session can keep working that long (docs/operations.md).
      cookieCache: { enabled: true, maxAge: SESSION_COOKIE_CACHE_SECONDS },
    },
    emailAndPassword: {
      enabled: true,
      // People are added by their organisation (import or invitation), never by signing up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 200,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url }) {
        if (!(await maySignIn(db, user.email))) return;
        await mailer.send(resetPasswordMail(user.email, url, await localeForEmail(db, user.email)));
      },
    },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: 15 * 60,
        async sendMagicLink({ email, token }) {
          // Silently do nothing for unknown or deactivated addresses: no account enumeration.
          if (!(await maySignIn(db, email))) return;
          const url = `${config.baseUrl}/magic-link?token=${encodeURIComponent(token)}`;
          await mailer.send(magicLinkMail(email, url, await localeForEmail(db, email)));
        },
      }),
    ],
    databaseHooks: {
      user: {
        update: {
          // Names, pictures and addresses come from the directory (people service), which writes
          // them itself; nothing may change them through better-auth (the bridge also blocks
          // /update-user and /change-email; this holds for any other path that would).
          async before(data) {
            if (data.name !== undefined || data.email !== undefined || data.image !== undefined) {
              throw new APIError('FORBIDDEN', { message: 'Set by the organisation directory' });
            }
          },
        },
      },
      session: {
        create: {
          async before(session) {
            const [row] = await db
              .select({ email: schema.user.email })
              .from(schema.user)
              .where(eq(schema.user.id, session.userId));
            if (!row || !(await maySignIn(db, row.email))) {
              throw new APIError('FORBIDDEN', { message: 'This account is not active' });
            }
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 300,
      // Sign-in, magic link and reset are throttled in the bridge (auth/throttle.ts) per account
      // and per address; better-auth's own per-address rule (3 per 10 s) would lock out an office.
      customRules: {
        '/sign-in/email': false,
        '/sign-in/magic-link': false,
        '/magic-link/verify': false,
        '/request-password-reset': false,
        '/reset-password': false,
        '/reset-password/*': false,
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: ['x-klik-client-ip'] },
      database: { generateId: () => crypto.randomUUID() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
