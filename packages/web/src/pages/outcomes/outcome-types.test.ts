import { describe, expect, it } from 'vitest';
import {
  cohortChartRows,
  cohortFromSearch,
  exportHref,
  formatPoints,
  headlinePercent,
  retentionVerdict,
  shortLabel,
  type CohortOverTime,
} from './outcome-types';

const programmeId = '6f1c2a9e-0b7d-4c3e-9a51-2d8f4e7b1c03';
const cohortId = '0a4b8c2d-3e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('cohortFromSearch', () => {
  it('takes a cohort id from the address', () => {
    expect(cohortFromSearch(new URLSearchParams(`cohort=${cohortId}`))).toBe(cohortId);
  });

  it('means all runs without one or with something that is no id', () => {
    expect(cohortFromSearch(new URLSearchParams(''))).toBeNull();
    expect(cohortFromSearch(new URLSearchParams('cohort='))).toBeNull();
    expect(cohortFromSearch(new URLSearchParams('cohort=spring'))).toBeNull();
    expect(cohortFromSearch(new URLSearchParams(`cohort=${cohortId}x`))).toBeNull();
  });
});

describe('exportHref', () => {
  it("downloads a programme's report for the cohort shown, in the UI's language", () => {
    expect(exportHref(programmeId, cohortId, 'pdf', 'en')).toBe(
      `/api/programmes/${programmeId}/outcomes/export.pdf?cohort=${cohortId}&lang=en`,
    );
    expect(exportHref(programmeId, null, 'xlsx', 'nl')).toBe(
      `/api/programmes/${programmeId}/outcomes/export.xlsx?lang=nl`,
    );
  });

  it("downloads the organisation's report without a cohort", () => {
    expect(exportHref(null, cohortId, 'csv', 'nl')).toBe('/api/outcomes/export.csv?lang=nl');
  });

  it('asks for Dutch unless the screen is in English', () => {
    expect(exportHref(null, null, 'csv', 'en-GB')).toBe('/api/outcomes/export.csv?lang=en');
    expect(exportHref(null, null, 'csv', 'de')).toBe('/api/outcomes/export.csv?lang=nl');
  });
});

describe('headlinePercent', () => {
  it('shows a percentage, zero included', () => {
    expect(headlinePercent(42, 12)).toEqual({ kind: 'shown', percent: 42 });
    expect(headlinePercent(0, 12)).toEqual({ kind: 'shown', percent: 0 });
  });

  it('tells a withheld figure (no respondents given) from one without answers', () => {
    expect(headlinePercent(null, null)).toEqual({ kind: 'withheld' });
    expect(headlinePercent(null, 0)).toEqual({ kind: 'none' });
  });
});

describe('retentionVerdict', () => {
  it('is clear only when the whole interval lies on one side of zero', () => {
    expect(retentionVerdict({ low: 0.02, high: 0.2 })).toBe('higher');
    expect(retentionVerdict({ low: -0.2, high: -0.01 })).toBe('lower');
    expect(retentionVerdict({ low: -0.05, high: 0.2 })).toBe('unclear');
    expect(retentionVerdict({ low: 0, high: 0.2 })).toBe('unclear');
  });
});

describe('formatPoints', () => {
  it('gives a share difference in signed percentage points per locale', () => {
    expect(formatPoints(0.084, 'en')).toBe('+8');
    expect(formatPoints(-0.031, 'nl')).toBe('-3');
    expect(formatPoints(0.001, 'nl')).toBe('0');
    expect(formatPoints(-0.004, 'en')).toBe('0');
  });
});

describe('cohortChartRows', () => {
  const cohort = (
    name: string,
    learned: number | null,
    changes: number,
    respondents: number | null = 10,
  ): CohortOverTime => ({
    cohort: { id: cohortId, name, startsOn: '2026-01-05' },
    headline: {
      enrolled: 20,
      matched: 18,
      learnedSkillsPercent: learned,
      careerStepPercent: learned === null ? null : 30,
      inspiredPercent: learned === null ? null : 70,
      nps: learned === null ? null : 25,
      respondents,
    },
    changesBefore: Array.from({ length: changes }, (_, i) => ({
      id: `${i}`,
      did: `change ${i}`,
      createdAt: '2025-12-01T10:00:00.000Z',
    })),
  });

  it('plots each cohort in order, withheld percentages as gaps, with its changes counted', () => {
    const rows = cohortChartRows([cohort('Spring', 51, 0), cohort('Autumn', null, 2, null)]);
    expect(rows).toEqual([
      { cohortName: 'Spring', learned: 51, career: 30, inspired: 70, changes: 0 },
      { cohortName: 'Autumn', learned: null, career: null, inspired: null, changes: 2 },
    ]);
  });

  it('never names a field `role` (Recharts would copy it onto the SVG)', () => {
    for (const row of cohortChartRows([cohort('Spring', 51, 1)])) {
      expect(Object.keys(row)).not.toContain('role');
    }
  });
});

describe('shortLabel', () => {
  it('keeps a short label and cuts a long one with an ellipsis', () => {
    expect(shortLabel('Social media')).toBe('Social media');
    expect(shortLabel('Stakeholdermanagement')).toBe('Stakeholdermanage…');
    expect(shortLabel('Stakeholdermanagement').length).toBe(18);
    expect(shortLabel('Omgaan met organisatiepolitiek', 12)).toBe('Omgaan met…');
  });
});
