/**
 * The release of objections through the API (§ 12 Abs. 2 9. BImSchV): the authority's case
 * worker releases a batch, the applicant and the authority read the released batches exactly as
 * they were passed on (redacted; names and addresses only where the objector did not object).
 */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { problemResponses, StringEnum } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { PAGE_SIZE } from '../review/review.queries.ts';
import { releaseObjections, type ReleaseScope } from './release.actions.ts';
import { requireReleaseReader } from './release.access.ts';
import { findRelease, listReleases, releasedObjections } from './release.queries.ts';

const tags = ['Öffentlichkeitsbeteiligung'];
const security = [{ bearer: [] }];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const NumberParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Nummer der Freigabe' }),
});

const Batch = Type.Object(
  {
    number: Type.Integer({ description: 'Nummer der Freigabe im Verfahren (1, 2, …)' }),
    releasedAt: Type.String({ format: 'date-time', description: 'Zeitpunkt der Freigabe (UTC)' }),
    count: Type.Integer({ description: 'Zahl der freigegebenen Einwendungen' }),
    url: Type.String({ description: 'Adresse der Einwendungen dieser Freigabe' }),
  },
  { additionalProperties: false },
);

const ReleasedObjection = Type.Object(
  {
    reference: Type.String({ description: 'Eingangsnummer' }),
    receivedAt: Type.String({ format: 'date-time', description: 'Eingangszeit (UTC)' }),
    name: Type.Union([Type.String(), Type.Null()], {
      description: 'Name; null, wenn die Einwenderin oder der Einwender widersprochen hat',
    }),
    address: Type.Union([Type.String(), Type.Null()], {
      description: 'Anschrift; null, wenn widersprochen',
    }),
    text: Type.String({
      description:
        'Geschwärzter Text: Kontaktdaten, Bankverbindungen, Namen Dritter und besondere Kategorien personenbezogener Daten (Art. 9 DSGVO) sind unkenntlich gemacht',
    }),
  },
  { additionalProperties: false },
);

const BatchPage = Type.Object(
  {
    number: Type.Integer(),
    releasedAt: Type.String({ format: 'date-time' }),
    count: Type.Integer(),
    page: Type.Integer(),
    perPage: Type.Integer(),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Adresse der nächsten Seite' }),
    objections: Type.Array(ReleasedObjection),
  },
  { additionalProperties: false, description: 'Einwendungen einer Freigabe, wie weitergegeben' },
);

const ReleaseBody = Type.Object(
  {
    scope: Type.Optional(
      StringEnum(['all', 'reviewed'], {
        description:
          'all (Vorgabe): alle noch nicht freigegebenen Einwendungen; abgelehnt (409), solange die Schwärzung einer davon nicht geprüft ist. reviewed: nur die mit geprüfter Schwärzung, die übrigen bleiben für eine spätere Freigabe.',
      }),
    ),
  },
  { additionalProperties: false },
);

const ReleaseResult = Type.Object(
  {
    number: Type.Integer({ description: 'Nummer der neuen Freigabe' }),
    count: Type.Integer({ description: 'Zahl der freigegebenen Einwendungen' }),
    heldBack: Type.Integer({
      description: 'Zurückgehaltene Einwendungen, deren Schwärzung noch nicht geprüft ist',
    }),
    url: Type.String({ description: 'Adresse der Einwendungen dieser Freigabe' }),
  },
  { additionalProperties: false },
);

const batchUrl = (procedureId: string, number: number) =>
  `/api/v1/procedures/${procedureId}/objection-releases/${number}`;

export function registerReleaseApiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/procedures/:id/objection-releases',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'listObjectionReleases',
        summary:
          'Freigaben von Einwendungen an die Antragstellerin (§ 12 Abs. 2 9. BImSchV): Nummer, Zeitpunkt und Zahl jeder Freigabe (Genehmigungsbehörde und Antragstellerin)',
        params: Id,
        response: { 200: Type.Array(Batch), ...problemResponses(404) },
      },
    },
    async (request) => {
      const procedure = await requireReleaseReader(deps.db, request.actor, request.params.id);
      const batches = await listReleases(deps.db, procedure.id);
      return batches.map((b) => ({
        number: b.number,
        releasedAt: b.releasedAt.toISOString(),
        count: b.count,
        url: batchUrl(procedure.id, b.number),
      }));
    },
  );

  app.get(
    '/api/v1/procedures/:id/objection-releases/:number',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'getObjectionRelease',
        summary:
          'Die Einwendungen einer Freigabe, geschwärzt, so wie sie an die Antragstellerin gingen; je Seite 50 (Genehmigungsbehörde und Antragstellerin)',
        params: NumberParams,
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
        }),
        response: {
          200: BatchPage,
          ...problemResponses([404, 'Dieses Verfahren oder diese Freigabe gibt es nicht']),
        },
      },
    },
    async (request) => {
      const procedure = await requireReleaseReader(deps.db, request.actor, request.params.id);
      const batch = await findRelease(deps.db, procedure.id, request.params.number);
      if (!batch)
        throw new AppError(
          'not_found',
          `Eine Freigabe Nr. ${request.params.number} gibt es in diesem Verfahren nicht.`,
        );
      const page = request.query.page ?? 1;
      const items = await releasedObjections(deps.db, batch.id, page);
      const more = page * PAGE_SIZE < batch.count;
      return {
        number: batch.number,
        releasedAt: batch.releasedAt.toISOString(),
        count: batch.count,
        page,
        perPage: PAGE_SIZE,
        next: more ? `${batchUrl(procedure.id, batch.number)}?page=${page + 1}` : null,
        objections: items.map((o) => ({
          reference: o.reference,
          receivedAt: o.receivedAt.toISOString(),
          name: o.name,
          address: o.address,
          text: o.text,
        })),
      };
    },
  );

  app.post(
    '/api/v1/procedures/:id/objection-releases',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'releaseObjections',
        summary:
          'Einwendungen an die Antragstellerin freigeben (nur Genehmigungsbehörde): eine neue, nummerierte Freigabe der geschwärzten Fassung; wird in der Verfahrensakte protokolliert',
        params: Id,
        body: ReleaseBody,
        response: {
          201: ReleaseResult,
          ...problemResponses(
            [404, 'Dieses Verfahren gibt es nicht oder Sie sind nicht dessen Genehmigungsbehörde'],
            [
              409,
              'Nichts freigegeben: Schwärzung noch nicht geprüft, nichts mehr freizugeben, oder das Verfahren ist nicht in der Öffentlichkeitsbeteiligung',
            ],
          ),
        },
      },
    },
    async (request, reply) => {
      const result = await releaseObjections({
        deps,
        actor: request.actor,
        procedureId: request.params.id,
        scope: (request.body.scope as ReleaseScope | undefined) ?? 'all',
      });
      return reply.status(201).send({
        ...result,
        url: batchUrl(request.params.id, result.number),
      });
    },
  );
}
