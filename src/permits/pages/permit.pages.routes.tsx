/** Permit pages: the lists (own applications, work queue, statements) and the new application. */
import { Type } from '@sinclair/typebox';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { unflattenForm } from '../../platform/forms.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { EMPTY_APPLICATION, parseApplication } from '../application.ts';
import { createApplication } from '../application.actions.ts';
import { listProcedures } from '../permit.queries.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { organisationsWithRole } from '../../procedures/case/case-roles.ts';
import {
  ASSIGNMENT_CHOICES,
  NewApplicationPage,
  SimpleListPage,
  WorkQueuePage,
} from './list.views.tsx';
import { actorId } from '../../procedures/case-access.ts';
import { Form, registerPermitCaseRoutes, rowsFrom, strings } from './case.routes.tsx';

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
          zuweisung: Type.Optional(
            Type.String({ enum: ['', ...ASSIGNMENT_CHOICES.map((c) => c.value)] }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const step = request.query.schritt ?? '';
      const overdue = request.query.ueberfaellig === 'ja';
      const assignment =
        ASSIGNMENT_CHOICES.find((c) => c.value === request.query.zuweisung) ??
        ASSIGNMENT_CHOICES[0]!;
      const items = await listProcedures(
        deps.db,
        { tenantIds: organisationsWithRole(request.actor, 'case_worker') },
        {
          today: today(),
          step: step || undefined,
          overdueOnly: overdue,
          internal: { userId: actorId(request.actor), assignment: assignment.filter },
        },
      );
      return sendPage(
        reply,
        <WorkQueuePage
          ctx={pageContext(request, reply)}
          items={items}
          today={today()}
          step={step}
          overdue={overdue}
          assignment={assignment.value}
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

  registerPermitCaseRoutes(app, deps);
}
