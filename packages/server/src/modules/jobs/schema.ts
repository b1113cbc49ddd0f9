import { z } from 'zod';

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const JobListQuery = z.object({
  status: JobStatus.default('failed'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const JobResponse = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const JobList = z.object({
  counts: z.object({
    queued: z.number().int(),
    running: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
  }),
  items: z.array(JobResponse),
});

export type JobResponse = z.infer<typeof JobResponse>;
export type JobList = z.infer<typeof JobList>;
