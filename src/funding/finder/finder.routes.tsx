import { Type } from '@sinclair/typebox';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import { can } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { companyProfileInput, loadCompanyProfile } from '../profile/profile.queries.ts';
import { alertCompanies } from './alert.actions.ts';
import { CatalogueResponse, FinderBody, FinderResponse } from './finder.api.schemas.ts';
import { FinderInputError } from './finder.errors.ts';
import {
  answersFromForm,
  FORM_FIELD_OF_PATH,
  formFromQuery,
  queryFromAnswers,
} from './finder.form.ts';
import {
  catalogueMeasures,
  finderAnswersFromProfile,
  runFinder,
  stateAidOf,
  versionsInForce,
} from './finder.service.ts';
import type { FinderCompany, FinderFilters, FinderMeasure, FinderResult } from './finder.types.ts';
import { FinderPage, type AlertOffer } from './finder.views.tsx';

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function berlinToday(deps: Deps): string {
  return BERLIN_DAY.format(deps.clock.now());
}

/** The finder's answers are public input: an error is a field of the form, never a 5xx. */
function formErrorOf(error: FinderInputError): FieldError {
  return { field: FORM_FIELD_OF_PATH[error.field] ?? 'naceCode', message: error.message };
}

/**
 * The Förderfinder: the public page (GET form, results on the same page, linkable, no account),
 * the JSON API and the programme catalogue. The catalogue is injectable for the benchmark.
 */
export function registerFundingFinderRoutes(
  app: App,
  deps: Deps,
  options: { catalogue: readonly FundingProgrammeVersion[] },
): void {
  const { catalogue } = options;
  const measures = catalogueMeasures(catalogue);

  app.post(
    '/api/v1/funding/finder',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Förderung'],
        operationId: 'findFunding',
        summary:
          'Förderfinder: jedes geltende Programm und jede Entlastung mit Ergebnis, Gründen und Betrag',
        body: FinderBody,
        response: {
          200: FinderResponse,
          ...problemResponses([400, 'Ungültige Angabe; die Meldung nennt das Feld']),
        },
      },
    },
    async (request) => {
      const body = request.body;
      try {
        const result = runFinder({
          // The enums are checked by the schema; TypeBox's Unsafe enum types read as unknown.
          answers: {
            company: body.company as FinderCompany,
            measure: (body.measure ?? {}) as FinderMeasure,
          },
          filters: (body.filters ?? {}) as FinderFilters,
          date: body.date ?? berlinToday(deps),
          catalogue,
        });
        // The trace tree is for pages; the API carries it flattened in `reasons`.
        return { ...result, entries: result.entries.map(({ trace: _trace, ...e }) => e) };
      } catch (error) {
        if (error instanceof FinderInputError) {
          throw new AppError('validation', error.message, [
            { field: error.field, message: error.message },
          ]);
        }
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/funding/programmes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Förderung'],
        operationId: 'listFundingProgrammes',
        summary: 'Programmkatalog: alle Fassungen mit Gültigkeit, Quellen, Rechtsgrundlage',
        response: { 200: CatalogueResponse },
      },
    },
    async () => {
      const date = berlinToday(deps);
      const inForce = new Set(versionsInForce(catalogue, date).map((v) => v.versionId));
      return {
        date,
        versions: catalogue.map((v) => ({
          programmeId: v.programmeId,
          versionId: v.versionId,
          title: v.title,
          shortTitle: v.shortTitle,
          validFrom: v.validFrom,
          inForce: inForce.has(v.versionId),
          ...(v.callOpenFrom ? { callOpenFrom: v.callOpenFrom } : {}),
          ...(v.callOpenUntil ? { callOpenUntil: v.callOpenUntil } : {}),
          fundingBody: v.fundingBody,
          legalBasis: [...v.legalBasis],
          stateAid: stateAidOf(v.stateAid),
          applicants: v.applicants,
          measures: v.measures.map((m) => ({
            id: m.id,
            label: m.label,
            eligibleCosts: [...m.eligibleCosts],
          })),
          sources: [...v.sources],
          open: [...v.open],
        })),
      };
    },
  );

  app.get(
    '/foerderfinder',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const form = formFromQuery(query);
      if (form.sort === '') form.sort = 'deadline';
      const ctx = pageContext(request, reply);
      const alertOffer = (queryString: string): AlertOffer =>
        can(request.actor, 'funding-alerts:manage') && alertCompanies(request.actor).length > 0
          ? { kind: 'save', query: queryString }
          : request.actor.kind === 'anonymous'
            ? { kind: 'login' }
            : { kind: 'none' };
      // A company member with a profile can fill the company answers from it in one step.
      const [company] = alertCompanies(request.actor);
      const profile = company ? await loadCompanyProfile(deps.db, company) : undefined;
      const prefill = profile
        ? `/foerderfinder?${queryFromAnswers(finderAnswersFromProfile(companyProfileInput(profile, berlinToday(deps))))}`
        : undefined;
      const page = (errors: FieldError[], result?: FinderResult, status = 200) =>
        sendPage(
          reply,
          <FinderPage
            ctx={ctx}
            form={form}
            errors={errors}
            measures={measures}
            result={result}
            alert={alertOffer(request.url.split('?')[1] ?? '')}
            prefill={prefill}
          />,
          status,
        );
      if (query.pruefen !== '1') return page([]);
      const parsed = answersFromForm(form);
      if (!parsed.answers) return page(parsed.errors, undefined, 400);
      try {
        const result = runFinder({
          ...parsed.answers,
          date: berlinToday(deps),
          catalogue,
        });
        return page([], result);
      } catch (error) {
        if (error instanceof FinderInputError) return page([formErrorOf(error)], undefined, 400);
        throw error;
      }
    },
  );
}
