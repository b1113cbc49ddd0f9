import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Issue 11 (placeholder): routes are added here. */
export const outcomeReportRoutes: FastifyPluginAsyncZod = async () => {};
