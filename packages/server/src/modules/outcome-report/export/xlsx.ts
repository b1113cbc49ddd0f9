import ExcelJS from 'exceljs';
import type { Locale } from '../../../i18n/locale.js';
import type { OutcomeReport } from '../schema.js';
import { escapeFormula, reportRows } from './rows.js';
import { exportTexts } from './texts.js';

type Cell = string | number | null;

/**
 * The outcome report as a workbook: a sheet per section (figure, value, unit, n, 95% interval,
 * note), the cohorts over time as one table with a column per headline figure. Numbers are
 * numbers; every text cell is escaped against formulas.
 */
export async function renderXlsx(report: OutcomeReport, lang: Locale): Promise<Buffer> {
  const t = exportTexts[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klik';
  workbook.created = new Date(report.generatedAt);
  workbook.title = report.scope.programmeName ?? report.scope.organisationName;

  const rows = reportRows(report, lang);
  const sections = [...new Set(rows.map((row) => row.section))].filter(
    (section) => section !== 'cohortsOverTime',
  );
  const c = t.columns;
  for (const section of sections) {
    addSheet(
      workbook,
      t.sections[section],
      [c.figure, c.value, c.unit, c.n, c.low, c.high, c.note],
      rows
        .filter((row) => row.section === section)
        .map((row) => [row.figure, row.value, row.unit, row.n, row.low, row.high, row.note]),
    );
  }

  // Cohorts over time: one row per cohort, then the changes made before each.
  const f = t.figures;
  addSheet(
    workbook,
    t.sections.cohortsOverTime,
    [
      t.report.cohort,
      f.startsOn,
      f.enrolled,
      f.matched,
      `${f.learnedSkills} (%)`,
      `${f.careerStep} (%)`,
      `${f.inspired} (%)`,
      f.nps,
      f.respondents,
      f.change,
    ],
    report.cohortsOverTime.map(({ cohort, headline, changesBefore }) => [
      cohort.name,
      cohort.startsOn,
      headline.enrolled,
      headline.matched,
      headline.learnedSkillsPercent,
      headline.careerStepPercent,
      headline.inspiredPercent,
      headline.nps,
      headline.respondents,
      changesBefore.map((change) => change.did).join('\n'),
    ]),
  );

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], body: Cell[][]) {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(header.map(escapeFormula)).font = { bold: true };
  for (const cells of body) {
    const row = sheet.addRow(
      cells.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)),
    );
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') {
        cell.numFmt = Number.isInteger(cell.value) ? '0' : '0.0';
      } else if (typeof cell.value === 'string' && cell.value.includes('\n')) {
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
    });
  }
  header.forEach((title, index) => {
    const widest = Math.max(
      title.length,
      ...body.map((cells) => longestLine(cells[index] ?? null)),
    );
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
}

function longestLine(cell: Cell): number {
  if (cell === null) return 0;
  return Math.max(
    ...String(cell)
      .split('\n')
      .map((line) => line.length),
  );
}
