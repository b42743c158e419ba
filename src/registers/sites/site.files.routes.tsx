/** Site register files: the public downloads, a provider's export and the CSV/GeoJSON import. */
import type { FastifyRequest } from 'fastify';
import { decodeUtf8, readUploadedFile } from '../../platform/upload.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import type { App, Deps } from '../../platform/server.ts';
import { providerFor } from './site.actions.ts';
import { importSites } from './site.import.ts';
import { parseSitesCsv, parseSitesGeoJson, sitesCsv, sitesGeoJson } from './site.files.ts';
import { berlinDay, ProviderQuery, renderProviderPage } from './site.provider.routes.tsx';
import { providerSites, searchSites } from './site.queries.ts';
import { PROVIDER_PATH, SITES_PATH } from './site.views.tsx';

/** A GeoJSON file of 5,000 outlined sites stays well below 5 MB. */
const FILE_LIMIT = 5 * 1024 * 1024;

async function readUpload(request: FastifyRequest): Promise<{ name: string; content: string }> {
  const file = await readUploadedFile(request, {
    field: 'datei',
    limitBytes: FILE_LIMIT,
    missing: {
      summary: 'Bitte wählen Sie eine Datei aus.',
      field: 'Datei: Bitte wählen Sie eine CSV- oder GeoJSON-Datei aus.',
    },
    tooLarge: 'Datei: Die Datei ist zu groß (höchstens 5 MB).',
  });
  return {
    name: file.filename,
    content: decodeUtf8(file.content, 'datei', 'Datei: Die Datei ist nicht in UTF-8 gespeichert.'),
  };
}

/** GeoJSON when the name or the content says so, CSV otherwise. */
function parseUpload(file: { name: string; content: string }) {
  const geo = /\.(geo)?json$/i.test(file.name) || /^\uFEFF?\s*\{/.test(file.content);
  return geo ? parseSitesGeoJson(file.content) : parseSitesCsv(file.content);
}

/** The register as open data, a provider's own sites as files, and the import of a file. */
export function registerSiteFileRoutes(app: App, deps: Deps): void {
  for (const [path, kind] of [
    [`${SITES_PATH}/daten.csv`, 'csv'],
    [`${SITES_PATH}/daten.geojson`, 'geojson'],
  ] as const) {
    app.get(path, { config: { access: 'public' } }, async (_request, reply) => {
      const { sites } = await searchSites(deps.db, { limit: 100_000, offset: 0 });
      return kind === 'csv'
        ? reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="gewerbeflaechen.csv"')
            .send(sitesCsv(sites))
        : reply.type('application/geo+json').send(sitesGeoJson(sites));
    });
  }

  for (const [path, kind] of [
    [`${PROVIDER_PATH}/export.csv`, 'csv'],
    [`${PROVIDER_PATH}/export.geojson`, 'geojson'],
  ] as const) {
    app.get(
      path,
      { config: { access: 'sites:manage' }, schema: { querystring: ProviderQuery } },
      async (request, reply) => {
        const provider = providerFor(request.actor, request.query.anbieter);
        const sites = await providerSites(deps.db, provider.id);
        return kind === 'csv'
          ? reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', 'attachment; filename="flaechen.csv"')
              .send(sitesCsv(sites))
          : reply
              .type('application/geo+json')
              .header('content-disposition', 'attachment; filename="flaechen.geojson"')
              .send(sitesGeoJson(sites));
      },
    );
  }

  app.post(
    `${PROVIDER_PATH}/import`,
    { config: { access: 'sites:manage' }, schema: { querystring: ProviderQuery } },
    async (request, reply) => {
      const provider = providerFor(request.actor, request.query.anbieter);
      let importErrors: FieldError[];
      try {
        const file = await readUpload(request);
        const parsed = parseUpload(file);
        const now = deps.clock.now();
        const result = await importSites({
          db: deps.db,
          actor: request.actor,
          providerId: provider.id,
          rows: parsed.rows,
          fileRefusals: parsed.refusals,
          today: berlinDay(now),
          now,
        });
        if (result.ok)
          return reply.redirect(`${PROVIDER_PATH}?anbieter=${provider.id}&ok=importiert`, 303);
        importErrors = result.refusals.slice(0, 100).map((r) => ({
          field: 'datei',
          message: `${r.label}: ${r.message}`,
        }));
        if (result.refusals.length > 100)
          importErrors.push({
            field: 'datei',
            message: `… und ${result.refusals.length - 100} weitere Fehler. Nichts wurde gespeichert.`,
          });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        importErrors = error.formErrors('datei');
      }
      return renderProviderPage(
        deps,
        request,
        reply,
        provider,
        { importErrors },
        HTTP_STATUS.validation,
      );
    },
  );
}
