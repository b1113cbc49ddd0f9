import { describe, expect, it } from 'vitest';
import { isEligible } from './eligibility.js';

const subject = {
  department: 'IT',
  location: 'Utrecht',
  jobTitle: 'Senior Engineer',
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
