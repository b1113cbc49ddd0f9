import { describe, expect, it } from 'vitest';
import {
  designerValuesOf,
  isJobLevelRangeReversed,
  jobLevelOrNull,
  toFormField,
  toProgrammeBody,
} from './designer-values';
import type { Programme } from './programme-types';

describe('programme designer values', () => {
  it('start a new programme with the reporting line excluded two levels and requests expiring after 10 days', () => {
    const values = designerValuesOf(undefined);
    expect(values.conflictRules.reportingLineLevels).toBe(2);
    expect(values.requestExpiryDays).toBe(10);
    // A new programme leaves the weights to the server's defaults.
    expect('weights' in toProgrammeBody({ ...values, name: 'Nieuw' })).toBe(false);
  });

  it('send sensitive audience rules only for a declared target-group programme', () => {
    const values = {
      ...designerValuesOf(undefined),
      name: 'Vrouwen in IT',
      ageBands: ['<25'],
      genders: ['vrouw'],
    };
    expect(toProgrammeBody(values).audience?.sensitive).toBeNull();
    expect(toProgrammeBody({ ...values, isTargetGroup: true }).audience?.sensitive).toEqual({
      genders: ['vrouw'],
      ageBands: ['<25'],
      backgrounds: [],
    });
  });

  it('clear empty dates and keep the ids of saved questions only', () => {
    const body = toProgrammeBody({
      ...designerValuesOf(undefined),
      name: 'P',
      startsOn: '',
      endsOn: '2027-01-31',
      questions: [
        { key: 'a', id: 'goal', labelNl: ' Doel ', labelEn: 'Goal', required: true },
        { key: 'b', labelNl: 'Nieuw', labelEn: 'New', required: false },
      ],
    });
    expect(body.startsOn).toBeNull();
    expect(body.endsOn).toBe('2027-01-31');
    expect(body.questions).toEqual([
      { id: 'goal', labelNl: 'Doel', labelEn: 'Goal', required: true },
      { labelNl: 'Nieuw', labelEn: 'New', required: false },
    ]);
  });

  it('send the job-level range as numbers, an empty bound as null', () => {
    const values = { ...designerValuesOf(undefined), name: 'Nieuwe teamleiders' };
    expect(values.jobLevelMin).toBe('');
    expect(toProgrammeBody(values).audience).toMatchObject({
      jobLevelMin: null,
      jobLevelMax: null,
    });
    expect(toProgrammeBody({ ...values, jobLevelMin: 8, jobLevelMax: '' }).audience).toMatchObject({
      jobLevelMin: 8,
      jobLevelMax: null,
    });
    expect(
      toProgrammeBody({ ...values, jobLevelMin: '10', jobLevelMax: 12 }).audience,
    ).toMatchObject({ jobLevelMin: 10, jobLevelMax: 12 });
    expect(jobLevelOrNull(' ')).toBeNull();
  });

  it('read a saved job-level range back into the form', () => {
    const saved = {
      ...toProgrammeBody({ ...designerValuesOf(undefined), name: 'P' }),
      audience: { jobLevelMin: 10, jobLevelMax: null },
    } as unknown as Programme;
    const values = designerValuesOf(saved);
    expect(values.jobLevelMin).toBe(10);
    expect(values.jobLevelMax).toBe('');
  });

  it('find a job-level range that runs backwards, and only then', () => {
    const values = designerValuesOf(undefined);
    expect(isJobLevelRangeReversed({ ...values, jobLevelMin: 12, jobLevelMax: 8 })).toBe(true);
    expect(isJobLevelRangeReversed({ ...values, jobLevelMin: 8, jobLevelMax: 8 })).toBe(false);
    expect(isJobLevelRangeReversed({ ...values, jobLevelMin: 12, jobLevelMax: '' })).toBe(false);
    expect(isJobLevelRangeReversed(values)).toBe(false);
  });

  it('map server field paths onto the form', () => {
    expect(toFormField('audience.jobLevelMax')).toBe('jobLevelMax');
    expect(toFormField('audience.departments')).toBe('departments');
    expect(toFormField('audience.sensitive.ageBands')).toBe('ageBands');
    expect(toFormField('conflictRules.reportingLineLevels')).toBe(
      'conflictRules.reportingLineLevels',
    );
  });
});
