import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';
import { normaliseDomain } from './domains.js';

export const OrganisationResponse = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: z.enum(['nl', 'en']),
  allowSensitiveAttributes: z.boolean(),
  retentionMonths: z.number().int(),
  /** Fewest people behind any feedback figure a manager sees (3–100). */
  feedbackMinGroup: z.number().int(),
  /** Fewest people whose free-text feedback answers are shown at all (feedbackMinGroup–100). */
  feedbackMinComments: z.number().int(),
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
    /** Checked with the other threshold in the service (privacy/anonymity.ts thresholdProblem). */
    feedbackMinGroup: z.number().int(schemaMessage('wholeNumber')),
    feedbackMinComments: z.number().int(schemaMessage('wholeNumber')),
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

export const AddDomainRequest = z.object({
  domain: z
    .string()
    .max(300)
    .refine((value) => normaliseDomain(value) !== null, schemaMessage('invalidDomain')),
});
export type AddDomainRequest = z.infer<typeof AddDomainRequest>;

export const DomainResponse = z.object({
  id: z.string(),
  /** Lowercase ASCII (an international name in punycode). */
  domain: z.string(),
  status: z.enum(['pending', 'verified']),
  verifiedAt: z.string().nullable(),
  /** How it was verified: by its DNS record or by a platform admin. */
  verifiedBy: z.enum(['dns', 'platform_admin']).nullable(),
  /** The TXT record that proves the organisation owns the domain. */
  record: z.object({ type: z.literal('TXT'), name: z.string(), value: z.string() }),
  createdAt: z.string(),
});
export type DomainResponse = z.infer<typeof DomainResponse>;

export const DomainList = z.object({ items: z.array(DomainResponse) });

export const PendingDomain = z.object({
  id: z.string(),
  domain: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** The organisation that already holds this domain verified: approving is then refused. */
  verifiedElsewhereBy: z.string().nullable(),
});
export const PendingDomainList = z.object({ items: z.array(PendingDomain) });
