/**
 * Pages of the funding procedure: the company's overview, a new application, the case page with
 * one form per possible step, the funding body's work list and CSV export, and the reviewers'
 * pages. Every step goes through the shared case layer (performCaseStep); refusals re-show the
 * page with the German message and the values as typed, and nothing is stored.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fundingBodyStaff } from '../../platform/auth/policy.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { CONFIRM_FIELD } from '../../procedures/case/destructive-actions.ts';
import type { LetterBuilders } from '../../procedures/letters/letter.builder.ts';
import {
  applyingCompany,
  createFundingApplication,
  openCalls,
  saveFundingApplication,
} from './grant.application.ts';
import { registerFundingDocumentRoutes } from './grant.documents.routes.ts';
import { streamApplicationsCsv } from './grant.export.ts';
import { fundingProcedureType, performFundingStep } from './grant.family.ts';
import { amountUnit, formInput, type FormInput } from './grant.form.ts';
import { bodyCases, companyCases, companyDeadlines } from './grant.lists.ts';
import {
  BODY_STEP_FILTER,
  BodyCasesPage,
  CompanyFundingPage,
  NewApplicationPage,
} from './grant.pages.views.tsx';
import { renderFundingCase, type FundingCaseExtra } from './grant.case.render.tsx';
import { loadFundingCaseView } from './grant.view-model.ts';
import { CASEWORK_MESSAGES } from '../../procedures/casework.routes.tsx';
import { assignReviewer } from './review.actions.ts';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Ok = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 60 })) });

const MESSAGES: Record<string, string> = {
  angelegt: 'Der Entwurf ist angelegt. Prüfen Sie die Angaben und reichen Sie den Antrag ein.',
  gespeichert: 'Der Entwurf ist gespeichert.',
  gutachter: 'Die Gutachterin oder der Gutachter ist bestellt.',
  'submit-application': 'Der Antrag ist eingereicht. Sie erhalten eine Eingangsbestätigung.',
  'submit-outline': 'Die Projektskizze ist eingereicht.',
  'request-payment': 'Der Mittelabruf ist eingegangen.',
  'submit-proof': 'Der Verwendungsnachweis ist eingereicht.',
  hochgeladen: 'Die Unterlage ist gespeichert.',
};

const strings = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([k, v]) => [k, v.slice(0, 20_000)]),
  );

const FORM_ERRORS = new Set(['validation', 'conflict', 'forbidden']);

export function registerFundingProcedureRoutes(
  app: App,
  deps: Deps,
  builders: LetterBuilders,
): void {
  const renderCase = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: FundingCaseExtra,
    status = 200,
  ) => renderFundingCase(deps, builders, request, reply, id, extra, status);
  registerFundingDocumentRoutes(app, deps, renderCase);

  app.get(
    '/unternehmen/foerderung',
    { config: { access: 'funding:apply' } },
    async (request, reply) => {
      const company = applyingCompany(request.actor);
      const [cases, deadlines] = await Promise.all([
        companyCases(deps.db, company.id),
        companyDeadlines(deps.db, company.id),
      ]);
      return sendPage(
        reply,
        <CompanyFundingPage
          ctx={pageContext(request, reply)}
          company={company.name}
          cases={cases}
          deadlines={deadlines}
          today={berlinDate(deps.clock.now())}
        />,
      );
    },
  );

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lineId: string,
    measureId: string,
    input: FormInput,
    errors: FieldError[],
    status = 200,
  ) => {
    applyingCompany(request.actor);
    const calls = await openCalls(deps.db, berlinDate(deps.clock.now()));
    const call = calls.find((c) => c.lineId === lineId);
    if (lineId !== '' && !call && errors.length === 0)
      errors = [
        {
          field: 'aufruf',
          message: 'Förderaufruf: Diesen Aufruf gibt es nicht oder er ist geschlossen.',
        },
      ];
    return sendPage(
      reply,
      <NewApplicationPage
        ctx={pageContext(request, reply)}
        calls={calls}
        call={call}
        measureId={measureId}
        input={input}
        errors={errors}
      />,
      status,
    );
  };

  app.get(
    '/foerderung/antraege/neu',
    {
      config: { access: 'funding:apply' },
      schema: {
        querystring: Type.Object({
          aufruf: Type.Optional(Type.String({ maxLength: 40 })),
          massnahme: Type.Optional(Type.String({ maxLength: 80 })),
        }),
      },
    },
    async (request, reply) =>
      renderNew(request, reply, request.query.aufruf ?? '', request.query.massnahme ?? '', {}, []),
  );

  app.post(
    '/foerderung/antraege/neu',
    { config: { access: 'funding:apply' }, schema: { body: Form } },
    async (request, reply) => {
      const body = request.body;
      const lineId = typeof body.aufruf === 'string' ? body.aufruf : '';
      const measureId = typeof body.massnahme === 'string' ? body.massnahme : '';
      const calls = await openCalls(deps.db, berlinDate(deps.clock.now()));
      const call = calls.find((c) => c.lineId === lineId);
      const measure =
        call?.version.measures.find((m) => m.id === measureId) ?? call?.version.measures[0];
      const input = call && measure ? formInput(body, measure, amountUnit(call.version)) : {};
      try {
        const id = await createFundingApplication({
          deps,
          actor: request.actor,
          lineId,
          measureId,
          input,
        });
        return reply.redirect(`/foerderung/antraege/${id}?ok=angelegt`, 303);
      } catch (error) {
        if (
          !(error instanceof AppError) ||
          (!FORM_ERRORS.has(error.code) && error.code !== 'not_found')
        )
          throw error;
        return renderNew(
          request,
          reply,
          lineId,
          measureId,
          input,
          error.formErrors('titel'),
          error.code === 'not_found' ? 404 : HTTP_STATUS[error.code],
        );
      }
    },
  );

  app.get(
    '/foerderung/antraege/:id',
    { config: { access: 'procedures:use' }, schema: { params: Id, querystring: Ok } },
    async (request, reply) => {
      const ok = request.query.ok;
      return renderCase(
        request,
        reply,
        request.params.id,
        ok
          ? {
              message:
                MESSAGES[ok] ?? CASEWORK_MESSAGES[ok] ?? 'Der Verfahrensschritt wurde ausgeführt.',
            }
          : {},
      );
    },
  );

  app.post(
    '/foerderung/antraege/:id',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const { id } = request.params;
      const view = await loadFundingCaseView(deps, request.actor, id);
      const input = view.measure ? formInput(request.body, view.measure, view.unit) : {};
      try {
        await saveFundingApplication({
          deps,
          actor: request.actor,
          procedureId: id,
          input,
          expectedVersion: Number(request.body.version),
        });
        return reply.redirect(`/foerderung/antraege/${id}?ok=gespeichert`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
        return renderCase(
          request,
          reply,
          id,
          { errors: error.formErrors('titel'), applicationInput: input },
          HTTP_STATUS[error.code],
        );
      }
    },
  );

  app.post(
    '/foerderung/antraege/:id/schritt/:action',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          action: Type.String({ pattern: '^[a-z-]{2,60}$' }),
        }),
        body: Form,
      },
    },
    async (request, reply) => {
      const { id, action } = request.params;
      const prefix = `${action}.`;
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(strings(request.body)))
        if (k.startsWith(prefix)) values[k.slice(prefix.length)] = v;
      try {
        await performFundingStep({
          deps,
          actor: request.actor,
          procedureId: id,
          action,
          input: values,
          expectedVersion: Number(request.body.version),
          confirmed: values[CONFIRM_FIELD] === 'ja',
        });
        return reply.redirect(`/foerderung/antraege/${id}?ok=${action}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
        const errors = error.formErrors(action).map((e) => ({
          ...e,
          field:
            e.field === 'input' || e.field === action
              ? `${action}.${CONFIRM_FIELD}`
              : e.field.startsWith(prefix)
                ? e.field
                : `${prefix}${e.field}`,
        }));
        return renderCase(
          request,
          reply,
          id,
          { errors, failed: { action, values } },
          HTTP_STATUS[error.code],
        );
      }
    },
  );

  app.post(
    '/foerderung/antraege/:id/gutachter',
    { config: { access: 'funding:casework' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const { id } = request.params;
      try {
        await assignReviewer(
          deps,
          request.actor,
          id,
          typeof request.body.gutachter === 'string' ? request.body.gutachter : '',
        );
        return reply.redirect(`/foerderung/antraege/${id}?ok=gutachter`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
        return renderCase(
          request,
          reply,
          id,
          { errors: error.formErrors('gutachter') },
          HTTP_STATUS[error.code],
        );
      }
    },
  );

  const stepLabel = (step: string) =>
    fundingProcedureType('funding-competitive', '2026-12').steps.find((s) => s.key === step)
      ?.label ?? step;
  const StepQuery = Type.Object({
    schritt: Type.Optional(
      Type.Union([Type.Literal(''), ...BODY_STEP_FILTER.map((s) => Type.Literal(s))]),
    ),
    ab: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  });

  app.get(
    '/foerderstelle/antraege',
    { config: { access: 'funding:casework' }, schema: { querystring: StepQuery } },
    async (request, reply) => {
      const step = request.query.schritt ?? '';
      const offset = request.query.ab ?? 0;
      const bodies = fundingBodyStaff(request.actor).map((b) => b.id);
      const result = await bodyCases(deps.db, bodies, { ...(step ? { step } : {}), offset });
      return sendPage(
        reply,
        <BodyCasesPage
          ctx={pageContext(request, reply)}
          result={result}
          step={step}
          offset={offset}
        />,
      );
    },
  );

  app.get(
    '/foerderstelle/antraege.csv',
    { config: { access: 'funding:casework' }, schema: { querystring: StepQuery } },
    async (request, reply) => {
      const bodies = fundingBodyStaff(request.actor).map((b) => b.id);
      const step = request.query.schritt || undefined;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="foerderantraege-${berlinDate(deps.clock.now())}.csv"`,
        );
      return reply.send(streamApplicationsCsv(deps.db, bodies, step, stepLabel));
    },
  );
}
