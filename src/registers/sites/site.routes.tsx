/** Site register routes: the public search and detail pages; registers the provider and file routes. */
import { Type } from '@sinclair/typebox';
import { can } from '../../platform/auth/policy.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { parseGermanNumber } from '../../platform/german-number.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { providersOf } from './site.actions.ts';
import { codeOf } from './site.fields.ts';
import { registerSiteFileRoutes } from './site.files.routes.tsx';
import { registerSiteProviderRoutes, SiteParams } from './site.provider.routes.tsx';
import { searchSites, findSite } from './site.queries.ts';
import { readinessOf } from './site.readiness.ts';
import { SearchPage, SiteDetailPage, SITES_PATH, type SearchValues } from './site.views.tsx';

const PAGE_SIZE = 50;

/** The public search and detail pages, the provider's pages and the register's files. */
export function registerSiteRoutes(app: App, deps: Deps): void {
  app.get(
    SITES_PATH,
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          gemeinde: Type.Optional(Type.String({ maxLength: 200 })),
          mindestgroesse: Type.Optional(Type.String({ maxLength: 40 })),
          verfuegbarkeit: Type.Optional(Type.String({ maxLength: 40 })),
          seite: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const values: SearchValues = {
        q: query.q?.trim() ?? '',
        gemeinde: query.gemeinde?.trim() ?? '',
        mindestgroesse: query.mindestgroesse?.trim() ?? '',
        verfuegbarkeit: query.verfuegbarkeit?.trim() ?? '',
      };
      const errors: FieldError[] = [];
      const minHa = parseGermanNumber(values.mindestgroesse);
      if (minHa !== undefined && (!Number.isFinite(minHa) || minHa < 0))
        errors.push({
          field: 'mindestgroesse',
          message: 'Mindestgröße: bitte eine Zahl in Hektar angeben, z. B. 5 oder 12,5.',
        });
      const readiness =
        values.verfuegbarkeit === '' ? undefined : codeOf('readiness', values.verfuegbarkeit);
      if (values.verfuegbarkeit !== '' && readiness === undefined)
        errors.push({ field: 'verfuegbarkeit', message: 'Verfügbarkeit: unbekannter Wert.' });
      const page = Math.max(1, Math.min(10_000, Number.parseInt(query.seite ?? '1', 10) || 1));
      const found =
        errors.length > 0
          ? { sites: [], total: 0 }
          : await searchSites(deps.db, {
              ...(values.q ? { text: values.q } : {}),
              ...(values.gemeinde ? { gemeinde: values.gemeinde } : {}),
              ...(minHa !== undefined ? { minHa } : {}),
              ...(readiness ? { readiness } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            });
      return sendPage(
        reply,
        <SearchPage
          ctx={pageContext(request, reply)}
          values={values}
          errors={errors}
          sites={found.sites}
          total={found.total}
          page={page}
          pageSize={PAGE_SIZE}
          canManage={can(request.actor, 'sites:manage')}
        />,
        errors.length > 0 ? HTTP_STATUS.validation : 200,
      );
    },
  );

  app.get(
    `${SITES_PATH}/:siteId`,
    { config: { access: 'public' }, schema: { params: SiteParams } },
    async (request, reply) => {
      const site = await findSite(deps.db, request.params.siteId);
      if (!site) throw new AppError('not_found', 'Diese Fläche gibt es nicht.');
      const funding = new URLSearchParams({
        siteInNrw: 'ja',
        ...(site.ags ? { seatAgs: site.ags } : {}),
      });
      return sendPage(
        reply,
        <SiteDetailPage
          ctx={pageContext(request, reply)}
          site={site}
          readiness={readinessOf(site)}
          fundingLink={`/foerderfinder?${funding.toString()}`}
          canEdit={providersOf(request.actor).some((p) => p.id === site.providerId)}
        />,
      );
    },
  );

  registerSiteFileRoutes(app, deps);
  registerSiteProviderRoutes(app, deps);
}
