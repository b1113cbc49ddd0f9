import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from './csv.js';
import { renderPdf, storyText, winAnsi } from './pdf.js';
import { escapeFormula } from './rows.js';
import { fixtureReport, fixtureStories } from './test-fixture.js';
import { renderXlsx } from './xlsx.js';

/** RFC 4180 parse (quoted fields with doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

async function pdfText(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

describe('formula escaping', () => {
  it('prefixes text that a spreadsheet would run as a formula, and nothing else', () => {
    for (const text of ['=SUM(A1)', '+31 6', '-2+3', '@cmd', '\t=1', '\r=1']) {
      expect(escapeFormula(text)).toBe(`'${text}`);
    }
    for (const text of ['Noordzee', 'a=b', ' =1', '', '95%']) {
      expect(escapeFormula(text)).toBe(text);
    }
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and escapes formula-like text, numbers stay numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(null)).toBe('');
  });

  it('has a byte order mark, a header and every figure, withheld ones saying why', () => {
    const csv = renderCsv(fixtureReport(), 'en');
    expect(csv.startsWith('\uFEFFSection,Figure,Value,Unit,n / group size,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.every((row) => row.length === 8)).toBe(true);
    const find = (figure: string) => rows.find((row) => row[1] === figure);
    expect(find('Enrolled')?.slice(0, 3)).toEqual(['Headline figures', 'Enrolled', '48']);
    expect(find('Learned new skills')?.slice(2, 5)).toEqual(['71', '%', '24']);
    // Retention after 6 months with its interval, in percent.
    expect(find('Still employed after 6 months: participants')?.slice(2, 7)).toEqual([
      '95',
      '%',
      '40',
      '83.5',
      '98.6',
    ]);
    expect(find('Still employed after 6 months: comparable non-participants')?.slice(4, 7)).toEqual(
      ['310', '84.2', '91.3'],
    );
    expect(find('After 6 months: difference')?.slice(2, 7)).toEqual([
      '6.8',
      'percentage points',
      '',
      '-2.1',
      '14.1',
    ]);
    expect(find('Retention after 12 months')?.[7]).toBe('withheld: fewer than 5 people');
    expect(find('Skills learned')?.[7]).toBe('withheld: fewer than 5 people');
    // User-written text beginning like a formula is escaped wherever it lands.
    expect(find("'@Data-analyse: start")?.slice(2, 5)).toEqual(['2.1', '1–5', '8']);
    expect(find("'+Coaching")?.[7]).toBe('withheld: fewer than 5 people');
    const change = rows.find((row) => row[1] === 'Change made ("you said, we did")');
    expect(change?.[0]).toBe('Cohorts over time: =Voorjaar "2026"');
    expect(change?.[2]).toBe("'-Kortere check-ins, vaker een gesprek\nen een kick-off");
    const earlier = rows.filter((row) => row[0] === 'Cohorts over time: Najaar, 2025');
    expect(earlier.find((row) => row[1] === 'Learned new skills')?.[7]).toBe(
      'withheld: fewer than 5 people',
    );
    // No cell of the file starts like a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
  });

  it('speaks Dutch', () => {
    const csv = renderCsv(fixtureReport(), 'nl');
    expect(csv).toContain('Kerncijfers,Ingeschreven,48,mensen');
    expect(csv).toContain('Voelde zich geïnspireerd,83,%,24');
    expect(csv).toContain('niet getoond: minder dan 5 mensen');
  });
});

describe('XLSX export', () => {
  async function readBack(lang: 'nl' | 'en') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderXlsx(fixtureReport(), lang)) as unknown as ExcelJS.Buffer,
    );
    return workbook;
  }

  it('has a sheet per section with headers, numbers as numbers', async () => {
    const workbook = await readBack('en');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Report',
      'Headline figures',
      'Participation',
      'Activity',
      'Outcomes',
      'Skills learned',
      'Growth per skill',
      'Retention',
      'Cohorts over time',
    ]);
    const headline = workbook.getWorksheet('Headline figures')!;
    expect(headline.getRow(1).values).toEqual([
      undefined,
      'Figure',
      'Value',
      'Unit',
      'n / group size',
      '95% interval low',
      '95% interval high',
      'Note',
    ]);
    expect(headline.getCell('A2').value).toBe('Enrolled');
    expect(headline.getCell('B2').value).toBe(48);
    const retention = workbook.getWorksheet('Retention')!;
    expect(retention.getRow(2).values).toEqual([
      undefined,
      'Still employed after 6 months: participants',
      95,
      '%',
      40,
      83.5,
      98.6,
      '38 of 40 still employed',
    ]);
    const outcomes = workbook.getWorksheet('Outcomes')!;
    const nps = outcomes
      .getRows(2, outcomes.rowCount - 1)!
      .find((row) => row.getCell(1).value === 'Recommend score (NPS)');
    expect(nps?.getCell(2).value).toBe(46);
    expect(nps?.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    // Columns are as wide as their text (within bounds).
    expect(retention.getColumn(1).width).toBeGreaterThan(40);
    expect(retention.getColumn(4).width).toBeGreaterThanOrEqual(10);
  });

  it('escapes formula-like text cells and keeps them text', async () => {
    const workbook = await readBack('en');
    const cohorts = workbook.getWorksheet('Cohorts over time')!;
    expect(cohorts.getCell('A3').value).toBe('\'=Voorjaar "2026"');
    expect(cohorts.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(cohorts.getCell('J3').value).toBe(
      "'-Kortere check-ins, vaker een gesprek\nen een kick-off",
    );
    expect(cohorts.getCell('C3').value).toBe(28);
    expect(cohorts.getCell('E2').value).toBeNull();
    const growth = workbook.getWorksheet('Growth per skill')!;
    expect(growth.getCell('A2').value).toBe("'@Data-analyse: start");
    expect(growth.getCell('A4').value).toBe("'+Coaching");
    expect(growth.getCell('G4').value).toBe('withheld: fewer than 5 people');
    // No text cell anywhere begins like a formula, and no cell holds a formula.
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      ),
    );
  });

  it('speaks Dutch', async () => {
    const workbook = await readBack('nl');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Lichtingen door de tijd');
    expect(workbook.getWorksheet('Kerncijfers')!.getCell('A2').value).toBe('Ingeschreven');
  });
});

describe('board report PDF', () => {
  it('is one A4 page with the title and the headline figures, in English', async () => {
    const pdf = await renderPdf(fixtureReport(), 'en', { stories: fixtureStories });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('MENTORING BOARD REPORT');
    expect(text).toContain('Omgekeerd mentoren: directie leert van jong talent');
    expect(text).toContain('Noordzee Energie');
    expect(text).toContain('2 December 2026');
    for (const figure of ['48', '42', '71%', '38%', '83%', '46']) expect(text).toContain(figure);
    expect(text).toContain('took a career step');
    // Retention: the 6-month bars with group sizes; 12 months withheld, with the footnote.
    expect(text).toContain('participants (40)');
    expect(text).toContain('comparable (310)');
    expect(text).toContain('95%');
    expect(text).toContain('88%');
    expect(text).toContain('withheld: too few people (fewer than 5)');
    // The stories in English; a text only written in Dutch falls back to it (cut off to fit).
    expect(text).toContain('A mentor who listens');
    expect(text).toContain('What I learned from a young engineer');
    expect(text).toContain('Als directeur dacht ik dat ik AI wel begreep.');
    expect(text).not.toContain('Wat ik leerde van een jonge engineer');
    expect(text).toContain('Ingrid de Vries-Ëlberg');
    expect(text).toContain('…');
  });

  it('is one page in Dutch too', async () => {
    const pdf = await renderPdf(fixtureReport(), 'nl', { stories: fixtureStories.slice(0, 1) });
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('BESTUURSRAPPORTAGE MENTORING');
    expect(text).toContain('2 december 2026');
    expect(text).toContain('voelde zich geïnspireerd');
    expect(text).toContain('zette een carrièrestap');
    for (const figure of ['48', '42', '71%', '38%', '83%', '46']) expect(text).toContain(figure);
    expect(text).toContain('Wat ik leerde van een jonge engineer');
    expect(text).toContain('niet getoond: te weinig mensen');
  });

  it('shows withheld headline figures as a dash with the footnote, and stays on one page', async () => {
    const report = fixtureReport({
      headline: {
        enrolled: 4,
        matched: 3,
        learnedSkillsPercent: null,
        careerStepPercent: null,
        inspiredPercent: null,
        nps: null,
        respondents: null,
      },
      scope: {
        kind: 'organisation',
        organisationName: 'Noordzee Energie '.repeat(20),
        programmeId: null,
        programmeName: null,
        cohort: null,
      },
    });
    const long = { ...fixtureStories[0]!, titleNl: 'Lang '.repeat(80) };
    const { text, pages } = await pdfText(
      await renderPdf(report, 'en', { stories: [long, long, long] }),
    );
    expect(pages).toBe(1);
    expect(text).toContain('—');
    expect(text).toContain('withheld: fewer than 5 people');
    expect(text).toContain('whole organisation');
  });

  it('embeds a story photo', async () => {
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#336699' },
    })
      .jpeg()
      .toBuffer();
    const withPhoto = await renderPdf(fixtureReport(), 'en', {
      stories: [{ ...fixtureStories[1]!, photo }],
    });
    const without = await renderPdf(fixtureReport(), 'en', { stories: [fixtureStories[1]!] });
    expect(withPhoto.toString('latin1')).toContain('/Subtype /Image');
    expect(without.toString('latin1')).not.toContain('/Subtype /Image');
    // A photo that is not an image is left out, the report still renders.
    const broken = await renderPdf(fixtureReport(), 'en', {
      stories: [{ ...fixtureStories[1]!, photo: Buffer.from('not a jpeg') }],
    });
    expect((await pdfText(broken)).pages).toBe(1);
  });

  it('picks the chosen language and falls back to the other', () => {
    expect(storyText(fixtureStories[1]!, 'nl')).toEqual([
      'A mentor who listens',
      expect.stringContaining('first team lead role'),
    ]);
    expect(storyText(fixtureStories[0]!, 'en')[0]).toBe('What I learned from a young engineer');
  });

  it('keeps what WinAnsi can show', () => {
    expect(winAnsi('Één café — “ë” €5 …')).toBe('Één café — “ë” €5 …');
    expect(winAnsi('Łódź 🚀 ő')).toBe('?ódz  o');
  });
});
