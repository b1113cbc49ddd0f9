import { z } from 'zod';

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
  }),
});

export const IdParams = z.object({ id: z.uuid() });

/** The largest page any list answers; a bigger `limit` is a 400 naming the field. */
export const MAX_PAGE_SIZE = 200;

/** `?limit=&offset=` of every list: 50 by default, at most MAX_PAGE_SIZE. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;
