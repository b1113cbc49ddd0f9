import { z } from 'zod';

export const Role = z.enum(['org_admin', 'programme_manager', 'sponsor', 'member']);

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(['nl', 'en']).nullable(),
    isPlatformAdmin: z.boolean(),
  }),
  membership: z
    .object({
      personId: z.string(),
      role: Role,
      organisation: z.object({
        id: z.string(),
        name: z.string(),
        defaultLocale: z.enum(['nl', 'en']),
      }),
    })
    .nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const UpdateMeRequest = z.object({
  locale: z.enum(['nl', 'en']).nullable().describe('Interface language; null follows the browser'),
});
