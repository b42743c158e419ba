import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { ClassificationResult } from '../permit.api.schemas.ts';
import { AREA_MODES, findProcedure, type AreaMode } from './finder.service.ts';
import { FinderPage, type FinderForm } from './finder.views.tsx';

const ClassifyBody = Type.Object({
  turbineCount: Type.Integer({ description: 'Anzahl der Windenergieanlagen' }),
  maxTotalHeightM: Type.Number({ description: 'Gesamthöhe der höchsten Anlage in Metern' }),
  repowering: Type.Optional(Type.Boolean()),
  eiaScreeningOutcome: Type.Optional(Type.String({ enum: ['not-done', 'eia-required', 'no-eia'] })),
  applicantRequestsFormal: Type.Optional(Type.Boolean({ description: '§ 19 Abs. 3 BImSchG' })),
  inAccelerationArea: Type.Optional(
    Type.Boolean({ description: 'nur ohne turbines: Lage selbst angegeben' }),
  ),
  inWindEnergyArea: Type.Optional(Type.Boolean()),
  turbines: Type.Optional(
    Type.Array(Type.Object({ lon: Type.Number(), lat: Type.Number() }), {
      maxItems: 200,
      description: 'Standorte (WGS84); dann bestimmt das Gebietsregister die Lage',
    }),
  ),
});

function today(deps: Deps): string {
  return deps.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

export function registerFinderRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/permits/classify',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Genehmigung'],
        operationId: 'classifyWindProject',
        summary:
          'Verfahrensfinder: Verfahrensart, UVP-Einstufung und Fristen für ein Windenergievorhaben',
        body: ClassifyBody,
        response: {
          200: ClassificationResult,
          ...problemResponses([
            400,
            'Ungültige Eingabe oder Standort außerhalb Nordrhein-Westfalens; die Meldung nennt das Feld',
          ]),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const areaMode: AreaMode = body.turbines
        ? 'coordinates'
        : body.inAccelerationArea
          ? 'acceleration'
          : body.inWindEnergyArea
            ? 'wind-energy'
            : 'outside';
      const outcome = await findProcedure({
        db: deps.db,
        today: today(deps),
        request: { fields: { ...body }, areaMode, turbines: body.turbines ?? [] },
      });
      if (!outcome.ok) {
        throw new AppError(
          'validation',
          outcome.errors.map((e) => e.message).join(' '),
          outcome.errors,
        );
      }
      return { ...outcome.result, areas: outcome.areas ?? null };
    },
  );

  app.get(
    '/verfahrensfinder',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Record(Type.String(), Type.String()) },
    },
    async (request, reply) => {
      const q = request.query;
      const areaMode = (AREA_MODES as string[]).includes(q.areaMode ?? '')
        ? (q.areaMode as AreaMode)
        : 'coordinates';
      const form: FinderForm = {
        turbineCount: q.turbineCount ?? '',
        maxTotalHeightM: q.maxTotalHeightM ?? '',
        repowering: q.repowering === 'true',
        applicantRequestsFormal: q.applicantRequestsFormal === 'true',
        eiaScreeningOutcome: q.eiaScreeningOutcome ?? 'not-done',
        areaMode,
        lon: q.lon ?? '',
        lat: q.lat ?? '',
      };
      if (q.pruefen !== '1')
        return sendPage(
          reply,
          <FinderPage ctx={pageContext(request, reply)} form={form} errors={[]} />,
        );
      const outcome = await findProcedure({
        db: deps.db,
        today: today(deps),
        request: {
          fields: {
            ...form,
            repowering: form.repowering,
            applicantRequestsFormal: form.applicantRequestsFormal,
          },
          areaMode,
          turbines:
            areaMode === 'coordinates' && (form.lon || form.lat)
              ? [{ lon: form.lon, lat: form.lat }]
              : [],
        },
      });
      const page = outcome.ok ? (
        <FinderPage
          ctx={pageContext(request, reply)}
          form={form}
          errors={[]}
          result={outcome.result}
          areas={outcome.areas}
        />
      ) : (
        <FinderPage ctx={pageContext(request, reply)} form={form} errors={outcome.errors} />
      );
      return sendPage(reply, page, outcome.ok ? 200 : 400);
    },
  );
}
