/** The EIA portal export for the authority and the public feed per procedure (§ 20 UVPG). */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import type { App, Deps } from '../../platform/server.ts';
import { findPublicProcedure } from '../public-procedure.queries.ts';
import { requireCaseWorker } from '../review/staff-access.ts';
import { procedureFeed } from './uvp-feed.ts';
import { buildUvpExport, streamUvpExport } from './uvp-export.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function registerUvpPortalRoutes(app: App, deps: Deps): void {
  // Only the case workers of the authority export: it is the authority's act of publication.
  app.get(
    '/verfahren/:id/uvp-portal.zip',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await requireCaseWorker(deps.db, request.actor, request.params.id);
      const now = deps.clock.now();
      const built = await buildUvpExport(deps.db, deps.config.publicUrl, procedure, now);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${built.fileName}"`)
        .type('application/zip')
        .send(streamUvpExport(deps.store, built, now));
    },
  );

  app.get(
    '/beteiligung/:id/feed.atom',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await findPublicProcedure(deps.db, request.params.id);
      if (!procedure)
        throw new AppError(
          'not_found',
          'Zu diesem Verfahren gibt es keine öffentliche Bekanntmachung.',
        );
      const xml = await procedureFeed(deps.db, deps.config.publicUrl, procedure, deps.clock.now());
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
