import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { PublicProcedurePage } from '../participation.api.schemas.ts';
import { phaseLabel, phaseOf } from './phase.ts';
import { listPublicProcedures, type OpenProcedure } from './public.queries.ts';

const MAX_PER_PAGE = 100;

const ListQuery = Type.Object({
  status: Type.Optional(
    StringEnum(['open', 'all'], {
      description:
        'open (Standard): Verfahren, deren Einwendungsfrist noch nicht geendet hat; all: auch beendete',
    }),
  ),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Suche in Vorhaben und Bekanntmachungen' }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Seite, ab 1' })),
  perPage: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PER_PAGE,
      description: 'Einträge je Seite (Standard 50)',
    }),
  ),
});

/**
 * Exactly what /beteiligung shows, as data: procedures whose public notice is published. Nothing
 * personal and nothing that is not on the public pages (invariant 5): no applicant, no objector,
 * no internal step; the municipality and the dates come from the notice.
 */
function toPublicItem(p: OpenProcedure, today: string, baseUrl: string) {
  const { participation } = p;
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    authority: p.authority,
    municipality: p.gemeinde,
    phase: phaseOf(participation, today),
    phaseLabel: phaseLabel(participation, today),
    noticeDate: participation.noticeDate,
    displayStart: participation.displayStart,
    displayEnd: participation.displayEnd,
    objectionEnd: participation.objectionEnd,
    // Objections are taken until the procedure closes; after objectionEnd they are marked late.
    acceptsObjections: !p.closed,
    links: {
      page: `${baseUrl}beteiligung/${p.id}`,
      objectionForm: `${baseUrl}beteiligung/${p.id}/einwendung`,
      objectionApi: `${baseUrl}api/v1/procedures/${p.id}/objections`,
    },
  };
}

export function registerParticipationApiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/participation/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Öffentlichkeitsbeteiligung'],
        operationId: 'listParticipationProcedures',
        summary:
          'Verfahren in der Öffentlichkeitsbeteiligung (öffentlich bekannt gemacht), neueste Auslegung zuerst, seitenweise',
        description:
          'Enthält nur, was auch die öffentlichen Seiten unter /beteiligung zeigen: Vorhaben, Aktenzeichen, Behörde, Gemeinde, Stand und Fristen der Beteiligung und Links. Die ID eines Verfahrens ist die für POST /api/v1/procedures/{id}/objections.',
        querystring: ListQuery,
        response: { 200: PublicProcedurePage },
      },
    },
    async (request) => {
      const today = berlinDate(deps.clock.now());
      const page = request.query.page ?? 1;
      const perPage = request.query.perPage ?? 50;
      const status = request.query.status === 'all' ? 'all' : 'open';
      // One more than asked tells whether there is a next page without counting everything.
      const rows = await listPublicProcedures(deps.db, {
        today,
        openOnly: status === 'open',
        q: request.query.q ?? '',
        limit: perPage + 1,
        offset: (page - 1) * perPage,
      });
      const pageUrl = (n: number) => {
        const query = new URLSearchParams({ status, page: String(n), perPage: String(perPage) });
        if (request.query.q) query.set('q', request.query.q);
        return `${deps.config.publicUrl}api/v1/participation/procedures?${query.toString()}`;
      };
      return {
        items: rows.slice(0, perPage).map((p) => toPublicItem(p, today, deps.config.publicUrl)),
        page,
        perPage,
        next: rows.length > perPage ? pageUrl(page + 1) : null,
        previous: page > 1 ? pageUrl(page - 1) : null,
      };
    },
  );
}
