import type { FastifyRequest } from 'fastify';
import { toLocale, type Locale } from './locale.js';

/** The header the web app sends on every call: the language its interface shows right now. */
export const interfaceLocaleHeader = 'x-klik-locale';

/**
 * The language to answer a request in: the language the caller's screen shows (the web app says
 * so on every call), else the signed-in person's saved language, else the browser's, else Dutch.
 * The screen wins over the saved choice: right after a switch the save may still be on its way.
 */
export function requestLocale(
  request: FastifyRequest,
  saved: Locale | null | undefined = request.actor?.locale,
): Locale {
  const shown = request.headers[interfaceLocaleHeader];
  if (typeof shown === 'string' && /^(nl|en)\b/i.test(shown)) return toLocale(shown);
  return toLocale(saved ?? request.headers['accept-language'], 'nl');
}
