import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { determineSmeStatus, type SmeResult } from '../../law/funding/index.ts';
import { SupportInputError } from '../../law/rules/index.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { ownCompany, saveCompanyProfile } from './profile.actions.ts';
import {
  apiFieldErrors,
  AsOfQuery,
  CompanyProfileAnswer,
  CompanyProfileBody,
  draftFromApi,
  profileOut,
  SaveAnswer,
  SmeStatusAnswer,
  smeOut,
} from './profile.api.ts';
import {
  draftFromForm,
  formValuesOf,
  keptValues,
  rowCount,
  type FormValues,
  type RelationKind,
} from './profile.form.ts';
import { profileHistory } from './profile.history.ts';
import {
  berlinDay,
  companyProfileInput,
  listCompanyProfileVersions,
  loadCompanyProfile,
} from './profile.queries.ts';
import type { CompanyProfile } from './profile.types.ts';
import { MAX_RELATIONS } from './profile.relations.ts';
import { CompanyProfilePage } from './profile.views.tsx';

const PAGE = '/unternehmen/profil';
const FormBody = Type.Record(Type.String(), Type.Unknown());
const Flag = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });

/** The SME status of a stored profile on `date`, or the law layer's German refusal. */
function smeOf(
  profile: CompanyProfile,
  date: string,
): { result: SmeResult; date: string } | { error: string } {
  try {
    return { result: determineSmeStatus(companyProfileInput(profile, date)), date };
  } catch (error) {
    if (error instanceof SupportInputError) return { error: error.message };
    throw error;
  }
}

/**
 * The end of a Berlin calendar day as an instant: "as of 2026-06-30" means everything saved up
 * to that day's midnight in Germany, whether summer or winter time.
 */
function endOfBerlinDay(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextDay = next.toISOString().slice(0, 10);
  for (const offset of ['+02:00', '+01:00']) {
    const at = new Date(`${nextDay}T00:00:00${offset}`);
    if (berlinDay(at) === nextDay && berlinDay(new Date(at.getTime() - 1)) === date) {
      return new Date(at.getTime() - 1);
    }
  }
  return new Date(`${date}T23:59:59Z`);
}

function asOfDate(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  const day = new Date(`${asOf}T12:00:00Z`);
  const real = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === asOf;
  const at = real ? endOfBerlinDay(asOf) : undefined;
  if (!at || berlinDay(at) !== asOf) {
    throw new AppError('validation', `Der Stichtag „${asOf}“ ist kein gültiges Datum.`, [
      { field: 'asOf', message: `Der Stichtag „${asOf}“ ist kein gültiges Datum.` },
    ]);
  }
  return at;
}

/**
 * The company profile: the page /unternehmen/profil (form without script, PRG, history, SME
 * status with its trace) and the JSON API /api/v1/company-profile. Only members of the company
 * in the role 'applicant' reach them (policy action 'company-profile:manage'); the use case
 * takes the company from the membership, never from the request.
 */
export function registerCompanyProfileRoutes(app: App, deps: Deps): void {
  const today = () => berlinDay(deps.clock.now());

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state?: { values: FormValues; errors: FieldError[] },
    status = 200,
  ) => {
    const company = ownCompany(request.actor);
    const date = today();
    const [profile, versions] = await Promise.all([
      loadCompanyProfile(deps.db, company.id),
      listCompanyProfileVersions(deps.db, company.id),
    ]);
    const query = request.query as { ok?: string } | undefined;
    return sendPage(
      reply,
      <CompanyProfilePage
        ctx={pageContext(request, reply)}
        companyName={company.name}
        profile={profile}
        sme={profile ? smeOf(profile, date) : undefined}
        history={profileHistory(versions)}
        values={state?.values ?? formValuesOf(profile, date)}
        errors={state?.errors ?? []}
        message={state ? undefined : query?.ok}
      />,
      status,
    );
  };

  app.get(
    PAGE,
    { config: { access: 'company-profile:manage' }, schema: { querystring: Flag } },
    async (request, reply) => render(request, reply),
  );

  app.post(
    PAGE,
    { config: { access: 'company-profile:manage' }, schema: { body: FormBody } },
    async (request, reply) => {
      const body = request.body;
      const values = keptValues(body);
      const action = typeof body.aktion === 'string' ? body.aktion : 'speichern';
      // "Weitere Zeile": the same form again with one more empty row; nothing is saved.
      const more = /^weitere-(partners|linked)$/.exec(action);
      if (more) {
        const kind = more[1] as RelationKind;
        values[`${kind}Rows`] = String(Math.min(rowCount(body, kind) + 1, MAX_RELATIONS));
        for (const other of ['partners', 'linked'] as const)
          if (other !== kind) values[`${other}Rows`] = String(Math.max(rowCount(body, other), 1));
        return render(request, reply, { values, errors: [] });
      }
      try {
        const { version } = await saveCompanyProfile({
          db: deps.db,
          actor: request.actor,
          draft: draftFromForm(body),
          now: deps.clock.now(),
        });
        return reply.redirect(`${PAGE}?ok=${version ? 'gespeichert' : 'unveraendert'}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        for (const kind of ['partners', 'linked'] as const)
          values[`${kind}Rows`] = String(Math.max(rowCount(body, kind), 1));
        return render(
          request,
          reply,
          { values, errors: error.formErrors('validFrom') },
          HTTP_STATUS.validation,
        );
      }
    },
  );

  app.get(
    '/api/v1/company-profile',
    {
      config: { access: 'company-profile:manage' },
      schema: {
        tags: ['Förderung'],
        operationId: 'getCompanyProfile',
        summary: 'Unternehmensprofil des eigenen Unternehmens (mit Verlauf aller Fassungen)',
        querystring: AsOfQuery,
        response: { 200: CompanyProfileAnswer },
      },
    },
    async (request) => {
      const company = ownCompany(request.actor);
      const at = asOfDate(request.query.asOf);
      const [profile, versions] = await Promise.all([
        loadCompanyProfile(deps.db, company.id, at),
        listCompanyProfileVersions(deps.db, company.id),
      ]);
      return {
        profile: profile ? profileOut(profile) : null,
        history: profileHistory(versions).map((h) => ({
          ...h,
          recordedAt: h.recordedAt.toISOString(),
        })),
      };
    },
  );

  app.put(
    '/api/v1/company-profile',
    {
      config: { access: 'company-profile:manage' },
      schema: {
        tags: ['Förderung'],
        operationId: 'putCompanyProfile',
        summary: 'Unternehmensprofil als neue Fassung speichern',
        description:
          'Jede Speicherung legt eine neue, unveränderliche Fassung an (wer, wann, gültig ab). Ohne Änderung wird keine Fassung angelegt. Fehlerhafte Angaben werden mit einer deutschen Meldung je Feld abgelehnt; dann wird nichts gespeichert.',
        body: CompanyProfileBody,
        response: { 200: SaveAnswer, ...problemResponses(400) },
      },
    },
    async (request) => {
      const company = ownCompany(request.actor);
      let version: number | undefined;
      try {
        ({ version } = await saveCompanyProfile({
          db: deps.db,
          actor: request.actor,
          draft: draftFromApi(request.body),
          now: deps.clock.now(),
        }));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        throw new AppError('validation', error.message, apiFieldErrors(error.fieldErrors));
      }
      const profile = await loadCompanyProfile(deps.db, company.id);
      if (!profile) throw new AppError('not_found', 'Das Unternehmensprofil wurde nicht gefunden.');
      return {
        saved: version !== undefined,
        version: version ?? null,
        profile: profileOut(profile),
      };
    },
  );

  app.get(
    '/api/v1/company-profile/sme-status',
    {
      config: { access: 'company-profile:manage' },
      schema: {
        tags: ['Förderung'],
        operationId: 'getCompanyProfileSmeStatus',
        summary:
          'KMU-Status des eigenen Unternehmens nach Anhang I AGVO, mit Rechenweg und Regelprotokoll',
        querystring: AsOfQuery,
        response: {
          200: SmeStatusAnswer,
          ...problemResponses(
            [404, 'Noch kein Unternehmensprofil (am Stichtag) gespeichert'],
            [409, 'Die gespeicherten Angaben reichen für die Prüfung nicht aus'],
          ),
        },
      },
    },
    async (request) => {
      const company = ownCompany(request.actor);
      const at = asOfDate(request.query.asOf);
      const profile = await loadCompanyProfile(deps.db, company.id, at);
      if (!profile) {
        throw new AppError(
          'not_found',
          'Für Ihr Unternehmen ist (am Stichtag) noch kein Unternehmensprofil gespeichert.',
        );
      }
      const date = request.query.asOf ?? today();
      const sme = smeOf(profile, date);
      if ('error' in sme) throw new AppError('conflict', sme.error);
      return smeOut(sme.result, date, profile.version);
    },
  );
}
