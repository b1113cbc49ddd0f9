import { describe, expect, it } from 'vitest';
import { eligibilityOf, isEligible } from './eligibility.js';
import { Audience } from './schema.js';

const subject = {
  department: 'IT',
  location: 'Utrecht',
  jobTitle: 'Senior Engineer',
  jobLevel: 8,
  startDate: '2019-05-01',
};
const plain = { isTargetGroup: false, sensitive: null };

describe('isEligible', () => {
  it('lets everyone in when there are no rules', () => {
    expect(isEligible(subject, {}, plain)).toBe(true);
  });

  it('checks department, location and job title (case-insensitive)', () => {
    expect(isEligible(subject, { departments: ['it', 'HR'] }, plain)).toBe(true);
    expect(isEligible(subject, { departments: ['HR'] }, plain)).toBe(false);
    expect(isEligible(subject, { locations: ['Amsterdam'] }, plain)).toBe(false);
    expect(isEligible(subject, { jobTitleContains: ['senior'] }, plain)).toBe(true);
    expect(isEligible(subject, { jobTitleContains: ['director'] }, plain)).toBe(false);
  });

  it('checks the job level range, bounds included', () => {
    expect(isEligible(subject, { jobLevelMin: 8 }, plain)).toBe(true);
    expect(isEligible(subject, { jobLevelMin: 9 }, plain)).toBe(false);
    expect(isEligible(subject, { jobLevelMax: 8 }, plain)).toBe(true);
    expect(isEligible(subject, { jobLevelMax: 7 }, plain)).toBe(false);
    expect(isEligible(subject, { jobLevelMin: 5, jobLevelMax: 10 }, plain)).toBe(true);
    expect(isEligible(subject, { jobLevelMin: 9, jobLevelMax: 12 }, plain)).toBe(false);
    expect(isEligible(subject, { jobLevelMin: null, jobLevelMax: null }, plain)).toBe(true);
  });

  it('leaves out a person without a job level once a job-level bound is set', () => {
    const unknown = { ...subject, jobLevel: null };
    expect(isEligible(unknown, {}, plain)).toBe(true);
    expect(isEligible(unknown, { jobLevelMin: 1 }, plain)).toBe(false);
    expect(isEligible(unknown, { jobLevelMax: 20 }, plain)).toBe(false);
  });

  it('keeps the job title rule beside the job level', () => {
    const audience = { jobTitleContains: ['senior'], jobLevelMin: 6 };
    expect(isEligible(subject, audience, plain)).toBe(true);
    expect(isEligible({ ...subject, jobTitle: 'Engineer' }, audience, plain)).toBe(false);
    expect(isEligible({ ...subject, jobLevel: 5 }, audience, plain)).toBe(false);
  });

  it('rejects a job-level minimum above the maximum, naming the field', () => {
    const result = Audience.safeParse({ jobLevelMin: 10, jobLevelMax: 4 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['jobLevelMax']);
    expect(Audience.safeParse({ jobLevelMin: 4, jobLevelMax: 4 }).success).toBe(true);
    expect(Audience.safeParse({ jobLevelMin: 0 }).success).toBe(false);
    expect(Audience.safeParse({ jobLevelMax: 2.5 }).success).toBe(false);
  });

  it('checks the start date window', () => {
    expect(isEligible(subject, { startedAfter: '2018-01-01' }, plain)).toBe(true);
    expect(isEligible(subject, { startedBefore: '2018-01-01' }, plain)).toBe(false);
    expect(
      isEligible({ ...subject, startDate: null }, { startedBefore: '2030-01-01' }, plain),
    ).toBe(false);
  });

  it('uses sensitive attributes only in a target-group programme, and only consented ones', () => {
    const audience = { sensitive: { genders: ['woman'] } };
    expect(isEligible(subject, audience, { isTargetGroup: true, sensitive: null })).toBe(false);
    expect(
      isEligible(subject, audience, {
        isTargetGroup: true,
        sensitive: { gender: 'woman', ageBand: null, background: null },
      }),
    ).toBe(true);
    expect(isEligible(subject, audience, { isTargetGroup: false, sensitive: null })).toBe(true);
  });
});

describe('eligibilityOf', () => {
  const women = { departments: ['IT'], sensitive: { genders: ['vrouw'] } };
  const target = (sensitive: { gender: string } | null) => ({
    isTargetGroup: true,
    sensitive: sensitive && { ageBand: null, background: null, ...sensitive },
  });

  it('asks for consented attributes only from people who meet every other rule', () => {
    expect(eligibilityOf(subject, women, target(null))).toBe('needs_sensitive');
    expect(eligibilityOf({ ...subject, department: 'HR' }, women, target(null))).toBe(
      'not_eligible',
    );
  });

  it('matches typed answers whatever their case and spacing, and excludes other answers', () => {
    expect(eligibilityOf(subject, women, target({ gender: ' Vrouw ' }))).toBe('eligible');
    expect(eligibilityOf(subject, women, target({ gender: 'man' }))).toBe('not_eligible');
  });

  it('never asks for sensitive attributes outside a target-group programme', () => {
    expect(eligibilityOf(subject, women, plain)).toBe('eligible');
    expect(eligibilityOf(subject, { departments: ['HR'] }, target(null))).toBe('not_eligible');
  });
});
