import type { Locale } from '../../../i18n/locale.js';
import type { WithheldReason } from '../../feedback-results/schema.js';

const nl = {
  columns: {
    section: 'Onderdeel',
    figure: 'Cijfer',
    value: 'Waarde',
    unit: 'Eenheid',
    n: 'n / groepsgrootte',
    low: '95%-interval laag',
    high: '95%-interval hoog',
    note: 'Toelichting',
  },
  sections: {
    report: 'Rapport',
    headline: 'Kerncijfers',
    participation: 'Deelname',
    activity: 'Activiteit',
    outcomes: 'Uitkomsten',
    topSkills: 'Geleerde vaardigheden',
    growth: 'Groei per vaardigheid',
    retention: 'Behoud',
    cohortsOverTime: 'Lichtingen door de tijd',
  },
  units: {
    people: 'mensen',
    percent: '%',
    points: 'procentpunt',
    days: 'dagen',
    count: 'aantal',
    perRelationship: 'per relatie',
    scale: '1–5',
    nps: 'NPS (-100 tot 100)',
    text: 'tekst',
    date: 'datum',
  },
  report: {
    organisation: 'Organisatie',
    programme: 'Programma',
    cohort: 'Lichting',
    allCohorts: 'alle lichtingen',
    wholeOrganisation: 'hele organisatie',
    generatedAt: 'Gemaakt op',
    minGroup: 'Kleinste groep die getoond wordt',
  },
  figures: {
    enrolled: 'Ingeschreven',
    matched: 'Gekoppeld',
    invited: 'Uitgenodigd',
    notInvited: 'nooit uitnodigingen verstuurd',
    medianDaysToMatch: 'Dagen tot een koppeling (mediaan)',
    relationships: 'Mentorrelaties',
    meetingsPerRelationship: 'Gesprekken per relatie',
    checkInsSent: 'Check-ins verstuurd',
    checkInsAnswered: 'Check-ins beantwoord',
    checkInRate: 'Responspercentage check-ins',
    respondents: 'Deelnemers die de eindvragenlijst invulden',
    learnedSkills: 'Leerde nieuwe vaardigheden',
    careerStep: 'Zette een carrièrestap',
    inspired: 'Voelde zich geïnspireerd',
    nps: 'Aanbevelingsscore (NPS)',
    promoters: 'Promotors (9–10)',
    passives: 'Neutralen (7–8)',
    detractors: 'Criticasters (0–6)',
    careerKinds: {
      new_role: 'Carrièrestap: nieuwe functie',
      promotion: 'Carrièrestap: promotie',
      project: 'Carrièrestap: nieuw project',
      network: 'Carrièrestap: groter netwerk',
    },
    yesOf: (count: number, of: number) => `${count} van ${of} antwoorden`,
    skillStart: (skill: string) => `${skill}: begin`,
    skillEnd: (skill: string) => `${skill}: eind`,
    retentionParticipants: (months: number) => `Na ${months} maanden nog in dienst: deelnemers`,
    retentionComparison: (months: number) =>
      `Na ${months} maanden nog in dienst: vergelijkbare niet-deelnemers`,
    retentionDifference: (months: number) => `Na ${months} maanden: verschil`,
    retentionUnmatched: (months: number) =>
      `Na ${months} maanden: deelnemers zonder vergelijkbare collega`,
    retention: (months: number) => `Behoud na ${months} maanden`,
    retained: (retained: number, n: number) => `${retained} van ${n} nog in dienst`,
    change: 'Verbetering ("jullie zeiden, wij deden")',
    startsOn: 'Begint op',
  },
  withheld: (reason: WithheldReason, needed: number) =>
    reason === 'too_few'
      ? `niet getoond: minder dan ${needed} mensen`
      : reason === 'overlap'
        ? `niet getoond: naast de andere groepen zou het minder dan ${needed} mensen beschrijven`
        : `niet getoond: de andere perioden zouden minder dan ${needed} mensen beschrijven`,
  noAnswers: 'nog geen antwoorden',
  pdf: {
    title: 'Bestuursrapportage mentoring',
    headline: 'Kerncijfers',
    enrolled: 'ingeschreven',
    matched: 'gekoppeld',
    learnedSkills: 'leerde nieuwe vaardigheden',
    careerStep: 'zette een carrièrestap',
    inspired: 'voelde zich geïnspireerd',
    nps: 'aanbevelingsscore (NPS)',
    outcomesChart: 'Uitkomsten volgens de deelnemers',
    retentionChart: 'Nog in dienst: deelnemers tegenover vergelijkbare collega’s',
    participants: 'deelnemers',
    comparison: 'vergelijkbaar',
    months: (months: number) => `${months} mnd`,
    respondents: (n: number) => `${n} deelnemers vulden de eindvragenlijst in`,
    activity: (days: string, meetings: string, rate: string) =>
      `Mediaan ${days} dagen tot een koppeling · ${meetings} gesprekken per relatie · ${rate} van de check-ins beantwoord`,
    topSkills: 'Meest geleerd',
    stories: 'Wat mentoring bracht',
    noStories: 'Er zijn nog geen gepubliceerde verhalen.',
    retentionNote:
      'Behoud: het aandeel deelnemers dat 6 en 12 maanden na de start nog in dienst was, tegenover collega’s van dezelfde afdeling en functieniveaugroep die niet deelnamen; de strepen geven het 95%-interval.',
    withheldNote: (needed: number) =>
      `— niet getoond: te weinig mensen (minder dan ${needed}) om het anoniem te laten.`,
    generated: (date: string) => `Gemaakt met Klik op ${date}.`,
    difference: (value: string, low: string, high: string) =>
      `verschil ${value} procentpunt (95%-interval ${low} tot ${high})`,
  },
};

const en: typeof nl = {
  columns: {
    section: 'Section',
    figure: 'Figure',
    value: 'Value',
    unit: 'Unit',
    n: 'n / group size',
    low: '95% interval low',
    high: '95% interval high',
    note: 'Note',
  },
  sections: {
    report: 'Report',
    headline: 'Headline figures',
    participation: 'Participation',
    activity: 'Activity',
    outcomes: 'Outcomes',
    topSkills: 'Skills learned',
    growth: 'Growth per skill',
    retention: 'Retention',
    cohortsOverTime: 'Cohorts over time',
  },
  units: {
    people: 'people',
    percent: '%',
    points: 'percentage points',
    days: 'days',
    count: 'count',
    perRelationship: 'per relationship',
    scale: '1–5',
    nps: 'NPS (-100 to 100)',
    text: 'text',
    date: 'date',
  },
  report: {
    organisation: 'Organisation',
    programme: 'Programme',
    cohort: 'Cohort',
    allCohorts: 'all cohorts',
    wholeOrganisation: 'whole organisation',
    generatedAt: 'Generated at',
    minGroup: 'Smallest group shown',
  },
  figures: {
    enrolled: 'Enrolled',
    matched: 'Matched',
    invited: 'Invited',
    notInvited: 'no invitations were sent',
    medianDaysToMatch: 'Days to a match (median)',
    relationships: 'Mentoring relationships',
    meetingsPerRelationship: 'Meetings per relationship',
    checkInsSent: 'Check-ins sent',
    checkInsAnswered: 'Check-ins answered',
    checkInRate: 'Check-in response rate',
    respondents: 'Participants who answered the outcome survey',
    learnedSkills: 'Learned new skills',
    careerStep: 'Took a career step',
    inspired: 'Felt inspired',
    nps: 'Recommend score (NPS)',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    careerKinds: {
      new_role: 'Career step: new role',
      promotion: 'Career step: promotion',
      project: 'Career step: new project',
      network: 'Career step: wider network',
    },
    yesOf: (count: number, of: number) => `${count} of ${of} answers`,
    skillStart: (skill: string) => `${skill}: start`,
    skillEnd: (skill: string) => `${skill}: end`,
    retentionParticipants: (months: number) =>
      `Still employed after ${months} months: participants`,
    retentionComparison: (months: number) =>
      `Still employed after ${months} months: comparable non-participants`,
    retentionDifference: (months: number) => `After ${months} months: difference`,
    retentionUnmatched: (months: number) =>
      `After ${months} months: participants without a comparable colleague`,
    retention: (months: number) => `Retention after ${months} months`,
    retained: (retained: number, n: number) => `${retained} of ${n} still employed`,
    change: 'Change made ("you said, we did")',
    startsOn: 'Starts on',
  },
  withheld: (reason: WithheldReason, needed: number) =>
    reason === 'too_few'
      ? `withheld: fewer than ${needed} people`
      : reason === 'overlap'
        ? `withheld: beside the other groups it would describe fewer than ${needed} people`
        : `withheld: the other periods would describe fewer than ${needed} people`,
  noAnswers: 'no answers yet',
  pdf: {
    title: 'Mentoring board report',
    headline: 'Headline figures',
    enrolled: 'enrolled',
    matched: 'matched',
    learnedSkills: 'learned new skills',
    careerStep: 'took a career step',
    inspired: 'felt inspired',
    nps: 'recommend score (NPS)',
    outcomesChart: 'Outcomes, as participants report them',
    retentionChart: 'Still employed: participants against comparable colleagues',
    participants: 'participants',
    comparison: 'comparable',
    months: (months: number) => `${months} mo`,
    respondents: (n: number) => `${n} participants answered the outcome survey`,
    activity: (days: string, meetings: string, rate: string) =>
      `Median ${days} days to a match · ${meetings} meetings per relationship · ${rate} of check-ins answered`,
    topSkills: 'Learned most',
    stories: 'What mentoring brought',
    noStories: 'No stories have been published yet.',
    retentionNote:
      'Retention: the share of participants still employed 6 and 12 months after they started, against colleagues of the same department and job-level band who did not take part; the whiskers show the 95% interval.',
    withheldNote: (needed: number) =>
      `— withheld: too few people (fewer than ${needed}) to keep it anonymous.`,
    generated: (date: string) => `Generated by Klik on ${date}.`,
    difference: (value: string, low: string, high: string) =>
      `difference ${value} percentage points (95% interval ${low} to ${high})`,
  },
};

export type ExportTexts = typeof nl;

/** What the outcome report's exports (CSV, XLSX, board report PDF) say, in the chosen language. */
export const exportTexts: Record<Locale, ExportTexts> = { nl, en };

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "2 december 2026" / "2 December 2026". */
export function formatDate(lang: Locale, iso: string, timeZone = 'Europe/Amsterdam'): string {
  return new Intl.DateTimeFormat(intlLocale[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

/** A number as the language writes it: "2,5" / "2.5". */
export function formatNumber(lang: Locale, value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale[lang], {
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
