import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { unflattenForm } from '../../platform/forms.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { EMPTY_APPLICATION, parseApplication } from '../application.ts';
import { createApplication, saveApplication } from '../application.actions.ts';
import { listOverruns } from '../deadline-watch.ts';
import { uploadDocument } from '../document.actions.ts';
import { performAction } from '../permit.actions.ts';
import { berlinDate, listProcedures } from '../permit.queries.ts';
import { organisationsWithRole } from '../procedure-access.ts';
import { loadCaseView, sendCaseDocument } from '../procedure.view-model.ts';
import { readUpload } from '../upload.ts';
import { actionInput } from './action.forms.tsx';
import { CasePage } from './case.views.tsx';
import { NewApplicationPage, OverrunPage, SimpleListPage, WorkQueuePage } from './list.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MESSAGES: Record<string, string> = {
  angelegt: 'Der Antrag wurde als Entwurf angelegt.',
  gespeichert: 'Der Entwurf wurde gespeichert.',
  hochgeladen: 'Die Unterlage wurde gespeichert.',
};

function rowsFrom(body: Record<string, unknown>): number {
  const rows = Number(body.rows ?? 2) + (body.moreRows ? 3 : 0);
  return Number.isFinite(rows) ? Math.min(Math.max(rows, 1), 60) : 2;
}

async function renderCase(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: {
    errors?: FieldError[];
    message?: string;
    values?: Record<string, string>;
    rows?: number;
    applicationInput?: Record<string, string>;
  },
  status = 200,
) {
  const view = await loadCaseView(deps, request.actor, id);
  return sendPage(
    reply,
    <CasePage ctx={pageContext(request, reply)} view={view} {...extra} />,
    status,
  );
}

function strings(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

const STATUS = { validation: 400, conflict: 409, forbidden: 403, payload_too_large: 413 } as const;

export function registerPermitPageRoutes(app: App, deps: Deps): void {
  const today = () => berlinDate(deps.clock.now());
  const authorities = () =>
    deps.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('kind', '=', 'authority')
      .orderBy('name')
      .execute();

  app.get('/antraege', { config: { access: 'applications:create' } }, async (request, reply) => {
    const items = await listProcedures(
      deps.db,
      { applicantOrgIds: organisationsWithRole(request.actor, 'applicant') },
      { today: today() },
    );
    const page = (
      <SimpleListPage
        ctx={pageContext(request, reply)}
        title="Meine Anträge"
        intro="Anträge Ihres Unternehmens mit der jeweils nächsten Frist."
        items={items}
        today={today()}
        newLink
      />
    );
    return sendPage(reply, page);
  });

  app.get(
    '/antraege/neu',
    {
      config: { access: 'applications:create' },
      // ?verfahren=foermlich preselects the formal procedure (a link from the procedure finder).
      schema: { querystring: Type.Object({ verfahren: Type.Optional(Type.String()) }) },
    },
    async (request, reply) =>
      sendPage(
        reply,
        <NewApplicationPage
          ctx={pageContext(request, reply)}
          authorities={await authorities()}
          data={{
            ...EMPTY_APPLICATION,
            permitWish: request.query.verfahren === 'foermlich' ? 'formal' : 'auto',
          }}
          authorityId=""
          errors={[]}
          rows={3}
        />,
      ),
  );

  app.post(
    '/antraege/neu',
    { config: { access: 'applications:create' }, schema: { body: Form } },
    async (request, reply) => {
      const body = unflattenForm(request.body);
      const rerender = async (errors: FieldError[], status: number) =>
        sendPage(
          reply,
          <NewApplicationPage
            ctx={pageContext(request, reply)}
            authorities={await authorities()}
            data={parseApplication(body).data}
            input={strings(request.body)}
            authorityId={typeof body.authorityId === 'string' ? body.authorityId : ''}
            errors={errors}
            rows={rowsFrom(body)}
          />,
          status,
        );
      if (body.moreRows) return rerender([], 200);
      try {
        const id = await createApplication({ deps, actor: request.actor, body });
        return reply.redirect(`/verfahren/${id}?ok=angelegt`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation')
          return rerender(error.fieldErrors, 400);
        throw error;
      }
    },
  );

  app.get(
    '/arbeitskorb',
    {
      config: { access: 'work-queue:view' },
      schema: {
        querystring: Type.Object({
          schritt: Type.Optional(Type.String()),
          ueberfaellig: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const step = request.query.schritt ?? '';
      const overdue = request.query.ueberfaellig === 'ja';
      const items = await listProcedures(
        deps.db,
        { tenantIds: organisationsWithRole(request.actor, 'case_worker') },
        { today: today(), step: step || undefined, overdueOnly: overdue },
      );
      return sendPage(
        reply,
        <WorkQueuePage
          ctx={pageContext(request, reply)}
          items={items}
          today={today()}
          step={step}
          overdue={overdue}
        />,
      );
    },
  );

  app.get('/stellungnahmen', { config: { access: 'statements:view' } }, async (request, reply) => {
    const items = await listProcedures(
      deps.db,
      { agencyOrgIds: organisationsWithRole(request.actor, 'agency_member') },
      { today: today() },
    );
    const page = (
      <SimpleListPage
        ctx={pageContext(request, reply)}
        title="Stellungnahmen"
        intro="Verfahren, zu denen Ihre Behörde um Stellungnahme gebeten wurde."
        items={items}
        today={today()}
      />
    );
    return sendPage(reply, page);
  });

  app.get('/aufsicht/fristen', { config: { access: 'overruns:view' } }, async (request, reply) => {
    const rows = await listOverruns(deps, request.actor, today());
    return sendPage(reply, <OverrunPage ctx={pageContext(request, reply)} rows={rows} />);
  });

  app.get(
    '/verfahren/:id',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, querystring: Type.Object({ ok: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      const ok = request.query.ok;
      const message = ok ? (MESSAGES[ok] ?? 'Der Verfahrensschritt wurde ausgeführt.') : undefined;
      return renderCase(deps, request, reply, request.params.id, { message });
    },
  );

  app.post(
    '/verfahren/:id/antrag',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const body = unflattenForm(request.body);
      // More rows keep what was typed so far; nothing is saved until the person saves.
      if (body.moreRows)
        return renderCase(deps, request, reply, request.params.id, {
          rows: rowsFrom(body),
          applicationInput: strings(request.body),
        });
      try {
        await saveApplication({
          deps,
          actor: request.actor,
          procedureId: request.params.id,
          body,
          expectedVersion: Number(body.version),
        });
        return reply.redirect(`/verfahren/${request.params.id}?ok=gespeichert`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'conflict')
        ) {
          const errors = error.formErrors('title');
          return renderCase(
            deps,
            request,
            reply,
            request.params.id,
            { errors, rows: rowsFrom(body), applicationInput: strings(request.body) },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.post(
    '/verfahren/:id/aktionen/:action',
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
      try {
        await performAction({
          deps,
          actor: request.actor,
          procedureId: id,
          action,
          input: actionInput(action, request.body),
          expectedVersion: Number(request.body.version),
        });
        return reply.redirect(`/verfahren/${id}?ok=${action}`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'conflict' || error.code === 'forbidden')
        ) {
          const errors = error
            .formErrors(action)
            .map((e) => ({ ...e, field: e.field === 'input' ? action : e.field }));
          return renderCase(
            deps,
            request,
            reply,
            id,
            { errors, values: strings(request.body) },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.post(
    '/verfahren/:id/dokumente',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      try {
        const upload = await readUpload(request);
        await uploadDocument({
          deps,
          actor: request.actor,
          procedureId: request.params.id,
          ...upload,
        });
        return reply.redirect(`/verfahren/${request.params.id}?ok=hochgeladen#unterlagen`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' ||
            error.code === 'conflict' ||
            error.code === 'payload_too_large')
        ) {
          const errors = error.formErrors('file');
          return renderCase(
            deps,
            request,
            reply,
            request.params.id,
            { errors },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.get(
    '/verfahren/:id/dokumente/:docId',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          docId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      return sendCaseDocument(deps, request, reply, request.params.id, request.params.docId);
    },
  );
}
