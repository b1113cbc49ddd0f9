import type { Locale } from '../../../i18n/locale.js';
import type { Withheld } from '../../feedback-results/schema.js';
import type { OutcomeReport } from '../schema.js';
import { exportTexts, type ExportTexts } from './texts.js';

/**
 * The report as rows of figures, one shape for the CSV and the XLSX: every figure with its value,
 * unit, group size and 95% interval where it has one; a withheld figure has no value and says why.
 */

export type SectionKey = keyof ExportTexts['sections'];

export interface FigureRow {
  section: SectionKey;
  /** The section's heading as written (cohorts over time name their cohort). */
  sectionLabel: string;
  figure: string;
  value: number | string | null;
  unit: string;
  n: number | null;
  low: number | null;
  high: number | null;
  note: string;
}

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return before one) gets a leading apostrophe (OWASP: CSV injection). Applied to every text cell:
 * names, labels, stories and cohort names are written by people.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A share (0–1) as a percentage with one decimal. */
const percent = (share: number) => Math.round(share * 1000) / 10;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function reportRows(report: OutcomeReport, lang: Locale): FigureRow[] {
  const t = exportTexts[lang];
  const rows: FigureRow[] = [];
  const add = (section: SectionKey, row: Partial<FigureRow> & { figure: string }) =>
    rows.push({
      section,
      sectionLabel: t.sections[section],
      value: null,
      unit: '',
      n: null,
      low: null,
      high: null,
      note: '',
      ...row,
    });
  const withheldNote = (withheld: Withheld) => t.withheld(withheld.reason, withheld.needed);

  // Report: what the figures are about.
  const { scope } = report;
  add('report', {
    figure: t.report.organisation,
    value: scope.organisationName,
    unit: t.units.text,
  });
  add('report', {
    figure: t.report.programme,
    value: scope.programmeName ?? t.report.wholeOrganisation,
    unit: t.units.text,
  });
  add('report', {
    figure: t.report.cohort,
    value: scope.cohort ? `${scope.cohort.name} (${scope.cohort.startsOn})` : t.report.allCohorts,
    unit: t.units.text,
  });
  add('report', { figure: t.report.generatedAt, value: report.generatedAt, unit: t.units.date });
  add('report', { figure: t.report.minGroup, value: report.minGroup, unit: t.units.people });

  // Headline.
  headlineRows(t, report.headline, report.minGroup).forEach((row) => add('headline', row));

  // Participation.
  const { participation, activity } = report;
  add('participation', {
    figure: t.figures.invited,
    value: participation.invited,
    unit: t.units.people,
    note: participation.invited === null ? t.figures.notInvited : '',
  });
  add('participation', {
    figure: t.figures.enrolled,
    value: participation.enrolled,
    unit: t.units.people,
  });
  add('participation', {
    figure: t.figures.matched,
    value: participation.matched,
    unit: t.units.people,
    n: participation.enrolled,
  });
  add('participation', {
    figure: t.figures.medianDaysToMatch,
    value: participation.medianDaysToMatch,
    unit: t.units.days,
    n: participation.matched,
  });

  // Activity.
  add('activity', {
    figure: t.figures.relationships,
    value: activity.relationships,
    unit: t.units.count,
  });
  add('activity', {
    figure: t.figures.meetingsPerRelationship,
    value:
      activity.meetingsPerRelationship === null
        ? null
        : oneDecimal(activity.meetingsPerRelationship),
    unit: t.units.perRelationship,
    n: activity.relationships,
  });
  add('activity', {
    figure: t.figures.checkInsSent,
    value: activity.checkIns.sent,
    unit: t.units.count,
  });
  add('activity', {
    figure: t.figures.checkInsAnswered,
    value: activity.checkIns.answered,
    unit: t.units.count,
  });
  add('activity', {
    figure: t.figures.checkInRate,
    value: activity.checkIns.percent,
    unit: t.units.percent,
    n: activity.checkIns.sent,
  });

  // Outcomes from the survey.
  const total = report.outcomes.total;
  if (total.shown) {
    add('outcomes', {
      figure: t.figures.respondents,
      value: total.respondents,
      unit: t.units.people,
    });
    const rate = (figure: string, r: { count: number; of: number; percent: number | null }) =>
      add('outcomes', {
        figure,
        value: r.percent,
        unit: t.units.percent,
        n: r.of,
        note: r.percent === null ? t.noAnswers : t.figures.yesOf(r.count, r.of),
      });
    rate(t.figures.learnedSkills, total.learnedSkills);
    rate(t.figures.careerStep, total.careerStep);
    for (const kind of total.careerStep.kinds) {
      add('outcomes', {
        figure: t.figures.careerKinds[kind.kind],
        value: kind.count,
        unit: t.units.people,
      });
    }
    rate(t.figures.inspired, total.inspired);
    const recommend = total.recommend;
    add('outcomes', {
      figure: t.figures.nps,
      value: recommend.nps,
      unit: t.units.nps,
      n: recommend.answers,
      note: recommend.nps === null ? t.noAnswers : '',
    });
    add('outcomes', {
      figure: t.figures.promoters,
      value: recommend.promoters,
      unit: t.units.people,
      n: recommend.answers,
    });
    add('outcomes', {
      figure: t.figures.passives,
      value: recommend.passives,
      unit: t.units.people,
      n: recommend.answers,
    });
    add('outcomes', {
      figure: t.figures.detractors,
      value: recommend.detractors,
      unit: t.units.people,
      n: recommend.answers,
    });
  } else {
    const note = withheldNote(total);
    add('outcomes', {
      figure: t.figures.respondents,
      value: total.respondents,
      unit: t.units.people,
    });
    for (const figure of [
      t.figures.learnedSkills,
      t.figures.careerStep,
      t.figures.inspired,
      t.figures.nps,
    ]) {
      add('outcomes', { figure, note });
    }
  }

  // Top skills.
  const topSkills = report.outcomes.topSkills;
  if (topSkills.shown) {
    for (const item of topSkills.items) {
      add('topSkills', { figure: item.label, value: item.count, unit: t.units.people });
    }
  } else {
    add('topSkills', { figure: t.sections.topSkills, note: withheldNote(topSkills) });
  }

  // Self-rating growth per skill.
  for (const growth of report.outcomes.growth) {
    if (growth.shown) {
      add('growth', {
        figure: t.figures.skillStart(growth.skill),
        value: oneDecimal(growth.meanStart),
        unit: t.units.scale,
        n: growth.n,
      });
      add('growth', {
        figure: t.figures.skillEnd(growth.skill),
        value: oneDecimal(growth.meanEnd),
        unit: t.units.scale,
        n: growth.n,
      });
    } else {
      add('growth', { figure: growth.skill, note: withheldNote(growth) });
    }
  }

  // Retention against comparable non-participants.
  for (const figure of report.retention) {
    const months = figure.months;
    if (!figure.shown) {
      add('retention', { figure: t.figures.retention(months), note: withheldNote(figure) });
      continue;
    }
    const { participants, comparison, difference } = figure;
    add('retention', {
      figure: t.figures.retentionParticipants(months),
      value: percent(participants.share),
      unit: t.units.percent,
      n: participants.n,
      low: percent(participants.low),
      high: percent(participants.high),
      note: t.figures.retained(participants.retained, participants.n),
    });
    add('retention', {
      figure: t.figures.retentionComparison(months),
      value: percent(comparison.share),
      unit: t.units.percent,
      n: comparison.n,
      low: percent(comparison.low),
      high: percent(comparison.high),
    });
    add('retention', {
      figure: t.figures.retentionDifference(months),
      value: percent(difference.value),
      unit: t.units.points,
      low: percent(difference.low),
      high: percent(difference.high),
    });
    add('retention', {
      figure: t.figures.retentionUnmatched(months),
      value: figure.unmatched,
      unit: t.units.people,
    });
  }

  // Cohorts over time: each cohort's headline, and the changes made before it started.
  for (const entry of report.cohortsOverTime) {
    const sectionLabel = `${t.sections.cohortsOverTime}: ${entry.cohort.name}`;
    const push = (row: Partial<FigureRow> & { figure: string }) =>
      add('cohortsOverTime', { sectionLabel, ...row });
    push({ figure: t.figures.startsOn, value: entry.cohort.startsOn, unit: t.units.date });
    headlineRows(t, entry.headline, report.minGroup).forEach(push);
    for (const change of entry.changesBefore) {
      push({
        figure: t.figures.change,
        value: change.did,
        unit: t.units.text,
        note: change.createdAt.slice(0, 10),
      });
    }
  }
  return rows;
}

function headlineRows(
  t: ExportTexts,
  headline: OutcomeReport['headline'],
  minGroup: number,
): (Partial<FigureRow> & { figure: string })[] {
  const surveyNote = (value: number | null) =>
    value === null
      ? headline.respondents === null
        ? t.withheld('too_few', minGroup)
        : t.noAnswers
      : '';
  const survey = (figure: string, value: number | null, unit: string) => ({
    figure,
    value,
    unit,
    n: headline.respondents,
    note: surveyNote(value),
  });
  return [
    { figure: t.figures.enrolled, value: headline.enrolled, unit: t.units.people },
    {
      figure: t.figures.matched,
      value: headline.matched,
      unit: t.units.people,
      n: headline.enrolled,
    },
    survey(t.figures.learnedSkills, headline.learnedSkillsPercent, t.units.percent),
    survey(t.figures.careerStep, headline.careerStepPercent, t.units.percent),
    survey(t.figures.inspired, headline.inspiredPercent, t.units.percent),
    survey(t.figures.nps, headline.nps, t.units.nps),
  ];
}
