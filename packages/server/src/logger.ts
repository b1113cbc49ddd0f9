import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';

export type Logger = FastifyBaseLogger;

/**
 * Logs keep no secrets. Session cookies and authorization headers are redacted by path; sign-in,
 * reset and verification tokens are cut out of every logged URL and text (query parameters such
 * as `?token=`, and path segments such as `/reset-password/<token>`); database errors lose their
 * query parameters (Drizzle puts them in the message and in `params`); values under names like
 * token, password or secret are replaced. Better-auth's own log lines go through `scrubValue`.
 */
const REDACTED = '[redacted]';

const SECRET_QUERY =
  /([?&;](?:[\w.-]*token|code|state|otp|password|secret|signature|key)=)[^&#\s"']*/gi;
// better-auth's reset link carries its token as a path segment: /api/auth/reset-password/<token>.
const SECRET_PATH = /(\/reset-password\/)[^/?#\s"']+/gi;
/** A calendar feed's secret address: `/calendar/<token>.ics` (the extension is kept). */
const CALENDAR_PATH = /(\/calendar\/)[^/?#\s"'.]+/gi;
const QUERY_PARAMS = /(\n?\s*params:\s*)[^\n]*/gi;
const KEY_VALUE_DETAIL = /(\)=\()[^)]*(\))/g;
const SECRET_KEY = /token|password|secret|cookie|authorization|^params$|otp|^value$|^identifier$/i;

/** Cuts tokens out of a URL or any text that may contain one. */
export function scrubText(text: string): string {
  return text
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(SECRET_PATH, `$1${REDACTED}`)
    .replace(CALENDAR_PATH, `$1${REDACTED}`)
    .replace(QUERY_PARAMS, `$1${REDACTED}`)
    .replace(KEY_VALUE_DETAIL, `$1${REDACTED}$2`);
}

/** A deep copy of a value with tokens cut out; errors keep their type, message and stack. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) return serializeError(value, depth);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : scrubValue(item, depth + 1);
  }
  return out;
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(error: Error, depth = 0): SerializedError {
  const out: SerializedError = {
    type: error.constructor?.name ?? 'Error',
    message: scrubText(String(error.message)),
    stack: error.stack ? scrubText(error.stack) : '',
  };
  for (const [key, item] of Object.entries(error)) {
    if (key in out) continue;
    out[key] = SECRET_KEY.test(key) ? REDACTED : scrubValue(item, depth + 1);
  }
  if (error.cause !== undefined) out.cause = scrubValue(error.cause, depth + 1);
  return out;
}

/** Fastify's request serializer, with the URL scrubbed. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: scrubText(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export interface LogOutput {
  /** Where log lines go (default stdout): a test's capture stream, or pino-pretty on a TTY. */
  stream?: NodeJS.WritableStream;
  /**
   * Requests are logged at debug level (errors and slow ones at warn) instead of two info lines
   * each: for a person watching a terminal.
   */
  quietRequests?: boolean;
}

/** Fastify's `logger` option: pino with redaction and scrubbing serializers. */
export function loggerOptions(
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent',
  output: LogOutput = {},
) {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["set-cookie"]',
        'res.headers["set-cookie"]',
        'headers.cookie',
        'headers.authorization',
        'headers["set-cookie"]',
      ],
      censor: REDACTED,
    },
    serializers: { req: serializeRequest, err: (error: Error) => serializeError(error) },
    ...(output.stream ? { stream: output.stream } : {}),
  };
}

const SLOW_REQUEST_MS = 1000;

/**
 * Fastify's `logController` with `quietRequests`: requests are logged at debug level, and only a
 * failed (5xx) or slow one at warn, instead of two info lines per request.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const responseTime = Math.round(reply.elapsedTime);
    const isNotable = Boolean(error) || reply.statusCode >= 500 || responseTime >= SLOW_REQUEST_MS;
    request.log[isNotable ? 'warn' : 'debug'](
      { req: request, res: reply, err: error ?? undefined, responseTime },
      'request completed',
    );
  }
}
