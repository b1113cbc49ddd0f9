import { z } from 'zod';
import { schemaMessage } from '../../i18n/messages.js';
import { Role } from '../me/schema.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage('isoDate'))
  .nullable()
  .optional();

/** Job levels (HR grade, functieniveau, schaal): a whole number, higher is more senior. */
export const JOB_LEVEL_MIN = 1;
export const JOB_LEVEL_MAX = 20;
export const JobLevel = z
  .number()
  .int(schemaMessage('wholeNumber'))
  .min(JOB_LEVEL_MIN, schemaMessage('atLeast'))
  .max(JOB_LEVEL_MAX, schemaMessage('atMost'));

export const PersonResponse = z.object({
  id: z.string(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  /** The first name the person chose in Klik (not from HR); null when none. */
  preferredName: z.string().nullable(),
  /** How the person is shown to others: "Sas (Sanne de Vries)", or the HR name. */
  displayName: z.string(),
  employeeId: z.string().nullable(),
  manager: z.object({ id: z.string(), name: z.string() }).nullable(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  jobTitle: z.string().nullable(),
  jobLevel: z.number().int().nullable(),
  location: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  startDate: z.string().nullable(),
  leaveDate: z.string().nullable(),
  role: Role,
  /** Marked as leadership by an org admin (sponsors and managers of managers are leaders anyway). */
  isLeadership: z.boolean(),
  isActive: z.boolean(),
});
export type PersonResponse = z.infer<typeof PersonResponse>;

export const PersonDetailResponse = PersonResponse.extend({
  managers: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number().int() })),
  directReports: z.array(
    z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() }),
  ),
});
export type PersonDetailResponse = z.infer<typeof PersonDetailResponse>;

export const ListPeopleQuery = z.object({
  search: z.string().trim().max(100).optional(),
  department: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListPeopleQuery = z.infer<typeof ListPeopleQuery>;

export const PeopleList = z.object({
  items: z.array(PersonResponse),
  total: z.number().int(),
  departments: z.array(z.string()),
});

const PersonFields = {
  givenName: z.string().trim().min(1, schemaMessage('isRequired')).max(100),
  familyName: z.string().trim().min(1, schemaMessage('isRequired')).max(100),
  employeeId: optionalText(50),
  managerId: z.uuid().nullable().optional(),
  department: optionalText(100),
  team: optionalText(100),
  jobTitle: optionalText(100),
  jobLevel: JobLevel.nullable().optional(),
  location: optionalText(100),
  preferredLanguage: z.enum(['nl', 'en']).nullable().optional(),
  startDate: isoDate,
  leaveDate: isoDate,
  role: Role.optional(),
  isLeadership: z.boolean().optional(),
};

export const CreatePersonRequest = z.object({
  email: z.email(schemaMessage('invalidEmail')).max(200),
  ...PersonFields,
  sendInvitation: z.boolean().default(true),
});
export type CreatePersonRequest = z.infer<typeof CreatePersonRequest>;

export const UpdatePersonRequest = z
  .object({ email: z.email(schemaMessage('invalidEmail')).max(200), ...PersonFields })
  .partial();
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;

export const ImportRequest = z.object({
  csv: z.string().min(1, schemaMessage('fileEmpty')).max(5_000_000, schemaMessage('fileTooLarge')),
  deactivateMissing: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

/**
 * Applying asks one more thing when the plan deactivates anyone: the number of people the caller
 * saw it would deactivate. A stale or wrong number deactivates nobody.
 */
export const ApplyImportRequest = ImportRequest.extend({
  confirmDeactivations: z.number().int().min(0).optional(),
});
export type ApplyImportRequest = z.infer<typeof ApplyImportRequest>;

const ImportProblem = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});

export const ImportPreview = z.object({
  canApply: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(['add', 'update', 'unchanged', 'deactivate']),
      email: z.string(),
      name: z.string(),
      changes: z.array(z.string()),
    }),
  ),
  missingDeactivated: z.array(z.object({ email: z.string(), name: z.string() })),
  errors: z.array(ImportProblem),
  warnings: z.array(ImportProblem),
  summary: z.object({
    add: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    deactivate: z.number().int(),
    errors: z.number().int(),
  }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  applied: z.literal(true),
  summary: ImportPreview.shape.summary,
});
