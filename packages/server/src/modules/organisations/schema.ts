import { z } from 'zod';

export const OrganisationResponse = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: z.enum(['nl', 'en']),
  allowSensitiveAttributes: z.boolean(),
  retentionMonths: z.number().int(),
  activePeople: z.number().int(),
});
export type OrganisationResponse = z.infer<typeof OrganisationResponse>;

export const UpdateOrganisationRequest = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(120),
    defaultLocale: z.enum(['nl', 'en']),
    allowSensitiveAttributes: z.boolean(),
    retentionMonths: z.number().int().min(1, 'at least 1 month').max(120, 'at most 120 months'),
  })
  .partial();
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const CreateOrganisationRequest = z.object({
  name: z.string().trim().min(2, 'at least 2 characters').max(120),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
    .max(60),
  defaultLocale: z.enum(['nl', 'en']).default('nl'),
  admin: z.object({
    email: z.email('not a valid email address'),
    givenName: z.string().trim().min(1, 'required').max(100),
    familyName: z.string().trim().min(1, 'required').max(100),
  }),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const OrganisationList = z.object({ items: z.array(OrganisationResponse) });
