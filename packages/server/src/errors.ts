import {
  localize,
  message,
  renderMessage,
  terms,
  type Message,
  type Term,
} from './i18n/messages.js';

/** Every error a service may throw. Routes never build HTTP errors themselves. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal';

export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

/** A problem with one field; the error handler renders the message in the caller's language. */
export interface FieldProblem {
  field: string;
  message: Message;
}

export interface AppErrorOptions {
  /** Sent as `details: [{ field, message }]`. */
  problems?: readonly FieldProblem[];
  /** Sent as `details` as it is, when there are no field problems (an import preview). */
  data?: unknown;
}

/**
 * The one error services throw. It carries a message key and parameters, not a text: the answer
 * is written in the language of the request. `message` (for logs) is the English text.
 */
export class AppError extends Error {
  readonly problems: readonly FieldProblem[];
  readonly data: unknown;

  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    options: AppErrorOptions = {},
  ) {
    super(renderMessage(text, 'en'));
    this.name = 'AppError';
    this.problems = options.problems ?? [];
    this.data = options.data ?? null;
  }
}

/** `body.a: message; body.b: message` in both languages. */
function summarise(problems: readonly FieldProblem[]): Message {
  return message('problems', {
    problems: localize((locale) =>
      problems.map((p) => `${p.field}: ${renderMessage(p.message, locale)}`).join('; '),
    ),
  });
}

/** An error about fields only: the message lists them. */
export const fieldErrors = (code: ErrorCode, problems: readonly FieldProblem[]) =>
  new AppError(code, summarise(problems), { problems });
export const notFound = (thing: Term) =>
  new AppError('not_found', message('notFound', { thing: terms[thing] }));
export const forbidden = (text: Message = message('forbidden')) => new AppError('forbidden', text);
export const unauthenticated = () => new AppError('unauthenticated', message('unauthenticated'));
export const invalidField = (field: string, text: Message) =>
  fieldErrors('validation_failed', [{ field, message: text }]);
export const conflict = (text: Message, problems?: readonly FieldProblem[]) =>
  new AppError('conflict', text, { problems });
/** A conflict about one field, such as an address already in use. */
export const conflictField = (field: string, text: Message) =>
  fieldErrors('conflict', [{ field, message: text }]);
