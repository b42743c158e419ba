/** Site register routes for a provider's maintenance: overview, new site, edit, end. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { endSite, providerFor, providersOf, saveSite, type Provider } from './site.actions.ts';
import type { SiteFields } from './site.fields.ts';
import { SiteFormPage, ProviderPage } from './site.provider.views.tsx';
import { dataQuality } from './site.quality.ts';
import { findSite, openProblems, providerSites } from './site.queries.ts';
import type { StoredSite } from './site.types.ts';
import { PROVIDER_PATH, SITES_PATH } from './site.views.tsx';

const FormBody = Type.Record(Type.String(), Type.Unknown());
export const SiteParams = Type.Object({ siteId: Type.String({ maxLength: 64 }) });
export const ProviderQuery = Type.Object({
  anbieter: Type.Optional(Type.String({ maxLength: 64 })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});
const MESSAGES: Record<string, string> = {
  gespeichert: 'Die Fläche wurde gespeichert.',
  beendet: 'Die Fläche wurde beendet.',
  importiert: 'Die Datei wurde eingelesen.',
};

export function berlinDay(now: Date): string {
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

/** The provider's overview: sites, data quality and open problems, with a message or import errors. */
export async function renderProviderPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  provider: Provider,
  extra: { message?: string; importErrors?: FieldError[] },
  status = 200,
) {
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
}

/** The provider's overview and the form pages to add, edit and end a site. */
export function registerSiteProviderRoutes(app: App, deps: Deps): void {
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
    PROVIDER_PATH,
    { config: { access: 'sites:manage' }, schema: { querystring: ProviderQuery } },
    async (request, reply) => {
      const provider = providerFor(request.actor, request.query.anbieter);
      const ok = request.query.ok;
      return renderProviderPage(deps, request, reply, provider, {
        message: ok ? MESSAGES[ok] : undefined,
      });
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
