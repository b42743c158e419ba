import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { fileResponse, problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { findProcedureFor, type ProcedureRow } from '../../permits/permit.queries.ts';
import {
  CONTENT_TYPES,
  exportFileName,
  exportStream,
  MEDIA_TYPES,
  type ExportKind,
} from './export.files.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PageQuery = Type.Object({
  personenbezogen: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
});
const ApiQuery = Type.Object({
  personal: Type.Optional(
    Type.Boolean({
      description:
        'true: mit Namen, Anschriften, E-Mail-Adressen, Originaltexten (und in der Akte Anhängen und Geschäftsgeheimnissen)',
    }),
  ),
});
const security = [{ bearer: [] }];
const tags = ['Öffentlichkeitsbeteiligung'];

/**
 * Exports hold every objector's data, so only the case workers of the responsible authority get
 * them; everyone else, including the applicant and the agencies, learns nothing (404).
 */
async function exportableProcedure(deps: Deps, actor: Actor, id: string): Promise<ProcedureRow> {
  const { row, roles } = await findProcedureFor(deps.db, actor, id);
  if (!roles.includes('case_worker'))
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  return row;
}

function sendDownload(
  reply: FastifyReply,
  stream: Readable,
  type: string,
  filename: string,
): FastifyReply {
  return (
    reply
      // Personal data must not stay in shared caches or the browser's cache.
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .type(type)
      .send(stream)
  );
}

const OPERATION_IDS: Record<ExportKind, string> = {
  csv: 'exportObjectionsCsv',
  xlsx: 'exportObjectionsXlsx',
  zip: 'exportCaseFile',
};

async function sendExport(
  deps: Deps,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  kind: ExportKind,
  personal: boolean,
): Promise<FastifyReply> {
  const row = await exportableProcedure(deps, actor, id);
  const now = deps.clock.now();
  const stream = exportStream(deps, row, kind, { personal, now });
  return sendDownload(reply, stream, CONTENT_TYPES[kind], exportFileName(kind, row, now, personal));
}

/**
 * Streamed exports of the public participation (constant memory, any number of objections):
 * the objections as CSV and XLSX and the whole case file as ZIP, as pages (session) and API (token).
 * Without `personenbezogen=1` / `personal=true` they hold no personal data (invariant 5).
 */
export function registerExportRoutes(app: App, deps: Deps): void {
  const files = [
    [
      'einwendungen.csv',
      'objections.csv',
      'csv',
      'Einwendungen als CSV für Tabellenkalkulationen (UTF-8 mit BOM, Semikolon, Ortszeit)',
    ],
    [
      'einwendungen.xlsx',
      'objections.xlsx',
      'xlsx',
      'Einwendungen als Excel-Arbeitsmappe (XLSX, Eingang als Datum in Ortszeit)',
    ],
    [
      'akte.zip',
      'case-file.zip',
      'zip',
      'Verfahrensakte als ZIP (Protokoll, Fristen, Unterlagen, Einwendungen)',
    ],
  ] as const;
  for (const [pageFile, apiFile, kind, summary] of files) {
    app.get(
      `/verfahren/:id/export/${pageFile}`,
      { config: { access: 'procedures:use' }, schema: { params: Id, querystring: PageQuery } },
      async (request, reply) =>
        sendExport(
          deps,
          request.actor,
          reply,
          request.params.id,
          kind,
          request.query.personenbezogen === '1',
        ),
    );
    app.get(
      `/api/v1/procedures/:id/exports/${apiFile}`,
      {
        config: { access: 'procedures:use' },
        schema: {
          tags,
          security,
          summary,
          operationId: OPERATION_IDS[kind],
          params: Id,
          querystring: ApiQuery,
          response: {
            200: fileResponse([MEDIA_TYPES[kind]], summary),
            ...problemResponses([
              404,
              'Dieses Verfahren gibt es nicht oder Sie sind nicht dessen Genehmigungsbehörde',
            ]),
          },
        },
      },
      async (request, reply) =>
        sendExport(
          deps,
          request.actor,
          reply,
          request.params.id,
          kind,
          request.query.personal === true,
        ),
    );
  }
}
