import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  // The address users type: cross-site writes are refused by comparing Origin with it (CSRF),
  // and https turns on HSTS.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KLIK_DATA_DIR: z.string().min(1).default('./data'),
  KLIK_DEMO: booleanFromEnv.optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klik <no-reply@klik.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .transform((value, ctx) => {
      const trust = parseTrustProxy(value);
      if (trust === null) {
        ctx.addIssue({
          code: 'custom',
          message:
            'use false, a number of proxy hops (true = 1), or proxy addresses/CIDRs separated by commas',
        });
        return z.NEVER;
      }
      return trust;
    })
    .default(false),
  WEB_DIST_DIR: z.string().optional(),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  KLIK_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  KLIK_SIGN_IN_ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).optional(),
  KLIK_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  KLIK_MAX_DATABASE_QUEUE: z.coerce.number().int().min(1).max(1_000_000).default(400),
});

/**
 * Which proxies may set X-Forwarded-For, as Fastify's `trustProxy` takes it: false (none), a
 * number of hops in front of Klik, or the proxies' addresses/CIDRs. 'true' trusts ONE hop, never
 * every hop: trusting all would let any client choose its own address by sending the header.
 */
export type TrustProxy = false | number | string[];

const IP_OR_CIDR = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/[0-9]{1,3})?$/i;

/**
 * The form Fastify takes. Fastify 5 ignores a bare hop count (it fails closed), so hops become
 * proxy-addr's trust function: the socket peer and the next hops-1 addresses are proxies, the
 * address before them is the client. Left-most X-Forwarded-For entries, which a client can write
 * itself, are never reached.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') {
    const hops = trust;
    return hops > 0 ? (_address, hop) => hop < hops : false;
  }
  return trust;
}

export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no' || v === '0') return false;
  if (v === 'true' || v === 'yes') return 1;
  if (/^[0-9]+$/.test(v)) {
    const hops = Number(v);
    return hops <= 32 ? hops : null;
  }
  const list = v
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (list.length === 0 || !list.every((part) => IP_OR_CIDR.test(part))) return null;
  return list;
}

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      /** Give up opening a connection after this long (a server that does not answer). */
      connectTimeoutMs?: number;
      /** PostgreSQL cancels a statement after this long; the client gives up a little later. */
      statementTimeoutMs?: number;
    };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  /**
   * Origins whose pages may write to the API (CSRF): the public URL's, and — only while
   * PUBLIC_URL is not set — the same port on the other loopback names, so opening
   * http://127.0.0.1:3000 instead of http://localhost:3000 works on one's own machine.
   */
  allowedOrigins: readonly string[];
  database: DatabaseConfig;
  /** Load the demo organisations on first start (empty database). */
  loadDemoData: boolean;
  authSecret: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which proxies' X-Forwarded-For to believe for the client address (see TrustProxy). */
  trustProxy: TrustProxy;
  /** The built web app to serve; null serves the API only. */
  webDistDir: string | null;
  /**
   * Per account (the email address signed into): failed password sign-ins plus sign-in and
   * reset mails per 15 minutes before 429.
   */
  signInRateLimit: number;
  /** A request still running after this long is answered 503 and its socket closed. */
  requestTimeoutMs: number;
  /** Per client address: sign-in, magic-link and reset requests per minute before 429. */
  signInAddressRateLimit: number;
  /**
   * Load shedding: above this mean event-loop delay, or with more database work queued than
   * this, requests are answered 503 with Retry-After instead of waiting in line.
   */
  overload: { maxEventLoopDelayMs: number; maxDatabaseQueue: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every bad variable is named in the error. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  defaults: { webDistDir?: string; inContainer?: boolean } = {},
): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const database: DatabaseConfig = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      }
    : { kind: 'pglite', dataDir: path.resolve(e.KLIK_DATA_DIR) };
  // In a container only a listener on every interface can be reached through a published port;
  // on a laptop or server, only this machine should reach it until HOST says otherwise.
  const host = e.HOST ?? (defaults.inContainer ? '0.0.0.0' : 'localhost');
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    baseUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ''),
    allowedOrigins: e.PUBLIC_URL
      ? [new URL(e.PUBLIC_URL).origin]
      : [
          ...new Set([
            new URL(`http://${displayHost}:${e.PORT}`).origin,
            `http://localhost:${e.PORT}`,
            `http://127.0.0.1:${e.PORT}`,
            `http://[::1]:${e.PORT}`,
          ]),
        ],
    database,
    loadDemoData: e.KLIK_DEMO ?? database.kind === 'pglite',
    authSecret: e.AUTH_SECRET ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : (defaults.webDistDir ?? null),
    signInRateLimit: e.KLIK_SIGN_IN_RATE_LIMIT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    // Much higher than per account, so that an office behind one NAT address is not locked out.
    signInAddressRateLimit:
      e.KLIK_SIGN_IN_ADDRESS_RATE_LIMIT ?? Math.max(100, 10 * e.KLIK_SIGN_IN_RATE_LIMIT),
    overload: {
      maxEventLoopDelayMs: e.KLIK_MAX_EVENT_LOOP_DELAY_MS,
      maxDatabaseQueue: e.KLIK_MAX_DATABASE_QUEUE,
    },
  });
}
