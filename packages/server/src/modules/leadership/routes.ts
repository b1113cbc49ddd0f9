import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Issue 11 (placeholder): routes are added here. */
export const leadershipRoutes: FastifyPluginAsyncZod = async () => {};
