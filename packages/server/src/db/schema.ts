import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Authentication (better-auth's core tables; field names are the ones better-auth expects)
// ---------------------------------------------------------------------------------------------

export const user = pgTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  /** Interface language chosen by the user ('nl' | 'en'); null = follow the browser. */
  locale: text('locale'),
  /** Runs the instance: organisations, networks, outbox. */
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const account = pgTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

export const verification = pgTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/** better-auth's rate-limit counters, in the database so that every server process shares them. */
export const rateLimit = pgTable('rate_limit', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

// ---------------------------------------------------------------------------------------------
// Tenancy and people
// ---------------------------------------------------------------------------------------------

export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLocale: text('default_locale').notNull().default('nl'),
  /** Whether programmes may ask for (consented, optional) sensitive attributes at all. */
  allowSensitiveAttributes: boolean('allow_sensitive_attributes').notNull().default(false),
  /** Months after a person leaves before their personal data is erased. */
  retentionMonths: integer('retention_months').notNull().default(24),
  /** Fewest people behind any feedback figure a manager sees (5 by default; never below 3). */
  feedbackMinGroup: integer('feedback_min_group').notNull().default(5),
  /** Fewest people whose free-text answers are shown at all (10 by default; never below the group minimum). */
  feedbackMinComments: integer('feedback_min_comments').notNull().default(10),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const orgRole = pgEnum('org_role', ['org_admin', 'programme_manager', 'sponsor', 'member']);

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .unique()
      .references(() => user.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    employeeId: text('employee_id'),
    managerId: uuid('manager_id'),
    department: text('department'),
    team: text('team'),
    jobTitle: text('job_title'),
    /** HR grade (functieniveau, schaal): a whole number, higher is more senior. */
    jobLevel: integer('job_level'),
    /** The first name the person prefers to be called by, shown beside the HR name (self-set, audited). */
    preferredName: text('preferred_name'),
    location: text('location'),
    preferredLanguage: text('preferred_language'),
    startDate: date('start_date', { mode: 'string' }),
    leaveDate: date('leave_date', { mode: 'string' }),
    role: orgRole('role').notNull().default('member'),
    /** Marked as leadership by an org admin or the import (besides sponsors and managers of managers). */
    isLeadership: boolean('is_leadership').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('person_org_email_idx').on(t.organisationId, t.email),
    uniqueIndex('person_org_employee_idx')
      .on(t.organisationId, t.employeeId)
      .where(sql`${t.employeeId} is not null`),
    index('person_manager_idx').on(t.managerId),
    index('person_org_name_idx').on(t.organisationId, t.familyName, t.givenName),
  ],
);

/**
 * Closure table of the reporting lines: one row per (manager above, person below) at any depth.
 * "Is X within N levels of Y's reporting line" is a single primary-key lookup in either direction.
 */
export const reportingLine = pgTable(
  'reporting_line',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    ancestorId: uuid('ancestor_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    descendantId: uuid('descendant_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    depth: integer('depth').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index('reporting_line_descendant_idx').on(t.descendantId, t.ancestorId),
    index('reporting_line_org_idx').on(t.organisationId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Mail, audit, instance settings
// ---------------------------------------------------------------------------------------------

export interface MailAttachmentRow {
  filename: string;
  contentType: string;
  content: string;
  /** iCalendar METHOD (REQUEST, CANCEL): also sent as a text/calendar alternative so calendars act on it. */
  method?: string;
}

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** 'outbox' = kept for the web app (no SMTP configured); 'smtp' = handed to the SMTP server. */
    transport: text('transport').notNull(),
    /** Delivery state: 'pending' (a job will send it), 'sent', 'failed' (gave up), 'kept' (outbox only). */
    status: text('status').notNull().default('sent'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Holds a sign-in or reset link: only readable in demo mode. */
    isSecret: boolean('is_secret').notNull().default(false),
    /** Extra headers (List-Unsubscribe, …). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** Attachments kept as text (an iCalendar invitation); `method` makes it an alternative part. */
    attachments: jsonb('attachments').$type<MailAttachmentRow[]>(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_status_idx').on(t.status),
  ],
);

/**
 * An email domain an organisation claims. People can be added under it only once it is verified
 * (a DNS TXT record with the token, or a platform admin's approval). A domain is verified for at
 * most one organisation.
 */
export const organisationDomain = pgTable(
  'organisation_domain',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    verificationToken: text('verification_token').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** 'dns', or the user id of the platform admin who approved it. */
    verifiedBy: text('verified_by'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisation_domain_org_domain_idx').on(t.organisationId, t.domain),
    uniqueIndex('organisation_domain_verified_idx')
      .on(t.domain)
      .where(sql`${t.verifiedAt} is not null`),
  ],
);

export const auditEvent = pgTable(
  'audit_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisation.id, {
      onDelete: 'cascade',
    }),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_event_org_idx').on(t.organisationId, t.createdAt)],
);

/** Key/value settings of this instance (e.g. the generated auth secret when none is configured). */
export const instanceSetting = pgTable('instance_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Skills, programmes, enrolments and profiles
// ---------------------------------------------------------------------------------------------

/** Skills an organisation added to the shipped list (the shipped list lives in code). */
export const customSkill = pgTable(
  'custom_skill',
  {
    id: text('id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    labelNl: text('label_nl').notNull(),
    labelEn: text('label_en').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const programmeType = pgEnum('programme_type', ['classic', 'reverse', 'peer', 'group']);
export const programmeStatus = pgEnum('programme_status', ['draft', 'published', 'closed']);
export const matchingMode = pgEnum('matching_mode', [
  'participants_choose',
  'mentors_offer',
  'manager_proposes',
]);

/** Eligibility of a programme's audience; every present rule must hold. */
export interface AudienceRules {
  departments?: string[];
  locations?: string[];
  jobTitleContains?: string[];
  /** Inclusive job-level range; a person without a job level is outside any bound. */
  jobLevelMin?: number | null;
  jobLevelMax?: number | null;
  startedBefore?: string | null;
  startedAfter?: string | null;
  /** Only in target-group programmes: consented sensitive attributes that qualify. */
  sensitive?: { genders?: string[]; ageBands?: string[]; backgrounds?: string[] } | null;
}

export interface ConflictRules {
  reportingLineLevels: number;
  excludeSameTeam: boolean;
  excludeSameDepartment: boolean;
  excludeEarlierPairs: boolean;
}

export interface ProgrammeQuestion {
  id: string;
  labelNl: string;
  labelEn: string;
  required: boolean;
}

export type CheckInQuestionKind =
  'met' | 'usefulness' | 'gains' | 'programme' | 'scale' | 'yes_no' | 'text';

/**
 * One question of a programme's check-in. The standard four have fixed ids and kinds ('met',
 * 'usefulness', 'gains', 'programme'); a manager may reword them, leave out all but 'usefulness',
 * and add their own ('scale' 1–5, 'yes_no', 'text').
 */
export interface CheckInQuestion {
  id: string;
  kind: CheckInQuestionKind;
  labelNl: string;
  labelEn: string;
}

export const programme = pgTable(
  'programme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    descriptionNl: text('description_nl').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    type: programmeType('type').notNull(),
    status: programmeStatus('status').notNull().default('draft'),
    isTargetGroup: boolean('is_target_group').notNull().default(false),
    audience: jsonb('audience').$type<AudienceRules>().notNull().default({}),
    enrolmentOpensOn: date('enrolment_opens_on', { mode: 'string' }),
    enrolmentClosesOn: date('enrolment_closes_on', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    matchingMode: matchingMode('matching_mode').notNull().default('participants_choose'),
    defaultCapacity: integer('default_capacity').notNull().default(2),
    groupMin: integer('group_min').notNull().default(3),
    groupMax: integer('group_max').notNull().default(8),
    conflictRules: jsonb('conflict_rules').$type<ConflictRules>().notNull(),
    checkInCadenceDays: integer('check_in_cadence_days').notNull().default(30),
    requestExpiryDays: integer('request_expiry_days').notNull().default(10),
    questions: jsonb('questions').$type<ProgrammeQuestion[]>().notNull().default([]),
    /** The check-in's questions; empty means the standard four (see modules/checkins/questions.ts). */
    checkInQuestions: jsonb('check_in_questions').$type<CheckInQuestion[]>().notNull().default([]),
    weights: jsonb('weights').$type<Record<string, number>>().notNull().default({}),
    createdBy: text('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('programme_org_idx').on(t.organisationId, t.status)],
);

/** Every change to a published programme's rules: who, when, what (before → after). */
export const programmeChange = pgTable(
  'programme_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    actorUserId: text('actor_user_id'),
    changes: jsonb('changes')
      .$type<Record<string, { before: unknown; after: unknown }>>()
      .notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('programme_change_programme_idx').on(t.programmeId, t.createdAt)],
);

export const enrolmentRole = pgEnum('enrolment_role', ['mentee', 'mentor', 'both']);

export const enrolment = pgTable(
  'enrolment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    role: enrolmentRole('role').notNull(),
    /** Mentees a mentor takes at once (group mentors: the group size). */
    capacity: integer('capacity'),
    offersGroup: boolean('offers_group').notNull().default(false),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** A leader's consent to be shown on the programme page and in invitations (null: not shown). */
    leaderShownAt: timestamp('leader_shown_at', { withTimezone: true }),
    /** The leader's own line on why they take part (shown only with the consent above). */
    leaderLine: text('leader_line'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrolment_programme_person_idx').on(t.programmeId, t.personId),
    index('enrolment_person_idx').on(t.personId),
  ],
);

export interface SkillEntry {
  skill: string;
  level: number;
}

/** What a person offers and wants, and the informal ground a click can grow on. */
export const profile = pgTable('profile', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => person.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  offers: jsonb('offers').$type<SkillEntry[]>().notNull().default([]),
  wants: jsonb('wants').$type<SkillEntry[]>().notNull().default([]),
  hobbies: jsonb('hobbies').$type<string[]>().notNull().default([]),
  experiences: jsonb('experiences').$type<string[]>().notNull().default([]),
  values: jsonb('values').$type<string[]>().notNull().default([]),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  languages: jsonb('languages').$type<string[]>().notNull().default([]),
  /** Weekly slots in the person's local time: hour-of-week ranges [from, to). */
  availability: jsonb('availability').$type<[number, number][]>().notNull().default([]),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  meetingMode: text('meeting_mode').notNull().default('either'),
  place: text('place'),
  about: text('about').notNull().default(''),
  /** A phone number the person chose to share with the people they are in a relationship with. */
  phone: text('phone'),
  updatedAt: updatedAt(),
});

/**
 * Optional, consented attributes for target-group programmes and aggregate reporting only. Never
 * joined into anything another participant sees.
 */
export const sensitiveAttributes = pgTable('sensitive_attributes', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => person.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  gender: text('gender'),
  ageBand: text('age_band'),
  background: text('background'),
  consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------
// Requests, relationships, notifications, jobs
// ---------------------------------------------------------------------------------------------

export const requestStatus = pgEnum('request_status', [
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
  /** Closed by Klik, not by a person: see `closedReason` ('mentor_full'). */
  'closed',
]);

/** One side asks the other, with a personal message. */
export const mentoringRequest = pgTable(
  'mentoring_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    toPersonId: uuid('to_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id').notNull(),
    mentorId: uuid('mentor_id').notNull(),
    message: text('message').notNull(),
    hopes: text('hopes').notNull().default(''),
    status: requestStatus('status').notNull().default('pending'),
    /** Private to the person who declined. */
    declineReason: text('decline_reason'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    relationshipId: uuid('relationship_id'),
    /** Why Klik closed a pending request (status 'closed'): 'mentor_full'. */
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('request_to_idx').on(t.toPersonId, t.status),
    index('request_from_idx').on(t.fromPersonId, t.status),
    index('request_programme_idx').on(t.programmeId, t.status),
  ],
);

export const requestMessage = pgTable(
  'request_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => mentoringRequest.id, { onDelete: 'cascade' }),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('request_message_request_idx').on(t.requestId, t.createdAt)],
);

export const relationshipStatus = pgEnum('relationship_status', [
  'active',
  'completed',
  'ended_early',
]);

/** A mentor and one mentee, or a group of mentees. */
export const relationship = pgTable(
  'relationship',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    isGroup: boolean('is_group').notNull().default(false),
    status: relationshipStatus('status').notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Paused (status stays 'active': the mentor's place is kept): since when, by whom, until when. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedBy: uuid('paused_by'),
    pauseUntil: date('pause_until', { mode: 'string' }),
    /** Who ended it early (never shown to the other side as blame; the reason lives in relationship_ending). */
    endedBy: uuid('ended_by'),
  },
  (t) => [
    index('relationship_mentor_idx').on(t.mentorId, t.status),
    index('relationship_programme_idx').on(t.programmeId),
  ],
);

export interface KeptReason {
  code: string;
  nl: string;
  en: string;
}

export const relationshipMentee = pgTable(
  'relationship_mentee',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why this mentee and the mentor clicked, kept at acceptance in both languages. */
    reasons: jsonb('reasons').$type<KeptReason[]>().notNull().default([]),
    /** The pair's click strength (0–100) at acceptance, when known. */
    strength: integer('strength'),
    /** A group member who left the group (the group goes on). */
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.relationshipId, t.menteeId] }),
    index('relationship_mentee_idx').on(t.menteeId),
  ],
);

/** In-app notifications (mail goes out beside them). */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notification_person_idx').on(t.personId, t.createdAt)],
);

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'done', 'failed']);

/** Background work, claimed with FOR UPDATE SKIP LOCKED so several processes can share it. */
export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    status: jobStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('job_due_idx').on(t.status, t.runAt)],
);

// ---------------------------------------------------------------------------------------------
// Proposed introductions (manager-proposes mode)
// ---------------------------------------------------------------------------------------------

export interface RunPair {
  menteeId: string;
  mentorId: string;
  score: number;
}

/** One run of the programme-wide matching, kept so the manager can send exactly what they saw. */
export const matchingRun = pgTable(
  'matching_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(),
    pins: jsonb('pins').$type<{ menteeId: string; mentorId: string }[]>().notNull().default([]),
    forbids: jsonb('forbids')
      .$type<{ menteeId: string; mentorId: string }[]>()
      .notNull()
      .default([]),
    pairs: jsonb('pairs').$type<RunPair[]>().notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('matching_run_programme_idx').on(t.programmeId, t.createdAt)],
);

export const introductionResponse = pgEnum('introduction_response', [
  'pending',
  'accepted',
  'declined',
]);

/** A proposed pair that both people must accept; either may decline without consequence. */
export const introduction = pgTable(
  'introduction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => matchingRun.id, { onDelete: 'set null' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    menteeResponse: introductionResponse('mentee_response').notNull().default('pending'),
    mentorResponse: introductionResponse('mentor_response').notNull().default('pending'),
    relationshipId: uuid('relationship_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('introduction_mentee_idx').on(t.menteeId),
    index('introduction_mentor_idx').on(t.mentorId),
    index('introduction_programme_idx').on(t.programmeId),
  ],
);

export const pairRuleKind = pgEnum('pair_rule_kind', ['pin', 'forbid']);

/**
 * A manager's standing decision about one mentee–mentor pair in a programme: pin (propose them
 * together) or forbid (never introduce them). Every proposals run uses them; sending re-checks.
 */
export const pairRule = pgTable(
  'pair_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: pairRuleKind('kind').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pair_rule_pair_idx').on(t.programmeId, t.menteeId, t.mentorId),
    index('pair_rule_programme_idx').on(t.programmeId),
  ],
);

// ---------------------------------------------------------------------------------------------
// The relationship space: conversation, agreement, goals, self-ratings, meetings, notes, endings
// ---------------------------------------------------------------------------------------------

/** The relationship's one conversation (the request's thread is read beside it). */
export const relationshipMessage = pgTable(
  'relationship_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('relationship_message_rel_idx').on(t.relationshipId, t.createdAt)],
);

/** Until when a participant has read the conversation (unread counts). */
export const relationshipRead = pgTable(
  'relationship_read',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.relationshipId, t.personId] })],
);

export interface AgreementHopes {
  learn: string;
  give: string;
}

export interface AgreementSkill {
  skill: string;
  /** The person learning it (they rate themselves at the start and the end). */
  learnerId: string;
}

/**
 * One version of a relationship's agreement. A change is a new version; a version holds once every
 * participant confirmed it (agreement_confirmation). The newest fully confirmed version applies.
 */
export const relationshipAgreement = pgTable(
  'relationship_agreement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    goals: text('goals').notNull().default(''),
    cadenceDays: integer('cadence_days').notNull(),
    meetingMode: text('meeting_mode').notNull().default('either'),
    meetingNotes: text('meeting_notes').notNull().default(''),
    confidentiality: text('confidentiality').notNull().default(''),
    /** Per participant (person id): what they hope to learn and to give. */
    hopes: jsonb('hopes').$type<Record<string, AgreementHopes>>().notNull().default({}),
    skills: jsonb('skills').$type<AgreementSkill[]>().notNull().default([]),
    proposedBy: uuid('proposed_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('relationship_agreement_version_idx').on(t.relationshipId, t.version)],
);

export const agreementConfirmation = pgTable(
  'agreement_confirmation',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => relationshipAgreement.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.personId] })],
);

export const goalStatus = pgEnum('goal_status', ['open', 'in_progress', 'achieved', 'dropped']);

export const relationshipGoal = pgTable(
  'relationship_goal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: goalStatus('status').notNull().default('open'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('relationship_goal_rel_idx').on(t.relationshipId)],
);

/** A progress note on a goal (seen by every participant). */
export const goalNote = pgTable(
  'goal_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => relationshipGoal.id, { onDelete: 'cascade' }),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('goal_note_goal_idx').on(t.goalId, t.createdAt)],
);

export const ratingPhase = pgEnum('rating_phase', ['start', 'end']);

/** A learner's own rating (1–5) of a skill of the relationship, at the start and at the end. */
export const skillRating = pgTable(
  'skill_rating',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    phase: ratingPhase('phase').notNull(),
    rating: integer('rating').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.relationshipId, t.personId, t.skill, t.phase] }),
    index('skill_rating_programme_idx').on(t.programmeId, t.skill),
  ],
);

export const meetingStatus = pgEnum('meeting_status', ['planned', 'cancelled']);
export const meetingOutcome = pgEnum('meeting_outcome', ['held', 'not_held']);

/** A planned meeting; its iCalendar UID is `<id>@klik`, SEQUENCE is `sequence`. */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    place: text('place'),
    videoUrl: text('video_url'),
    agenda: text('agenda').notNull().default(''),
    status: meetingStatus('status').notNull().default('planned'),
    sequence: integer('sequence').notNull().default(0),
    outcome: meetingOutcome('outcome'),
    /** Shared notes of what was discussed (both sides see them). */
    outcomeNotes: text('outcome_notes'),
    outcomeBy: uuid('outcome_by'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_rel_idx').on(t.relationshipId, t.startsAt)],
);

/** A person's secret calendar-feed address; only the hash is kept. Revoking deletes the row. */
export const calendarFeed = pgTable('calendar_feed', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => person.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

export const noteVisibility = pgEnum('note_visibility', ['shared', 'private']);

/**
 * Notes in a relationship. A private note is readable by its author only: no other participant,
 * manager or admin, and no list, search, export or audit event carries its text.
 */
export const relationshipNote = pgTable(
  'relationship_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    visibility: noteVisibility('visibility').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('relationship_note_rel_idx').on(t.relationshipId, t.authorPersonId)],
);

/**
 * A pause, an early end or a member leaving a group, with the optional reason: for the programme's
 * aggregate figures only, never shown to the other side.
 */
export const relationshipEnding = pgTable(
  'relationship_ending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'set null' }),
    /** 'paused', 'ended' (the whole relationship), 'left' (one member left a group), 'completed'. */
    kind: text('kind').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('relationship_ending_programme_idx').on(t.programmeId, t.kind)],
);

/** Mail a person asked not to receive any more (from the List-Unsubscribe link): 'reminders'. */
export const mailUnsubscribe = pgTable(
  'mail_unsubscribe',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.category] })],
);

// ---------------------------------------------------------------------------------------------
// Feedback: check-ins, the outcome survey, health nudges, "you said, we did"
// ---------------------------------------------------------------------------------------------

/** An answer to one check-in question: met (yes/no), a 1–5 scale, chosen gains, or text. */
export type CheckInAnswer = boolean | number | string | string[];

/**
 * One pulse for one participant of one relationship, due on `dueOn` (the relationship's agreed
 * cadence, else the programme's). The unique key is what makes two server processes send it once.
 * The answers belong to the person: only they read them back; the programme sees aggregates only.
 */
export const checkIn = pgTable(
  'check_in',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The person's side in this relationship. */
    side: text('side').$type<'mentor' | 'mentee'>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The questions as they were when it was sent (a later change of the programme's set does not move them). */
    questions: jsonb('questions').$type<CheckInQuestion[]>().notNull(),
    answers: jsonb('answers').$type<Record<string, CheckInAnswer>>(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('check_in_once_idx').on(t.relationshipId, t.personId, t.dueOn),
    index('check_in_person_idx').on(t.personId, t.sentAt),
    index('check_in_programme_idx').on(t.programmeId, t.sentAt),
    // A person's newest usefulness answers (relationship health: "falling usefulness").
    index('check_in_usefulness_idx')
      .on(t.relationshipId, t.personId, t.dueOn)
      .where(sql`answered_at is not null and jsonb_typeof(answers -> 'usefulness') = 'number'`),
  ],
);

/** What a participant says a relationship brought them, asked when it ends or completes. */
export const outcomeSurvey = pgTable(
  'outcome_survey',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    side: text('side').$type<'mentor' | 'mentee'>().notNull(),
    /** How the relationship closed for this person: 'ended', 'left', 'completed'. */
    closing: text('closing').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    learnedSkills: boolean('learned_skills'),
    /** Skill ids the person says they learned (catalogue or custom ids). */
    skillsLearned: jsonb('skills_learned').$type<string[]>(),
    /** Any of 'new_role', 'promotion', 'project', 'network'; empty: no career step. */
    careerSteps: jsonb('career_steps').$type<string[]>(),
    inspired: boolean('inspired'),
    /** Would recommend the programme, 0–10. */
    recommend: integer('recommend'),
    otherGave: text('other_gave'),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('outcome_survey_once_idx').on(t.relationshipId, t.personId),
    index('outcome_survey_person_idx').on(t.personId, t.sentAt),
    index('outcome_survey_programme_idx').on(t.programmeId, t.answeredAt),
  ],
);

/** A programme manager's nudge to one or both sides of a relationship that may need help. */
export const relationshipNudge = pgTable(
  'relationship_nudge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationship.id, { onDelete: 'cascade' }),
    sentByUserId: text('sent_by_user_id'),
    recipientIds: jsonb('recipient_ids').$type<string[]>().notNull(),
    /** The health signals the manager saw when sending it. */
    signals: jsonb('signals').$type<string[]>().notNull().default([]),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('relationship_nudge_rel_idx').on(t.relationshipId, t.createdAt)],
);

/** "You said, we did": what a programme changed because of its feedback. */
export const feedbackAction = pgTable(
  'feedback_action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    saidNl: text('said_nl').notNull(),
    saidEn: text('said_en').notNull(),
    didNl: text('did_nl').notNull(),
    didEn: text('did_en').notNull(),
    /** The results it answers: question ids or outcome figure keys of the programme's results. */
    resultKeys: jsonb('result_keys').$type<string[]>().notNull().default([]),
    /** The change of the programme's rules or questions it made, if any. */
    programmeChangeId: uuid('programme_change_id').references(() => programmeChange.id, {
      onDelete: 'set null',
    }),
    createdByUserId: text('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_action_programme_idx').on(t.programmeId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Leadership and outcomes: sponsors, cohorts, stories
// ---------------------------------------------------------------------------------------------

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A programme's executive sponsors (people of the programme's organisation). */
export const programmeSponsor = pgTable(
  'programme_sponsor',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.personId] }),
    index('programme_sponsor_person_idx').on(t.personId),
  ],
);

/**
 * One run of a programme. Enrolments and relationships belong to the cohort with the latest
 * start on or before their own start (before the first cohort: the first cohort).
 */
export const programmeCohort = pgTable(
  'programme_cohort',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('programme_cohort_start_idx').on(t.programmeId, t.startsOn)],
);

/** An invitation to enrol sent to a person of the programme's audience (one per person). */
export const programmeInvitation = pgTable(
  'programme_invitation',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    sentByUserId: text('sent_by_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.personId] })],
);

export const storyStatus = pgEnum('story_status', [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'declined',
  'withdrawn',
]);

export const storyAudience = pgEnum('story_audience', ['programme', 'organisation']);

/** What mentoring brought a participant, published after the programme manager's approval. */
export const story = pgTable(
  'story',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    titleNl: text('title_nl').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    bodyNl: text('body_nl').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    /** The photo, resized on the server (JPEG), and its alt text. */
    photo: bytea('photo'),
    photoAlt: text('photo_alt'),
    audience: storyAudience('audience').notNull().default('programme'),
    status: storyStatus('status').notNull().default('draft'),
    /** The manager's message with "asks for a change" or "declines". */
    reviewMessage: text('review_message'),
    reviewedByUserId: text('reviewed_by_user_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('story_programme_idx').on(t.programmeId, t.status),
    index('story_org_idx').on(t.organisationId, t.status, t.publishedAt),
    index('story_author_idx').on(t.authorId),
  ],
);

/**
 * A person the story names (the other side of the author's relationship). The story is published
 * only when every person it names has approved; a refusal or a later change asks again.
 */
export const storyMention = pgTable(
  'story_mention',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => story.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.storyId, t.personId] }),
    index('story_mention_person_idx').on(t.personId),
  ],
);
