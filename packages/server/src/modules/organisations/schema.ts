import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';

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
    name: z.string().trim().min(2, schemaMessage('atLeastCharacters')).max(120),
    defaultLocale: z.enum(['nl', 'en']),
    allowSensitiveAttributes: z.boolean(),
    retentionMonths: z
      .number()
      .int()
      .min(1, schemaMessage('atLeastOneMonth'))
      .max(120, schemaMessage('atMostMonths')),
  })
  .partial();
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const CreateOrganisationRequest = z.object({
  name: z.string().trim().min(2, schemaMessage('atLeastCharacters')).max(120),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, schemaMessage('slugFormat'))
    .max(60),
  defaultLocale: z.enum(['nl', 'en']).default('nl'),
  admin: z.object({
    email: z.email(schemaMessage('invalidEmail')),
    givenName: z.string().trim().min(1, schemaMessage('required')).max(100),
    familyName: z.string().trim().min(1, schemaMessage('required')).max(100),
  }),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const OrganisationList = z.object({ items: z.array(OrganisationResponse) });
