import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { addTrainingCourse, fundingBodyOf, setTrainingCourseActive } from './training.body.ts';
import { BASE } from './training.body.views.tsx';
import { CoursesPage } from './training.courses.views.tsx';
import {
  access,
  CourseParams,
  Flag,
  FormBody,
  formAction,
  kept,
  okOf,
} from './training.body.http.ts';

/** The funding body's course list (VDI 4645 or equivalent): list, add, take off or back on. */
export function registerTrainingCourseRoutes(app: App, deps: Deps): void {
  const renderCourses = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state?: { values: Record<string, string>; errors: FieldError[] },
    status = 200,
  ) => {
    const body = fundingBodyOf(request.actor);
    const courses = await deps.db
      .selectFrom('training_courses')
      .select(['id', 'code', 'title', 'provider', 'standard', 'days', 'active'])
      .where('tenant_id', '=', body.id)
      .orderBy('code')
      .execute();
    return sendPage(
      reply,
      <CoursesPage
        ctx={pageContext(request, reply)}
        courses={courses}
        values={state?.values ?? {}}
        errors={state?.errors ?? []}
        message={state ? undefined : okOf(request)}
      />,
      status,
    );
  };

  app.get(`${BASE}/kurse`, { config: access, schema: { querystring: Flag } }, (request, reply) =>
    renderCourses(request, reply),
  );

  app.post(
    `${BASE}/kurse`,
    { config: access, schema: { body: FormBody } },
    async (request, reply) => {
      const values = kept(request.body);
      return formAction(
        async () => {
          await addTrainingCourse({
            db: deps.db,
            actor: request.actor,
            draft: {
              code: values.code ?? '',
              title: values.title ?? '',
              provider: values.provider ?? '',
              standard: values.standard ?? '',
              days: values.days ?? '',
            },
          });
          return `${BASE}/kurse?ok=kurs`;
        },
        (errors, status) => renderCourses(request, reply, { values, errors }, status),
        reply,
        'code',
      );
    },
  );

  app.post(
    `${BASE}/kurse/:courseId/status`,
    { config: access, schema: { params: CourseParams, body: FormBody } },
    async (request, reply) => {
      await setTrainingCourseActive({
        db: deps.db,
        actor: request.actor,
        courseId: request.params.courseId,
        active: request.body.active === 'true',
      });
      return reply.redirect(`${BASE}/kurse?ok=kursstatus`, 303);
    },
  );
}
