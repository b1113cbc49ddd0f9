import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusOf, type FieldProblem } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = context ?? 'body';
  return path ? `${where}.${path}` : where;
}

/**
 * The one error handler: validation problems name each field, AppErrors map through one table,
 * anything unexpected is logged with the request id and answered as a generic 500.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldProblem[] = error.validation.map((issue) => ({
        field: fieldName(error.validationContext, issue.instancePath),
        message: issue.message ?? 'is invalid',
      }));
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return reply
        .status(400)
        .send(errorBody('validation_failed', `Invalid input — ${summary}`, details));
    }
    if (error instanceof AppError) {
      return reply
        .status(statusOf[error.code])
        .send(errorBody(error.code, error.message, error.details ?? null));
    }
    const statusCode = (error as FastifyError).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      const code =
        statusCode === 429 ? 'rate_limited' : statusCode === 404 ? 'not_found' : 'bad_request';
      return reply.status(statusCode).send(errorBody(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(
      errorBody('internal', 'Something went wrong on our side. Please try again.', {
        requestId: request.id,
      }),
    );
  });
}
