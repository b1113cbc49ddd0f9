import { requireMember, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { AppError, fieldErrors, notFound, type FieldProblem } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { message } from '../../i18n/messages.js';
import type { Mailer } from '../../mail/mailer.js';
import { upsertRating } from '../agreements/repository.js';
import { applyingVersion, loadAgreement } from '../agreements/service.js';
import { findParticipants } from '../attention/repository.js';
import { listSkills } from '../enrolments/service.js';
import { scheduleJobOnce, type JobHandlers } from '../jobs/runner.js';
import { notify } from '../notifications/service.js';
import { displayName } from '../people/display-name.js';
import {
  listParticipants,
  requireParticipant,
  type RelationshipRow,
} from '../relationships/access.js';
import * as repo from './repository.js';
import type { SurveyAnswers } from './schema.js';

export type { Closing } from './repository.js';

/** What opening and reminding need from the app: mail, links, the clock. */
export interface SurveyDeps {
  mailer: Mailer;
  baseUrl: string;
  now: () => Date;
}

/** What reading and answering need besides: the database and the reader's language. */
export interface Deps extends SurveyDeps {
  db: Db;
  locale: Locale;
}

export const OUTCOME_SURVEY_REMINDER_JOB = 'outcome-surveys.reminder';
export const REMINDER_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
export const CAREER_STEPS = ['new_role', 'promotion', 'project', 'network'] as const;

/** Where notifications lead: the survey form on the feedback page. */
export const surveyLink = (surveyId: string) => `/feedback/surveys/${surveyId}`;

const privacyLines = (locale: Locale) =>
  locale === 'nl'
    ? [
        'Een paar vragen over wat de mentorrelatie je bracht: het kost een paar minuten.',
        'Je antwoorden zijn van jou. De ander ziet ze niet; het programma ziet ze alleen opgeteld, in totalen van minstens 5 mensen.',
      ]
    : [
        'A few questions about what the mentoring relationship gave you: it takes a few minutes.',
        'Your answers are yours. The other person never sees them; the programme sees them only added up, in totals of at least 5 people.',
      ];

/**
 * Opens the outcome survey when a relationship closes, in the caller's transaction: for
 * 'ended' and 'completed' everyone still in it gets one; for 'left' only the group member who
 * left (the others get theirs when the group itself ends or completes). A survey exists once per
 * person and relationship, so a second ending (or a concurrent one) opens nothing new, and only
 * those whose survey was opened now are told and get a reminder scheduled.
 */
export async function openOutcomeSurveys(
  tx: Db,
  deps: SurveyDeps,
  relationshipRow: RelationshipRow,
  input: { closing: 'ended' | 'completed' } | { closing: 'left'; personId: string },
): Promise<string[]> {
  const now = deps.now();
  const participants = await listParticipants(tx, relationshipRow);
  const recipients =
    input.closing === 'left'
      ? participants.filter((p) => p.personId === input.personId)
      : participants.filter((p) => !p.hasLeft);
  const opened = await repo.insertSurveys(
    tx,
    recipients.map((p) => ({
      organisationId: relationshipRow.organisationId,
      programmeId: relationshipRow.programmeId,
      relationshipId: relationshipRow.id,
      personId: p.personId,
      side: p.role,
      closing: input.closing,
      sentAt: now,
    })),
  );
  if (opened.length === 0) return [];
  const programmeName = await repo.findProgrammeName(tx, relationshipRow.programmeId);
  for (const survey of opened) {
    const others = participants.filter((p) => p.personId !== survey.personId && !p.hasLeft);
    await notify(tx, deps.mailer, deps.baseUrl, {
      personId: survey.personId,
      kind: 'outcome_survey',
      payload: { programme: programmeName, with: others.map((o) => o.name).join(', ') },
      link: surveyLink(survey.id),
      mail: { details: privacyLines },
    });
    await scheduleJobOnce(
      tx,
      `outcome-survey-reminder:${survey.id}`,
      OUTCOME_SURVEY_REMINDER_JOB,
      { surveyId: survey.id },
      new Date(now.getTime() + REMINDER_AFTER_MS),
    );
  }
  return opened.map((s) => s.id);
}

/** The one reminder, a week after: sent only if the survey is still open and was not reminded. */
export async function remindOutcomeSurvey(
  db: Db,
  deps: SurveyDeps,
  surveyId: string,
): Promise<boolean> {
  const survey = await repo.claimReminder(db, surveyId, deps.now());
  if (!survey) return false;
  const row = await repo.findRelationship(db, survey.relationshipId);
  if (!row) return false;
  const participants = await listParticipants(db, row);
  const others = participants.filter((p) => p.personId !== survey.personId);
  await notify(db, deps.mailer, deps.baseUrl, {
    personId: survey.personId,
    kind: 'outcome_survey_reminder',
    payload: {
      programme: await repo.findProgrammeName(db, survey.programmeId),
      with: others.map((o) => o.name).join(', '),
    },
    link: surveyLink(survey.id),
    mail: { details: privacyLines, category: 'reminders' },
  });
  return true;
}

export function outcomeSurveyJobHandlers(mailer: Mailer, baseUrl: string): JobHandlers {
  return {
    [OUTCOME_SURVEY_REMINDER_JOB]: async (db, payload, now) => {
      if (payload.surveyId) {
        await remindOutcomeSurvey(db, { mailer, baseUrl, now: () => now }, payload.surveyId);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and answering: a survey is its person's alone. Anyone else — the other side, managers,
// admins — gets 404, and the answers leave through these routes only, to their owner.

type ListedRow = Awaited<ReturnType<typeof repo.listOwnSurveys>>['rows'][number];

/** The others of each relationship by name (the mentor first), for the rows' "with". */
async function othersOf(db: Db, rows: ListedRow[], personId: string) {
  const participants = await findParticipants(db, [
    ...new Set(rows.map((r) => r.survey.relationshipId)),
  ]);
  return (relationshipId: string) =>
    participants
      .filter((p) => p.relationshipId === relationshipId && p.personId !== personId)
      .map((p) => ({ id: p.personId, name: displayName(p) }));
}

function summary(row: ListedRow, others: { id: string; name: string }[]) {
  const { survey } = row;
  return {
    id: survey.id,
    relationshipId: survey.relationshipId,
    programme: { id: survey.programmeId, name: row.programmeName },
    with: others,
    side: survey.side,
    closing: survey.closing as repo.Closing,
    sentAt: survey.sentAt.toISOString(),
    answeredAt: survey.answeredAt?.toISOString() ?? null,
  };
}

export async function listOutcomeSurveys(
  db: Db,
  actor: Actor,
  page: { limit: number; offset: number },
) {
  const owner = requireMember(actor);
  const { rows, total } = await repo.listOwnSurveys(db, owner, page);
  const others = await othersOf(db, rows, owner.personId);
  return { items: rows.map((r) => summary(r, others(r.survey.relationshipId))), total };
}

/** The home page's part: the caller's surveys still to answer (at most `limit`) and how many. */
export async function listOpenOutcomeSurveys(db: Db, actor: Actor, limit = 10) {
  const owner = requireMember(actor);
  const { rows, total } = await repo.listOpenSurveys(db, owner, limit);
  const others = await othersOf(db, rows, owner.personId);
  return { items: rows.map((r) => summary(r, others(r.survey.relationshipId))), total };
}

async function requireOwnSurvey(db: Db, actor: Actor, surveyId: string, lock = false) {
  const owner = requireMember(actor);
  const row = await repo.findOwnSurvey(db, owner, surveyId, { lock });
  if (!row) throw notFound('outcomeSurvey');
  return row;
}

/** The skills of the agreement in force that the caller learns: what the end rating asks about. */
async function learnedAgreementSkills(db: Db, actor: Actor, relationshipId: string) {
  const access = await requireParticipant(db, actor, relationshipId);
  const agreement = applyingVersion(await loadAgreement(db, access));
  const all = agreement?.skills ?? [];
  return {
    mine: [...new Set(all.filter((s) => s.learnerId === access.me.personId).map((s) => s.skill))],
    all: [...new Set(all.map((s) => s.skill))],
  };
}

export async function getOutcomeSurvey(deps: Deps, actor: Actor, surveyId: string) {
  const row = await requireOwnSurvey(deps.db, actor, surveyId);
  const { survey } = row;
  const others = await othersOf(deps.db, [row], survey.personId);
  const skills = await learnedAgreementSkills(deps.db, actor, survey.relationshipId);
  const ratings = await repo.listOwnRatings(deps.db, survey.relationshipId, survey.personId);
  const catalogue = (await listSkills(deps.db, survey.organisationId)).items;
  const label = (id: string) => catalogue.find((s) => s.id === id)?.[deps.locale] ?? id;
  const rating = (skill: string, phase: 'start' | 'end') =>
    ratings.find((r) => r.skill === skill && r.phase === phase)?.rating ?? null;
  const isAnswered = survey.answeredAt !== null;
  return {
    ...summary(row, others(survey.relationshipId)),
    agreementSkills: skills.all.map((skill) => ({ skill, label: label(skill) })),
    mySkills: skills.mine.map((skill) => ({
      skill,
      label: label(skill),
      startRating: rating(skill, 'start'),
      endRating: isAnswered ? rating(skill, 'end') : null,
    })),
    answers: isAnswered
      ? {
          learnedSkills: survey.learnedSkills ?? false,
          skillsLearned: (survey.skillsLearned ?? []).map((skill) => ({
            skill,
            label: label(skill),
          })),
          careerSteps: (survey.careerSteps ?? []).filter((s): s is (typeof CAREER_STEPS)[number] =>
            (CAREER_STEPS as readonly string[]).includes(s),
          ),
          inspired: survey.inspired ?? false,
          recommend: survey.recommend ?? 0,
          otherGave: survey.otherGave ?? '',
          comment: survey.comment ?? '',
        }
      : null,
  };
}

/**
 * Records the caller's answers, once, with the end self-rating of each agreement skill they
 * learn (skill_rating, phase 'end', replacing an earlier end rating): all in one transaction.
 */
export async function answerOutcomeSurvey(
  deps: Deps,
  actor: Actor,
  surveyId: string,
  input: SurveyAnswers,
) {
  await deps.db.transaction(async (tx) => {
    const { survey } = await requireOwnSurvey(tx, actor, surveyId, true);
    if (survey.answeredAt) throw new AppError('unprocessable', message('surveyAlreadyAnswered'));
    const skills = await learnedAgreementSkills(tx, actor, survey.relationshipId);
    const known = new Set([
      ...skills.all,
      ...(await listSkills(tx, survey.organisationId)).items.map((s) => s.id),
    ]);
    const problems: FieldProblem[] = [];
    if (!input.learnedSkills && input.skillsLearned.length > 0) {
      problems.push({ field: 'body.skillsLearned', message: message('onlyWhenLearnedSkills') });
    }
    input.skillsLearned.forEach((skill, i) => {
      if (!known.has(skill)) {
        problems.push({
          field: `body.skillsLearned.${i}`,
          message: message('unknownSkill', { skill }),
        });
      }
    });
    const rated = new Set<string>();
    input.endRatings.forEach(({ skill }, i) => {
      if (!skills.mine.includes(skill)) {
        problems.push({ field: `body.endRatings.${i}.skill`, message: message('notAgreedSkill') });
      } else if (rated.has(skill)) {
        problems.push({ field: `body.endRatings.${i}.skill`, message: message('ratedTwice') });
      }
      rated.add(skill);
    });
    if (problems.length > 0) throw fieldErrors('validation_failed', problems);
    const now = deps.now();
    const recorded = await repo.recordAnswers(tx, survey.id, {
      answeredAt: now,
      learnedSkills: input.learnedSkills,
      skillsLearned: [...new Set(input.skillsLearned)],
      careerSteps: [...new Set(input.careerSteps)],
      inspired: input.inspired,
      recommend: input.recommend,
      otherGave: input.otherGave,
      comment: input.comment,
    });
    if (!recorded) throw new AppError('unprocessable', message('surveyAlreadyAnswered'));
    for (const { skill, rating } of input.endRatings) {
      await upsertRating(tx, {
        relationshipId: survey.relationshipId,
        organisationId: survey.organisationId,
        programmeId: survey.programmeId,
        personId: survey.personId,
        skill,
        phase: 'end',
        rating,
        ratedAt: now,
      });
    }
  });
  return getOutcomeSurvey(deps, actor, surveyId);
}
