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
    if (rules.genders?.length && !(s?.gender && rules.genders.includes(s.gender))) return false;
    if (rules.ageBands?.length && !(s?.ageBand && rules.ageBands.includes(s.ageBand))) return false;
    if (rules.backgrounds?.length && !(s?.background && rules.backgrounds.includes(s.background)))
      return false;
  }
  return true;
}
