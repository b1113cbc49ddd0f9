import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, statusOf } from '../errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Locale } from '../i18n/locale.js';
import {
  isMessageKey,
  message,
  renderMessage,
  type Message,
  type PlainMessageKey,
} from '../i18n/messages.js';
import { requestLocale } from '../i18n/request-locale.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** An error answer in the language of the request. */
export function localizedErrorBody(
  request: FastifyRequest,
  code: string,
  text: Message,
  details: unknown = null,
): ErrorBody {
  return errorBody(code, renderMessage(text, requestLocale(request)), details);
}

type ValidationContext = 'body' | 'querystring' | 'params' | 'headers';

function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = context ?? 'body';
  return path ? `${where}.${path}` : where;
}

/** The value a zod issue is about, looked up again in what the caller sent. */
function inputAt(request: FastifyRequest, context: string | undefined, path: string[]): unknown {
  const sources: Record<ValidationContext, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  let value: unknown = sources[(context ?? 'body') as ValidationContext];
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const zodLocales: Record<Locale, z.core.$ZodErrorMap> = {
  nl: z.locales.nl().localeError,
  en: z.locales.en().localeError,
};

function zodText(map: z.core.$ZodErrorMap, issue: z.core.$ZodRawIssue): string | undefined {
  const result = map(issue);
  return typeof result === 'string' ? result : (result?.message ?? undefined);
}

/** Numbers a schema message may show, taken from the zod issue (`at least {minimum}`). */
function issueNumbers(params: Record<string, unknown>): Record<'minimum' | 'maximum', string> {
  const show = (value: unknown) =>
    typeof value === 'number' || typeof value === 'bigint' ? value.toString() : '';
  return { minimum: show(params.minimum), maximum: show(params.maximum) };
}

/**
 * One zod issue in the caller's language: our schema messages are catalogue keys; zod's own
 * messages are written again with zod's locale. A custom text that is neither stays as it is.
 */
function describeIssue(
  request: FastifyRequest,
  context: string | undefined,
  item: ZodFastifySchemaValidationError,
  locale: Locale,
): string {
  const text = item.message ?? '';
  if (isMessageKey(text)) {
    const params = issueNumbers(item.params);
    return renderMessage({ key: text, params } as Message, locale);
  }
  const path = item.instancePath.split('/').filter(Boolean);
  // The provider spreads the zod issue (without code, path and message) into `params`.
  const issue = {
    ...item.params,
    code: item.keyword,
    path,
    input: inputAt(request, context, path),
  } as z.core.$ZodRawIssue;
  const isZodsOwn = text === '' || text === zodText(zodLocales.en, issue);
  if (!isZodsOwn) return text;
  return zodText(zodLocales[locale], issue) ?? renderMessage(message('isInvalid'), locale);
}

/** Fastify's own client errors (unreadable body, too large, …) by their code, else by status. */
function fastifyErrorText(error: FastifyError, statusCode: number): PlainMessageKey {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalidJson';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'emptyJson';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payloadTooLarge';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupportedMediaType';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'pathParameterTooLong';
    case 'FST_ERR_BAD_URL':
      return 'invalidUrl';
  }
  if (error instanceof SyntaxError) return 'invalidJson';
  if (statusCode === 400) return 'badRequest';
  if (statusCode === 404) return 'notFoundGeneric';
  if (statusCode === 413) return 'payloadTooLarge';
  if (statusCode === 415) return 'unsupportedMediaType';
  if (statusCode === 429) return 'rateLimited';
  return 'requestFailed';
}

/**
 * Errors Fastify's router raises before a route is found (an over-long path parameter, a URL
 * that cannot be decoded): Fastify would answer them in its own shape, so `frameworkErrors`
 * hands them here and they get the API's shape — a 400 with a catalogue message.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const locale = requestLocale(request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL') {
    const text = fastifyErrorText(error, 400);
    void reply.status(400).send(errorBody('bad_request', renderMessage(message(text), locale)));
    return;
  }
  request.log.error({ err: error }, 'unhandled framework error');
  void reply
    .status(500)
    .send(
      errorBody('internal', renderMessage(message('internal'), locale), { requestId: request.id }),
    );
}

/**
 * The one error handler: validation problems name each field, AppErrors map through one table,
 * anything unexpected is logged with the request id and answered as a generic 500. Every text
 * is written in the language of the request.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const locale = requestLocale(request);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((item) => ({
        field: fieldName(error.validationContext, item.instancePath),
        message: describeIssue(request, error.validationContext, item, locale),
      }));
      const problems = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return reply
        .status(400)
        .send(
          errorBody(
            'validation_failed',
            renderMessage(message('invalidInput', { problems }), locale),
            details,
          ),
        );
    }
    if (error instanceof AppError) {
      const details =
        error.problems.length > 0
          ? error.problems.map((p) => ({
              field: p.field,
              message: renderMessage(p.message, locale),
            }))
          : error.data;
      return reply
        .status(statusOf[error.code])
        .send(errorBody(error.code, renderMessage(error.text, locale), details));
    }
    const statusCode = (error as FastifyError).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      const code =
        statusCode === 429 ? 'rate_limited' : statusCode === 404 ? 'not_found' : 'bad_request';
      const text = fastifyErrorText(error as FastifyError, statusCode);
      return reply.status(statusCode).send(errorBody(code, renderMessage(message(text), locale)));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(
          errorBody('database_unavailable', renderMessage(message('databaseUnavailable'), locale)),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(
      errorBody('internal', renderMessage(message('internal'), locale), {
        requestId: request.id,
      }),
    );
  });
}
