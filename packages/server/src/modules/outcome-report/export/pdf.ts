import PDFDocument from 'pdfkit';
import type { Locale } from '../../../i18n/locale.js';
import type { OutcomeReport } from '../schema.js';
import { exportTexts, formatDate, formatNumber, type ExportTexts } from './texts.js';

/** A published story as the board report shows it; the text in both languages, one may be empty. */
export interface BoardStory {
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  /** The author's name as the story is signed (null: unsigned). */
  authorName: string | null;
  /** The photo as resized on upload (JPEG), or null. */
  photo: Buffer | null;
}

export interface PdfExtras {
  /** At most two are shown. */
  stories: BoardStory[];
}

// A4 in points, and the layout's grid.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = PAGE.width - 2 * MARGIN;
const COLOURS = {
  ink: '#1a1b1e',
  muted: '#5c5f66',
  tile: '#f1f3f5',
  brand: '#1c7ed6',
  comparison: '#adb5bd',
  rule: '#dee2e6',
};

/**
 * The one-page board report (A4): title, headline figures as big numbers, the survey outcomes and
 * retention against comparable colleagues as bar charts drawn with pdfkit's own lines and
 * rectangles, one or two published stories, and footnotes. Every text has a fixed box and is cut
 * off with an ellipsis, so nothing flows onto a second page. Helvetica (WinAnsi): characters it
 * cannot show are replaced.
 */
export function renderPdf(report: OutcomeReport, lang: Locale, extras: PdfExtras): Promise<Buffer> {
  const t = exportTexts[lang];
  const subject = report.scope.programmeName ?? report.scope.organisationName;
  const date = formatDate(lang, report.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: {
      Title: winAnsi(`${t.pdf.title}: ${subject}`),
      Author: 'Klik',
      Creator: 'Klik',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const state = { withheld: false };
  let y = MARGIN - 8;

  // Title.
  line(doc, t.pdf.title.toUpperCase(), MARGIN, y, WIDTH, 9, 'Helvetica-Bold', COLOURS.brand);
  y += 16;
  line(doc, subject, MARGIN, y, WIDTH, 20, 'Helvetica-Bold', COLOURS.ink);
  y += 28;
  const scopeParts = [
    report.scope.programmeName === null
      ? t.report.wholeOrganisation
      : report.scope.organisationName,
    report.scope.cohort
      ? `${t.report.cohort} ${report.scope.cohort.name}`
      : `${t.report.cohort}: ${t.report.allCohorts}`,
    date,
  ];
  line(doc, scopeParts.join(' · '), MARGIN, y, WIDTH, 10, 'Helvetica', COLOURS.muted);
  y += 24;

  // Headline figures as big numbers.
  heading(doc, t.pdf.headline, y);
  y += 18;
  const h = report.headline;
  const percent = (value: number | null) => (value === null ? null : `${value}%`);
  const tiles: [string | null, string][] = [
    [String(h.enrolled), t.pdf.enrolled],
    [String(h.matched), t.pdf.matched],
    [percent(h.learnedSkillsPercent), t.pdf.learnedSkills],
    [percent(h.careerStepPercent), t.pdf.careerStep],
    [percent(h.inspiredPercent), t.pdf.inspired],
    [h.nps === null ? null : String(h.nps), t.pdf.nps],
  ];
  const gap = 8;
  const tileWidth = (WIDTH - gap * (tiles.length - 1)) / tiles.length;
  const tileHeight = 74;
  tiles.forEach(([value, label], index) => {
    const x = MARGIN + index * (tileWidth + gap);
    doc.save().rect(x, y, tileWidth, tileHeight).fill(COLOURS.tile).restore();
    if (value === null) state.withheld = true;
    line(doc, value ?? '—', x, y + 12, tileWidth, 24, 'Helvetica-Bold', COLOURS.ink, 'center');
    box(doc, label, x + 4, y + 44, tileWidth - 8, 24, 8, 'Helvetica', COLOURS.muted, 'center');
  });
  y += tileHeight + 10;

  const respondents =
    h.respondents === null
      ? t.withheld('too_few', report.minGroup)
      : t.pdf.respondents(h.respondents);
  const { participation, activity } = report;
  const activityLine = t.pdf.activity(
    participation.medianDaysToMatch === null
      ? '—'
      : formatNumber(lang, participation.medianDaysToMatch),
    activity.meetingsPerRelationship === null
      ? '—'
      : formatNumber(lang, activity.meetingsPerRelationship),
    activity.checkIns.percent === null ? '—' : `${activity.checkIns.percent}%`,
  );
  line(doc, respondents, MARGIN, y, WIDTH, 9, 'Helvetica', COLOURS.muted);
  y += 13;
  line(doc, activityLine, MARGIN, y, WIDTH, 9, 'Helvetica', COLOURS.muted);
  y += 24;

  // Two charts side by side.
  const chartWidth = (WIDTH - 24) / 2;
  const chartHeight = 170;
  outcomesChart(doc, t, report, MARGIN, y, chartWidth, state);
  retentionChart(doc, lang, t, report, MARGIN + chartWidth + 24, y, chartWidth, state);
  y += chartHeight;

  // The skills learned most.
  const topSkills = report.outcomes.topSkills;
  const skills = topSkills.shown
    ? topSkills.items
        .slice(0, 5)
        .map((item) => `${item.label} (${item.count})`)
        .join(', ')
    : `— (${t.withheld(topSkills.reason, topSkills.needed)})`;
  if (!topSkills.shown) state.withheld = true;
  if (topSkills.shown && topSkills.items.length === 0) {
    // Nothing to say: no line.
  } else {
    line(doc, `${t.pdf.topSkills}: ${skills}`, MARGIN, y, WIDTH, 9, 'Helvetica', COLOURS.ink);
    y += 22;
  }

  // One or two stories, in the space left above the footnotes.
  const footTop = PAGE.height - MARGIN - 52;
  heading(doc, t.pdf.stories, y);
  y += 18;
  const stories = extras.stories.slice(0, 2);
  if (stories.length === 0) {
    line(doc, t.pdf.noStories, MARGIN, y, WIDTH, 9, 'Helvetica', COLOURS.muted);
  } else {
    const storyHeight = Math.min(
      200,
      (footTop - 12 - y - (stories.length - 1) * 12) / stories.length,
    );
    for (const story of stories) {
      drawStory(doc, lang, story, MARGIN, y, WIDTH, storyHeight);
      y += storyHeight + 12;
    }
  }

  // Footnotes.
  doc
    .save()
    .moveTo(MARGIN, footTop)
    .lineTo(MARGIN + WIDTH, footTop)
    .lineWidth(0.5)
    .stroke(COLOURS.rule)
    .restore();
  let footY = footTop + 6;
  if (state.withheld) {
    box(
      doc,
      t.pdf.withheldNote(report.minGroup),
      MARGIN,
      footY,
      WIDTH,
      10,
      7.5,
      'Helvetica',
      COLOURS.muted,
    );
    footY += 11;
  }
  box(doc, t.pdf.retentionNote, MARGIN, footY, WIDTH, 20, 7.5, 'Helvetica', COLOURS.muted);
  footY += 21;
  box(doc, t.pdf.generated(date), MARGIN, footY, WIDTH, 10, 7.5, 'Helvetica', COLOURS.muted);

  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'center' | 'right';

/** One line of text in a fixed box, cut off with an ellipsis. */
function line(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  font: string,
  colour: string,
  align: Align = 'left',
) {
  box(doc, text, x, y, width, size * 1.25, size, font, colour, align);
}

/** Text in a fixed box: wrapped, cut off with an ellipsis at the box's foot, never a new page. */
function box(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  size: number,
  font: string,
  colour: string,
  align: Align = 'left',
) {
  doc
    .font(font)
    .fontSize(size)
    .fillColor(colour)
    .text(winAnsi(text), x, y, { width, height, ellipsis: true, align, lineGap: 1 });
}

function heading(doc: Doc, text: string, y: number) {
  line(doc, text, MARGIN, y, WIDTH, 11, 'Helvetica-Bold', COLOURS.ink);
}

/** Horizontal bars of the survey's outcome percentages (0–100). */
function outcomesChart(
  doc: Doc,
  t: ExportTexts,
  report: OutcomeReport,
  x: number,
  y: number,
  width: number,
  state: { withheld: boolean },
) {
  box(doc, t.pdf.outcomesChart, x, y, width, 26, 10, 'Helvetica-Bold', COLOURS.ink);
  const h = report.headline;
  const bars: [string, number | null][] = [
    [t.pdf.learnedSkills, h.learnedSkillsPercent],
    [t.pdf.careerStep, h.careerStepPercent],
    [t.pdf.inspired, h.inspiredPercent],
  ];
  const barLeft = x;
  const barWidth = width - 40;
  let rowY = y + 30;
  for (const [label, value] of bars) {
    line(doc, label, barLeft, rowY, barWidth, 8.5, 'Helvetica', COLOURS.muted);
    const top = rowY + 13;
    doc.save().rect(barLeft, top, barWidth, 12).fill(COLOURS.tile).restore();
    if (value === null) {
      state.withheld = true;
      line(doc, '—', barLeft + barWidth + 6, top + 1, 34, 10, 'Helvetica-Bold', COLOURS.ink);
    } else {
      const filled = (barWidth * Math.max(0, Math.min(100, value))) / 100;
      if (filled > 0) doc.save().rect(barLeft, top, filled, 12).fill(COLOURS.brand).restore();
      line(
        doc,
        `${value}%`,
        barLeft + barWidth + 6,
        top + 1,
        34,
        10,
        'Helvetica-Bold',
        COLOURS.ink,
      );
    }
    rowY += 40;
  }
}

/**
 * Retention after 6 and 12 months: participants against comparable colleagues, each bar (0–100%)
 * with its 95% interval as a whisker.
 */
function retentionChart(
  doc: Doc,
  lang: Locale,
  t: ExportTexts,
  report: OutcomeReport,
  x: number,
  y: number,
  width: number,
  state: { withheld: boolean },
) {
  box(doc, t.pdf.retentionChart, x, y, width, 26, 10, 'Helvetica-Bold', COLOURS.ink);
  const labelWidth = 74;
  const barLeft = x + labelWidth;
  const barWidth = width - labelWidth - 40;
  let rowY = y + 30;
  const at = (share: number) => barLeft + barWidth * Math.max(0, Math.min(1, share));
  const bar = (
    label: string,
    share: { share: number; low: number; high: number },
    colour: string,
  ) => {
    line(doc, label, x, rowY + 1, labelWidth - 4, 8, 'Helvetica', COLOURS.muted);
    doc.save().rect(barLeft, rowY, barWidth, 11).fill(COLOURS.tile).restore();
    doc
      .save()
      .rect(barLeft, rowY, at(share.share) - barLeft, 11)
      .fill(colour)
      .restore();
    const mid = rowY + 5.5;
    doc
      .save()
      .lineWidth(0.8)
      .moveTo(at(share.low), mid)
      .lineTo(at(share.high), mid)
      .moveTo(at(share.low), mid - 3.5)
      .lineTo(at(share.low), mid + 3.5)
      .moveTo(at(share.high), mid - 3.5)
      .lineTo(at(share.high), mid + 3.5)
      .stroke(COLOURS.ink)
      .restore();
    line(
      doc,
      `${Math.round(share.share * 100)}%`,
      barLeft + barWidth + 6,
      rowY + 1,
      34,
      9,
      'Helvetica-Bold',
      COLOURS.ink,
    );
    rowY += 16;
  };
  for (const figure of report.retention) {
    line(
      doc,
      t.figures.retention(figure.months),
      x,
      rowY,
      width,
      8.5,
      'Helvetica-Bold',
      COLOURS.ink,
    );
    rowY += 13;
    if (!figure.shown) {
      state.withheld = true;
      line(doc, '—', x, rowY, 14, 10, 'Helvetica-Bold', COLOURS.ink);
      line(
        doc,
        t.withheld(figure.reason, figure.needed),
        x + 14,
        rowY + 1,
        width - 14,
        8,
        'Helvetica',
        COLOURS.muted,
      );
      rowY += 32;
      continue;
    }
    bar(`${t.pdf.participants} (${figure.participants.n})`, figure.participants, COLOURS.brand);
    bar(`${t.pdf.comparison} (${figure.comparison.n})`, figure.comparison, COLOURS.comparison);
    const points = (share: number) => {
      const value = formatNumber(lang, Math.round(share * 1000) / 10);
      return share > 0 ? `+${value}` : value;
    };
    const { difference } = figure;
    line(
      doc,
      t.pdf.difference(points(difference.value), points(difference.low), points(difference.high)),
      x,
      rowY - 1,
      width,
      7.5,
      'Helvetica',
      COLOURS.muted,
    );
    rowY += 16;
  }
  if (report.retention.length === 0) {
    line(doc, '—', x, rowY, width, 10, 'Helvetica-Bold', COLOURS.ink);
  }
}

/** A story in its box: the photo small on the left, the title, the text cut to fit, the author. */
function drawStory(
  doc: Doc,
  lang: Locale,
  story: BoardStory,
  x: number,
  y: number,
  width: number,
  height: number,
) {
  const [title, body] = storyText(story, lang);
  doc.save().rect(x, y, 3, height).fill(COLOURS.brand).restore();
  let textLeft = x + 12;
  if (story.photo) {
    const side = Math.min(84, height);
    try {
      doc.image(story.photo, textLeft, y, { fit: [side, side] });
      textLeft += side + 12;
    } catch {
      // A photo pdfkit cannot read is left out; the story still shows.
    }
  }
  const textWidth = x + width - textLeft;
  line(doc, title, textLeft, y, textWidth, 11, 'Helvetica-Bold', COLOURS.ink);
  const authorHeight = story.authorName ? 14 : 0;
  box(
    doc,
    body,
    textLeft,
    y + 17,
    textWidth,
    height - 17 - authorHeight,
    9,
    'Helvetica',
    COLOURS.ink,
  );
  if (story.authorName) {
    line(
      doc,
      `— ${story.authorName}`,
      textLeft,
      y + height - 11,
      textWidth,
      8.5,
      'Helvetica-Oblique',
      COLOURS.muted,
    );
  }
}

/** The story's title and text in the chosen language, each falling back to the other language. */
export function storyText(story: BoardStory, lang: Locale): [string, string] {
  const pick = (nl: string, en: string) => {
    const [first, second] = lang === 'nl' ? [nl, en] : [en, nl];
    return first.trim() !== '' ? first.trim() : second.trim();
  };
  return [pick(story.titleNl, story.titleEn), pick(story.bodyNl, story.bodyEn)];
}

/** Characters outside WinAnsi (Helvetica's encoding) in the 0x80–0x9F range. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text that Helvetica's WinAnsi encoding can show: accented letters reduced to their base letter
 * where WinAnsi lacks them (ł stays a question mark), pictographs dropped, line breaks kept.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    if (/\p{Extended_Pictographic}/u.test(char) || char === '\u200d' || char === '\ufe0f') continue;
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}
