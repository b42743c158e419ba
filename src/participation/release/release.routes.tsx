/** Release of objections to the applicant: the case worker's page and the applicant's list. */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { participationWorkPossible } from '../participation-work.ts';
import { pageNumber } from '../review/review.routes.tsx';
import { requireApplicant, requireCaseWorker } from '../review/staff-access.ts';
import { releaseObjections, type ReleaseScope } from './release.actions.ts';
import { listReleases, releasedObjections, releaseOverview } from './release.queries.ts';
import { ApplicantReleasesPage, ReleasePage } from './release.views.tsx';
import { countNoun } from '../../law/index.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Page = Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' }));

export function registerReleaseRoutes(app: App, deps: Deps): void {
  app.get(
    '/verfahren/:id/einwendungen/freigabe',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({ nummer: Page, anzahl: Page, zurueck: Page }),
      },
    },
    async (request, reply) => {
      const procedure = await requireCaseWorker(deps.db, request.actor, request.params.id);
      const { nummer, anzahl, zurueck } = request.query;
      const held = Number(zurueck ?? '0');
      const message =
        nummer && anzahl
          ? `Freigabe ${nummer} mit ${anzahl === '1' ? '1 Einwendung' : `${anzahl} Einwendungen`} ist erfolgt.${held > 0 ? ` ${countNoun(held, 'Einwendung', 'Einwendungen')} mit ungeprüfter Schwärzung ${held === 1 ? 'wurde' : 'wurden'} nicht freigegeben.` : ''}`
          : undefined;
      return sendPage(
        reply,
        <ReleasePage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          overview={await releaseOverview(deps.db, procedure.id)}
          canWork={participationWorkPossible(procedure)}
          scope="all"
          message={message}
        />,
      );
    },
  );

  app.post(
    '/verfahren/:id/einwendungen/freigabe',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, body: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      const id = request.params.id;
      const value = request.body.umfang;
      try {
        if (value !== 'all' && value !== 'reviewed') {
          const message = 'Bitte wählen Sie, welche Einwendungen freigegeben werden sollen.';
          throw new AppError('validation', message, [{ field: 'umfang', message }]);
        }
        const result = await releaseObjections({
          deps,
          actor: request.actor,
          procedureId: id,
          scope: value,
        });
        const query = new URLSearchParams({
          nummer: String(result.number),
          anzahl: String(result.count),
          zurueck: String(result.heldBack),
        });
        return reply.redirect(`/verfahren/${id}/einwendungen/freigabe?${query.toString()}`, 303);
      } catch (error) {
        // The page again with the reason and the choice kept; only for those who may see it.
        if (
          !(error instanceof AppError) ||
          (error.code !== 'validation' && error.code !== 'conflict')
        )
          throw error;
        const procedure = await requireCaseWorker(deps.db, request.actor, id);
        const canWork = participationWorkPossible(procedure);
        if (!canWork) throw error;
        const scope: ReleaseScope = value === 'reviewed' ? 'reviewed' : 'all';
        return sendPage(
          reply,
          <ReleasePage
            ctx={pageContext(request, reply)}
            procedure={procedure}
            overview={await releaseOverview(deps.db, procedure.id)}
            canWork={canWork}
            scope={scope}
            errors={error.formErrors('umfang')}
          />,
          error.code === 'validation' ? 400 : 409,
        );
      }
    },
  );

  app.get(
    '/verfahren/:id/einwendungen-antragstellerin',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, querystring: Type.Object({ freigabe: Page, seite: Page }) },
    },
    async (request, reply) => {
      const procedure = await requireApplicant(deps.db, request.actor, request.params.id);
      const batches = await listReleases(deps.db, procedure.id);
      const wanted = request.query.freigabe === undefined ? null : Number(request.query.freigabe);
      // The latest batch unless another one is asked for; an unknown number shows none.
      const selected =
        wanted === null
          ? (batches.at(-1) ?? null)
          : (batches.find((b) => b.number === wanted) ?? null);
      const page = pageNumber(request.query.seite);
      const items = selected ? await releasedObjections(deps.db, selected.id, page) : [];
      return sendPage(
        reply,
        <ApplicantReleasesPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          batches={batches}
          selected={selected}
          items={items}
          page={page}
        />,
      );
    },
  );
}
