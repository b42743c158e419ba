import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/policy.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { parseGermanNumber } from '../../platform/german-number.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  endSite,
  importSites,
  providerFor,
  providersOf,
  saveSite,
  type Provider,
} from './site.actions.ts';
import { codeOf, type SiteFields } from './site.fields.ts';
import { parseSitesCsv, parseSitesGeoJson, sitesCsv, sitesGeoJson } from './site.files.ts';
import { SiteFormPage, ProviderPage } from './site.provider.views.tsx';
import { dataQuality } from './site.quality.ts';
import { findSite, openProblems, providerSites, searchSites } from './site.queries.ts';
import { readinessOf } from './site.readiness.ts';
import type { StoredSite } from './site.types.ts';
import {
  PROVIDER_PATH,
  SearchPage,
  SiteDetailPage,
  SITES_PATH,
  type SearchValues,
} from './site.views.tsx';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const SiteParams = Type.Object({ siteId: Type.String({ maxLength: 64 }) });
const ProviderQuery = Type.Object({
  anbieter: Type.Optional(Type.String({ maxLength: 64 })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});
const PAGE_SIZE = 50;
/** A GeoJSON file of 5,000 outlined sites stays well below 5 MB. */
const FILE_LIMIT = 5 * 1024 * 1024;
const MESSAGES: Record<string, string> = {
  gespeichert: 'Die Fläche wurde gespeichert.',
  beendet: 'Die Fläche wurde beendet.',
  importiert: 'Die Datei wurde eingelesen.',
};

function berlinDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function strings(body: Record<string, unknown>): SiteFields {
  return Object.fromEntries(
    Object.entries(body)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf')
      .map(([k, v]) => [k, v.slice(0, 200_000)]),
  );
}

const text = (n: number | null, digits = 6) =>
  n === null
    ? ''
    : n.toLocaleString('de-DE', { maximumFractionDigits: digits, useGrouping: false });

/** The form values of a stored site. */
function fieldsOf(site: StoredSite): SiteFields {
  const point = site.geometry.type === 'Point' ? site.geometry.coordinates : undefined;
  return {
    kennung: site.reference,
    bezeichnung: site.name,
    laenge: point ? text(point[0]!) : '',
    breite: point ? text(point[1]!) : '',
    geometrie: point ? '' : JSON.stringify(site.geometry),
    flaeche_brutto_ha: text(site.grossHa, 4),
    flaeche_netto_ha: text(site.netHa, 4),
    eigentum: site.ownership,
    planungsstand: site.planningStatus,
    gebietsart: site.zoning,
    altlasten: site.contamination,
    bergaufsicht: site.miningSupervision,
    netzanschluss: site.gridConnection,
    verfuegbarkeit: site.readiness,
    verfuegbar_ab: site.availableFrom ? site.availableFrom.split('-').reverse().join('.') : '',
    kontakt: site.contact,
    beginn: site.startDate.split('-').reverse().join('.'),
  };
}

async function readUpload(request: FastifyRequest): Promise<{ name: string; content: string }> {
  const missing = new AppError('validation', 'Bitte wählen Sie eine Datei aus.', [
    { field: 'datei', message: 'Datei: Bitte wählen Sie eine CSV- oder GeoJSON-Datei aus.' },
  ]);
  if (!request.isMultipart()) throw missing;
  for await (const part of request.parts()) {
    if (part.type === 'field') continue;
    if (part.fieldname !== 'datei') {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= FILE_LIMIT) chunks.push(chunk);
    }
    if (size > FILE_LIMIT) {
      const message = 'Datei: Die Datei ist zu groß (höchstens 5 MB).';
      throw new AppError('validation', message, [{ field: 'datei', message }]);
    }
    if (size === 0) throw missing;
    try {
      const content = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      return { name: part.filename, content };
    } catch {
      const message = 'Datei: Die Datei ist nicht in UTF-8 gespeichert.';
      throw new AppError('validation', message, [{ field: 'datei', message }]);
    }
  }
  throw missing;
}

/** GeoJSON when the name or the content says so, CSV otherwise. */
function parseUpload(file: { name: string; content: string }) {
  const geo = /\.(geo)?json$/i.test(file.name) || /^\uFEFF?\s*\{/.test(file.content);
  return geo ? parseSitesGeoJson(file.content) : parseSitesCsv(file.content);
}

/** The public search and detail pages, the provider's pages and the register's files. */
export function registerSiteRoutes(app: App, deps: Deps): void {
  const renderProvider = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: Provider,
    extra: { message?: string; importErrors?: FieldError[] },
    status = 200,
  ) => {
    const [sites, problems] = await Promise.all([
      providerSites(deps.db, provider.id),
      openProblems(deps.db, provider.id),
    ]);
    return sendPage(
      reply,
      <ProviderPage
        ctx={pageContext(request, reply)}
        provider={provider}
        providers={providersOf(request.actor)}
        sites={sites}
        quality={dataQuality(sites, new Set(problems.map((p) => p.siteId)))}
        problems={problems}
        message={extra.message}
        importErrors={extra.importErrors ?? []}
      />,
      status,
    );
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: Provider,
    site: StoredSite | undefined,
    state: {
      values?: SiteFields;
      errors?: FieldError[];
      endValues?: SiteFields;
      endErrors?: FieldError[];
      message?: string;
    },
    status = 200,
  ) =>
    sendPage(
      reply,
      <SiteFormPage
        ctx={pageContext(request, reply)}
        provider={provider}
        site={site}
        values={state.values ?? (site ? fieldsOf(site) : {})}
        errors={state.errors ?? []}
        endValues={state.endValues ?? {}}
        endErrors={state.endErrors ?? []}
        message={state.message}
      />,
      status,
    );

  /** The provider's current site: another provider's site or an unknown id is a 404. */
  const ownSite = async (request: FastifyRequest, siteId: string) => {
    const site = await findSite(deps.db, siteId);
    const provider = site
      ? providersOf(request.actor).find((p) => p.id === site.providerId)
      : undefined;
    if (!site || !provider) throw new AppError('not_found', 'Diese Fläche gibt es nicht.');
    return { site, provider };
  };

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

  app.get(
    PROVIDER_PATH,
    { config: { access: 'sites:manage' }, schema: { querystring: ProviderQuery } },
    async (request, reply) => {
      const provider = providerFor(request.actor, request.query.anbieter);
      const ok = request.query.ok;
      return renderProvider(request, reply, provider, { message: ok ? MESSAGES[ok] : undefined });
    },
  );

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
      return renderProvider(request, reply, provider, { importErrors }, HTTP_STATUS.validation);
    },
  );

  app.get(
    `${PROVIDER_PATH}/neu`,
    { config: { access: 'sites:manage' }, schema: { querystring: ProviderQuery } },
    async (request, reply) =>
      renderForm(request, reply, providerFor(request.actor, request.query.anbieter), undefined, {}),
  );

  app.post(
    `${PROVIDER_PATH}/neu`,
    { config: { access: 'sites:manage' }, schema: { body: FormBody } },
    async (request, reply) => {
      const provider = providerFor(request.actor, request.body.anbieter);
      const fields = strings(request.body);
      try {
        const now = deps.clock.now();
        const { siteId } = await saveSite({
          db: deps.db,
          actor: request.actor,
          providerId: provider.id,
          fields,
          today: berlinDay(now),
          now,
        });
        return reply.redirect(`${PROVIDER_PATH}/${siteId}?ok=gespeichert`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return renderForm(
          request,
          reply,
          provider,
          undefined,
          { values: fields, errors: error.formErrors('kennung') },
          HTTP_STATUS.validation,
        );
      }
    },
  );

  app.get(
    `${PROVIDER_PATH}/:siteId`,
    {
      config: { access: 'sites:manage' },
      schema: { params: SiteParams, querystring: ProviderQuery },
    },
    async (request, reply) => {
      const { site, provider } = await ownSite(request, request.params.siteId);
      if (site.endDate !== null) return reply.redirect(`${SITES_PATH}/${site.id}`, 303);
      const ok = request.query.ok;
      return renderForm(request, reply, provider, site, { message: ok ? MESSAGES[ok] : undefined });
    },
  );

  app.post(
    `${PROVIDER_PATH}/:siteId`,
    { config: { access: 'sites:manage' }, schema: { params: SiteParams, body: FormBody } },
    async (request, reply) => {
      const { site, provider } = await ownSite(request, request.params.siteId);
      const fields = strings(request.body);
      try {
        const now = deps.clock.now();
        await saveSite({
          db: deps.db,
          actor: request.actor,
          providerId: provider.id,
          siteId: site.id,
          fields,
          today: berlinDay(now),
          now,
        });
        return reply.redirect(`${PROVIDER_PATH}/${site.id}?ok=gespeichert`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return renderForm(
          request,
          reply,
          provider,
          site,
          { values: fields, errors: error.formErrors('kennung') },
          HTTP_STATUS.validation,
        );
      }
    },
  );

  app.post(
    `${PROVIDER_PATH}/:siteId/beenden`,
    { config: { access: 'sites:manage' }, schema: { params: SiteParams, body: FormBody } },
    async (request, reply) => {
      const { site, provider } = await ownSite(request, request.params.siteId);
      const fields = strings(request.body);
      try {
        const now = deps.clock.now();
        await endSite({
          db: deps.db,
          actor: request.actor,
          siteId: site.id,
          fields,
          today: berlinDay(now),
          now,
        });
        return reply.redirect(`${PROVIDER_PATH}?anbieter=${provider.id}&ok=beendet`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return renderForm(
          request,
          reply,
          provider,
          site,
          { endValues: fields, endErrors: error.formErrors('grund') },
          HTTP_STATUS.validation,
        );
      }
    },
  );
}
