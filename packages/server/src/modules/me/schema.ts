import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';

export const Role = z.enum(['org_admin', 'programme_manager', 'sponsor', 'member']);

export const PREFERRED_NAME_MAX_LENGTH = 40;

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    /** The name as the organisation's directory (HR) keeps it. */
    name: z.string(),
    /** How others see this person: "Sas (Sanne de Vries)", or the HR name alone. */
    displayName: z.string(),
    locale: z.enum(['nl', 'en']).nullable(),
    isPlatformAdmin: z.boolean(),
  }),
  membership: z
    .object({
      personId: z.string(),
      role: Role,
      givenName: z.string(),
      familyName: z.string(),
      /** The first name the person chose to be called by; null when they use their HR name. */
      preferredName: z.string().nullable(),
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
  locale: z
    .enum(['nl', 'en'])
    .nullable()
    .optional()
    .describe('Interface language; null follows the browser'),
  preferredName: z
    .string()
    .trim()
    .max(PREFERRED_NAME_MAX_LENGTH, schemaMessage('atMostCharacters'))
    // No control characters (NUL, line breaks): the name is shown in lists and mail.
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, schemaMessage('isInvalid'))
    .nullable()
    .optional()
    .describe(
      'The first name to be called by, shown beside the HR name; empty or null uses the HR name',
    ),
});
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;
