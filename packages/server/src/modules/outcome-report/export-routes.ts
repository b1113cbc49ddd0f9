import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../auth/actor.js';
import { requireActor } from '../../auth/plugin.js';
import { ErrorResponse } from '../../http/schemas.js';
import type { Locale } from '../../i18n/locale.js';
import { requestLocale } from '../../i18n/request-locale.js';
import { renderCsv } from './export/csv.js';
import { renderPdf } from './export/pdf.js';
import { publishedStoriesForBoard } from '../stories/repository.js';
import { renderXlsx } from './export/xlsx.js';
import { ExportQuery, ProgrammeReportParams, type OutcomeReport } from './schema.js';
import * as service from './service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
};
const tags = ['outcomes'];

type Format = 'csv' | 'xlsx' | 'pdf';

const FORMATS: Record<Format, { contentType: string; what: string; binary: boolean }> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    what: 'as CSV (UTF-8 with a byte order mark, one row per figure)',
    binary: false,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    what: 'as an Excel workbook (a sheet per section)',
    binary: true,
  },
  pdf: {
    contentType: 'application/pdf',
    what: 'as a one-page board report (PDF, A4)',
    binary: true,
  },
};

/** The answer as OpenAPI should describe it: a file of the format's media type, not JSON. */
function fileResponse(format: Format) {
  const { contentType, binary } = FORMATS[format];
  const mediaType = contentType.split(';')[0]!;
  const schema = binary ? z.string().meta({ format: 'binary' }) : z.string();
  return {
    description: `The report ${FORMATS[format].what}, as an attachment`,
    content: { [mediaType]: { schema } },
  };
}

/** "klik-outcomes-omgekeerd-mentoren-voorjaar-2026-2026-12-02.pdf" */
export function exportFilename(report: OutcomeReport, format: Format): string {
  const name = [
    report.scope.programmeName ?? report.scope.organisationName,
    report.scope.cohort?.name ?? '',
  ].join(' ');
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'report';
  return `klik-outcomes-${slug}-${report.generatedAt.slice(0, 10)}.${format}`;
}

/**
 * The caller, reading in the export's language: the report names skills and "you said, we did"
 * changes in the reader's language (its permissions do not depend on it).
 */
const inLanguage = (actor: Actor, lang: Locale): Actor => ({ ...actor, locale: lang });

/**
 * The outcome report's exports (issue 11, rule 5): CSV, XLSX and the board report PDF, made on
 * the server in Dutch or English. Who may read the report may export it: the report service
 * checks that (another organisation's programme is 404, a member 403).
 */
export const outcomeExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): service.Deps => ({ db: app.database.db, now: app.clock });
  // After the app's own hook (which says `no-store` on every API answer): a downloaded report is
  // for the caller alone, so no shared cache along the way may keep it either.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 200) reply.header('cache-control', 'private, no-store');
    return payload;
  });

  async function send(reply: FastifyReply, actor: Actor, report: OutcomeReport, format: Format) {
    const lang = actor.locale ?? 'nl';
    let body: Buffer;
    if (format === 'csv') body = Buffer.from(renderCsv(report, lang), 'utf8');
    else if (format === 'xlsx') body = await renderXlsx(report, lang);
    else {
      const organisationId = actor.member?.organisationId;
      const stories = organisationId
        ? await publishedStoriesForBoard(
            app.database.db,
            organisationId,
            report.scope.programmeId,
            2,
          )
        : [];
      body = await renderPdf(report, lang, { stories });
    }
    return reply
      .type(FORMATS[format].contentType)
      .header('content-disposition', `attachment; filename="${exportFilename(report, format)}"`)
      .send(body);
  }

  for (const format of Object.keys(FORMATS) as Format[]) {
    app.get(
      `/api/programmes/:programmeId/outcomes/export.${format}`,
      {
        schema: {
          tags,
          summary: `Download a programme's outcome report, or one cohort's, ${FORMATS[format].what}`,
          params: ProgrammeReportParams,
          querystring: ExportQuery,
          response: { 200: fileResponse(format), ...errors },
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        const actor = inLanguage(requireActor(request), lang ?? requestLocale(request));
        const report = await service.programmeReport(
          deps(),
          actor,
          request.params.programmeId,
          query,
        );
        return send(reply, actor, report, format);
      },
    );

    app.get(
      `/api/outcomes/export.${format}`,
      {
        schema: {
          tags,
          summary: `Download the organisation's outcome report ${FORMATS[format].what}`,
          querystring: ExportQuery.pick({ lang: true }),
          response: { 200: fileResponse(format), ...errors },
        },
      },
      async (request, reply) => {
        const actor = inLanguage(
          requireActor(request),
          request.query.lang ?? requestLocale(request),
        );
        const report = await service.organisationReport(deps(), actor);
        return send(reply, actor, report, format);
      },
    );
  }
};
