import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolment,
  feedbackAction,
  programme,
  programmeCohort,
  story,
} from '../../../db/schema.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createPerson, signedIn } from '../../../test/factories.js';
import { defaultConflictRules } from '../../programmes/service.js';
import type { OutcomeReport } from '../schema.js';

/**
 * The outcome report's exports through HTTP: content types, attachment names, no caching, the
 * report's own permissions (a member 403, another organisation 404), the figures of the JSON
 * report in each file, formula-like names escaped, and the board report's stories (published
 * ones only, organisation-wide first).
 */
let ctx: TestContext;
const now = new Date('2026-06-15T12:00:00Z');
let organisationId: string;
let programmeId: string;
let otherProgrammeId: string;
let cohortId: string;
let admin: Awaited<ReturnType<typeof signedIn>>;
let member: Awaited<ReturnType<typeof signedIn>>;
let orgSponsor: Awaited<ReturnType<typeof signedIn>>;
let outsider: Awaited<ReturnType<typeof signedIn>>;

const PROGRAMME_NAME = '=Omgekeerd mentoren, "directie" leert';

async function newProgramme(name: string): Promise<string> {
  const [row] = await ctx.db
    .insert(programme)
    .values({
      organisationId,
      name,
      type: 'reverse',
      status: 'published',
      conflictRules: defaultConflictRules,
      startsOn: '2025-01-01',
      publishedAt: new Date('2024-12-01T10:00:00Z'),
    })
    .returning({ id: programme.id });
  return row!.id;
}

beforeAll(async () => {
  ctx = await createTestContext({}, { clock: () => now });
  admin = await signedIn(ctx.app, 'org_admin');
  organisationId = admin.organisationId;
  member = await signedIn(ctx.app, 'member', organisationId);
  orgSponsor = await signedIn(ctx.app, 'sponsor', organisationId);
  outsider = await signedIn(ctx.app, 'org_admin');
  programmeId = await newProgramme(PROGRAMME_NAME);
  otherProgrammeId = await newProgramme('Ander programma');
  const [cohort] = await ctx.db
    .insert(programmeCohort)
    .values({ programmeId, organisationId, name: 'Voorjaar 2025', startsOn: '2025-01-01' })
    .returning({ id: programmeCohort.id });
  cohortId = cohort!.id;
  // A second run, and a change made between the two: cohorts over time name it.
  await ctx.db
    .insert(programmeCohort)
    .values({ programmeId, organisationId, name: 'Najaar 2025', startsOn: '2025-09-01' });
  await ctx.db.insert(feedbackAction).values({
    organisationId,
    programmeId,
    saidNl: 'Te lange check-ins',
    saidEn: 'Check-ins too long',
    didNl: '=Kortere check-ins',
    didEn: '=Shorter check-ins',
    createdAt: new Date('2025-05-01T10:00:00Z'),
  });

  const people = [];
  for (let i = 0; i < 7; i++) {
    people.push(await createPerson(ctx.app, { organisationId, department: 'Sales' }));
  }
  await ctx.db.insert(enrolment).values(
    people.map((p, i) => ({
      programmeId,
      organisationId,
      personId: p.id,
      role: i === 0 ? ('mentor' as const) : ('mentee' as const),
      createdAt: new Date('2025-01-10T10:00:00Z'),
    })),
  );

  const author = await createPerson(ctx.app, {
    organisationId,
    givenName: 'Ingrid',
    familyName: 'de Vries',
  });
  const published = (values: Partial<typeof story.$inferInsert>) => ({
    organisationId,
    programmeId,
    authorId: author.id,
    status: 'published' as const,
    audience: 'programme' as const,
    publishedAt: new Date('2026-05-01T10:00:00Z'),
    ...values,
  });
  await ctx.db.insert(story).values([
    published({
      titleNl: 'Voor het programma',
      bodyNl: 'Alleen voor de deelnemers.',
      publishedAt: new Date('2026-06-01T10:00:00Z'),
    }),
    published({
      titleNl: 'Wat de directeur leerde',
      titleEn: 'What the director learned',
      bodyNl: 'Over AI, van een jonge engineer.',
      bodyEn: 'About AI, from a young engineer.',
      audience: 'organisation',
    }),
    published({ titleNl: 'Ingetrokken verhaal', status: 'withdrawn' }),
    published({ titleNl: 'Nog een concept', status: 'submitted', publishedAt: null }),
    published({
      titleNl: 'Van een ander programma',
      programmeId: otherProgrammeId,
      audience: 'programme',
    }),
  ]);
}, 120_000);
afterAll(async () => ctx.close());

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });

async function pdfText(body: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

async function report(url: string): Promise<OutcomeReport> {
  const response = await get(url, admin.cookie);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const today = now.toISOString().slice(0, 10);
const programmeUrl = () => `/api/programmes/${programmeId}/outcomes`;

describe('outcome report exports', () => {
  it('answers each format with its type, an attachment name and no caching', async () => {
    const types = {
      csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    };
    for (const [format, type] of Object.entries(types)) {
      const response = await get(`${programmeUrl()}/export.${format}`, admin.cookie);
      expect(response.statusCode, format).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="klik-outcomes-omgekeerd-mentoren-directie-leert-${today}.${format}"`,
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      const whole = await get(`/api/outcomes/export.${format}`, orgSponsor.cookie);
      expect(whole.statusCode, format).toBe(200);
      expect(whole.headers['content-type']).toBe(type);
      expect(whole.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="klik-outcomes-[a-z0-9-]+-${today}\\.${format}"$`),
      );
      expect(whole.headers['cache-control']).toBe('private, no-store');
    }
    const cohort = await get(`${programmeUrl()}/export.csv?cohort=${cohortId}`, admin.cookie);
    expect(cohort.headers['content-disposition']).toContain(
      `klik-outcomes-omgekeerd-mentoren-directie-leert-voorjaar-2025-${today}.csv`,
    );
  });

  it('follows the report’s permissions', async () => {
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const programmeExport = `${programmeUrl()}/export.${format}`;
      expect((await get(programmeExport)).statusCode).toBe(401);
      expect((await get(programmeExport, member.cookie)).statusCode).toBe(403);
      expect((await get(`/api/outcomes/export.${format}`, member.cookie)).statusCode).toBe(403);
      const foreign = await get(programmeExport, outsider.cookie);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).not.toContain('Omgekeerd');
      // Another organisation's export of its own organisation says nothing of this one.
      const own = await get(`/api/outcomes/export.${format}`, outsider.cookie);
      expect(own.statusCode).toBe(200);
      if (format === 'csv') expect(own.body).not.toContain('Omgekeerd');
    }
    // A cohort of another programme, and a bad language, are refused naming the field.
    const otherCohort = await get(
      `${programmeUrl()}/export.csv?cohort=00000000-0000-4000-8000-000000000000`,
      admin.cookie,
    );
    expect(otherCohort.statusCode).toBe(404);
    const badLang = await get(`${programmeUrl()}/export.csv?lang=de`, admin.cookie);
    expect(badLang.statusCode).toBe(400);
    expect(badLang.body).toContain('lang');
  });

  it('CSV: the report’s figures, the name escaped, in the language asked or the caller’s', async () => {
    const json = await report(programmeUrl());
    const en = await get(`${programmeUrl()}/export.csv?lang=en`, admin.cookie);
    expect(en.body.startsWith('\uFEFFSection,Figure,Value')).toBe(true);
    expect(en.body).toContain(`Headline figures,Enrolled,${json.headline.enrolled},people`);
    expect(en.body).toContain(`Participation,Matched,${json.participation.matched},people`);
    expect(en.body).toContain(`Report,Programme,"'${PROGRAMME_NAME.replaceAll('"', '""')}",text`);
    // No language asked: the caller's screen language decides.
    const nl = await get(`${programmeUrl()}/export.csv`, admin.cookie, { 'x-klik-locale': 'nl' });
    expect(nl.body).toContain(`Kerncijfers,Ingeschreven,${json.headline.enrolled},mensen`);
    const enByScreen = await get(`${programmeUrl()}/export.csv`, admin.cookie, {
      'x-klik-locale': 'en',
    });
    expect(enByScreen.body).toContain('Headline figures,Enrolled');
    // The report itself is read in the file's language ('you said, we did'), escaped.
    expect(en.body).toContain(
      `Cohorts over time: Najaar 2025,"Change made (""you said, we did"")",'=Shorter check-ins,text`,
    );
    expect(en.body).not.toContain('Kortere');
    expect(nl.body).toContain("'=Kortere check-ins,tekst");
  });

  it('XLSX: read back, numbers are numbers and formula-like text is escaped', async () => {
    const json = await report(programmeUrl());
    const response = await get(`${programmeUrl()}/export.xlsx?lang=en`, admin.cookie);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const headline = workbook.getWorksheet('Headline figures')!;
    expect(headline.getCell('A2').value).toBe('Enrolled');
    expect(headline.getCell('B2').value).toBe(json.headline.enrolled);
    expect(headline.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    const about = workbook.getWorksheet('Report')!;
    expect(about.getCell('B3').value).toBe(`'${PROGRAMME_NAME}`);
    expect(about.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });

  it('PDF: one page with the title, the headline figures and the published stories', async () => {
    const json = await report(programmeUrl());
    const response = await get(`${programmeUrl()}/export.pdf?lang=en`, admin.cookie);
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('MENTORING BOARD REPORT');
    expect(text).toContain(PROGRAMME_NAME);
    expect(text).toContain(`${json.headline.enrolled}\nenrolled`);
    expect(text).toContain(`${json.headline.matched}\nmatched`);
    // The organisation-wide story first (in English), then the programme's; never a withdrawn,
    // unpublished or another programme's story.
    expect(text).toContain('What the director learned');
    expect(text).toContain('Ingrid de Vries');
    expect(text.indexOf('What the director learned')).toBeLessThan(
      text.indexOf('Voor het programma'),
    );
    expect(text).not.toContain('Ingetrokken');
    expect(text).not.toContain('Nog een concept');
    expect(text).not.toContain('Van een ander programma');

    const nl = await pdfText(
      (await get(`${programmeUrl()}/export.pdf?lang=nl`, admin.cookie)).rawPayload,
    );
    expect(nl.pages).toBe(1);
    expect(nl.text).toContain('BESTUURSRAPPORTAGE MENTORING');
    expect(nl.text).toContain('Wat de directeur leerde');
    expect(nl.text).toContain(`${json.headline.enrolled}\ningeschreven`);
  });

  it('PDF of the organisation: only stories meant for the whole organisation', async () => {
    const response = await get('/api/outcomes/export.pdf?lang=nl', orgSponsor.cookie);
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('hele organisatie');
    expect(text).toContain('Wat de directeur leerde');
    expect(text).not.toContain('Voor het programma');
  });
});
