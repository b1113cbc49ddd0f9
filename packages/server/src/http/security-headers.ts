import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** API paths whose answers hold no personal data and may be cached: the API's own description. */
function isCacheableApiPath(path: string): boolean {
  return path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/');
}

/**
 * The policy the built web app and Swagger UI (/api/docs) both run under. Scripts only from
 * Klik's own origin, never inline; styles may be inline because Mantine (and Swagger UI) write
 * `<style>` elements and style attributes at run time.
 */
export function contentSecurityPolicy(isHttps: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for the inline SVG favicon and Swagger UI's icons.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    // Over plain http (a laptop, an intranet) upgrading would break every request.
    ...(isHttps ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every answer (helmet), HSTS only when the public URL is https, and
 * `Cache-Control: no-store` on API answers, which hold personal data.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  publicUrl: string,
): Promise<void> {
  const isHttps = new URL(publicUrl).protocol === 'https:';
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(isHttps) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    if ((path === '/api' || path.startsWith('/api/')) && !isCacheableApiPath(path)) {
      reply.header('cache-control', 'no-store');
    }
  });
}
