import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/locale.js';
import { listSkills } from '../enrolments/service.js';
import { findPersonWithProfile } from '../requests/repository.js';

export interface LabelledSkill {
  skill: string;
  label: string;
  level: number;
}

/** Labels skill entries in the reader's language (an unknown skill keeps its id as label). */
export async function skillLabeller(
  db: Db,
  organisationId: string,
  locale: Locale,
): Promise<(entries: { skill: string; level: number }[] | undefined | null) => LabelledSkill[]> {
  const labels = new Map(
    (await listSkills(db, organisationId)).items.map((s) => [s.id, s[locale]]),
  );
  return (entries) =>
    (entries ?? []).map((e) => ({
      skill: e.skill,
      label: labels.get(e.skill) ?? e.skill,
      level: e.level,
    }));
}

/** What the other side of a request sees of a person: never sensitive attributes. */
export async function describeProfile(
  db: Db,
  organisationId: string,
  personId: string,
  locale: Locale,
) {
  const row = await findPersonWithProfile(db, organisationId, personId);
  if (!row) return null;
  const skills = await skillLabeller(db, organisationId, locale);
  return {
    jobTitle: row.person.jobTitle,
    department: row.person.department,
    location: row.person.location,
    offers: skills(row.profile?.offers),
    wants: skills(row.profile?.wants),
    interests: [
      ...(row.profile?.hobbies ?? []),
      ...(row.profile?.experiences ?? []),
      ...(row.profile?.values ?? []),
      ...(row.profile?.tags ?? []),
    ],
    languages: row.profile?.languages ?? [],
    meetingMode: row.profile?.meetingMode ?? 'either',
    about: row.profile?.about ?? '',
  };
}
