import type { AudienceRules } from '../../db/schema.js';

export interface EligibilitySubject {
  department: string | null;
  location: string | null;
  jobTitle: string | null;
  jobLevel: number | null;
  startDate: string | null;
}

export interface SensitiveSubject {
  gender: string | null;
  ageBand: string | null;
  background: string | null;
}

/**
 * Whether a person belongs to a programme's audience. Sensitive attributes count only in a
 * target-group programme and only when the person consented to give them; a person without
 * them is simply not in that target group.
 */
export function isEligible(
  subject: EligibilitySubject,
  audience: AudienceRules,
  options: { isTargetGroup: boolean; sensitive: SensitiveSubject | null },
): boolean {
  const lower = (v: string | null) => (v ?? '').toLowerCase();
  if (
    audience.departments?.length &&
    !audience.departments.some((d) => lower(d) === lower(subject.department))
  ) {
    return false;
  }
  if (
    audience.locations?.length &&
    !audience.locations.some((l) => lower(l) === lower(subject.location))
  ) {
    return false;
  }
  if (
    audience.jobTitleContains?.length &&
    !audience.jobTitleContains.some((t) => lower(subject.jobTitle).includes(lower(t)))
  ) {
    return false;
  }
  const { jobLevelMin, jobLevelMax } = audience;
  const hasLevelBound = typeof jobLevelMin === 'number' || typeof jobLevelMax === 'number';
  if (hasLevelBound) {
    const level = subject.jobLevel;
    if (level === null) return false;
    if (typeof jobLevelMin === 'number' && level < jobLevelMin) return false;
    if (typeof jobLevelMax === 'number' && level > jobLevelMax) return false;
  }
  if (audience.startedBefore && !(subject.startDate && subject.startDate < audience.startedBefore))
    return false;
  if (audience.startedAfter && !(subject.startDate && subject.startDate > audience.startedAfter))
    return false;
  const rules = audience.sensitive;
  if (options.isTargetGroup && rules) {
    const s = options.sensitive;
    // People type these themselves: "Vrouw" and " vrouw" are the same answer.
    const fits = (allowed: string[] | undefined, value: string | null | undefined) =>
      !allowed?.length || (!!value && allowed.some((a) => same(a, value)));
    if (!fits(rules.genders, s?.gender)) return false;
    if (!fits(rules.ageBands, s?.ageBand)) return false;
    if (!fits(rules.backgrounds, s?.background)) return false;
  }
  return true;
}

function same(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
}

export type Eligibility = 'eligible' | 'needs_sensitive' | 'not_eligible';

/**
 * Eligibility with the target group's consent step in mind. A person who has not (yet) shared
 * sensitive attributes but meets every other rule of a target-group programme may see it and
 * decide to share them in the enrolment wizard (`needs_sensitive`); only `eligible` may enrol.
 * Someone whose shared attributes do not fit is simply not in the target group.
 */
export function eligibilityOf(
  subject: EligibilitySubject,
  audience: AudienceRules,
  options: { isTargetGroup: boolean; sensitive: SensitiveSubject | null },
): Eligibility {
  if (isEligible(subject, audience, options)) return 'eligible';
  const asksSensitive =
    options.isTargetGroup &&
    options.sensitive === null &&
    !!audience.sensitive &&
    Object.values(audience.sensitive).some((list) => Array.isArray(list) && list.length > 0);
  if (asksSensitive && isEligible(subject, { ...audience, sensitive: undefined }, options))
    return 'needs_sensitive';
  return 'not_eligible';
}
