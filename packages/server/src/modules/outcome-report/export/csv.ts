import type { Locale } from '../../../i18n/locale.js';
import type { OutcomeReport } from '../schema.js';
import { escapeFormula, reportRows } from './rows.js';
import { exportTexts } from './texts.js';

/** Excel reads a UTF-8 file as such (é, ë) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): text escaped against formulas, quoted when it holds a comma, a quote,
 * a line break or leading/trailing space; numbers as they are (a dot for decimals, any language).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = escapeFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The outcome report as one CSV table: every figure a row, with CRLF line ends. */
export function renderCsv(report: OutcomeReport, lang: Locale): string {
  const c = exportTexts[lang].columns;
  const header = [c.section, c.figure, c.value, c.unit, c.n, c.low, c.high, c.note];
  const lines = [
    header,
    ...reportRows(report, lang).map((row) => [
      row.sectionLabel,
      row.figure,
      row.value,
      row.unit,
      row.n,
      row.low,
      row.high,
      row.note,
    ]),
  ].map((cells) => cells.map(csvField).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
