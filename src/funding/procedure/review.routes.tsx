/**
 * The reviewers' pages: their queue, and per case the declaration of a conflict of interest and
 * the review. Only reviews assigned to the person are reachable (checked in the use case).
 */
import { Type } from '@sinclair/typebox';
import { AppError, HTTP_STATUS } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { loadReviewerCase, reviewerQueue, submitReview } from './review.actions.ts';
import { ReviewerCasePage, ReviewerQueuePage } from './review.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Ok = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 60 })) });
const FORM_ERRORS = new Set(['validation', 'conflict', 'forbidden']);

const strings = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([k, v]) => [k, v.slice(0, 20_000)]),
  );

export function registerReviewerRoutes(app: App, deps: Deps): void {
  app.get('/begutachtung', { config: { access: 'funding:review' } }, async (request, reply) =>
    sendPage(
      reply,
      <ReviewerQueuePage
        ctx={pageContext(request, reply)}
        items={await reviewerQueue(deps, request.actor)}
      />,
    ),
  );

  app.get(
    '/begutachtung/:id',
    { config: { access: 'funding:review' }, schema: { params: Id, querystring: Ok } },
    async (request, reply) => {
      const data = await loadReviewerCase(deps, request.actor, request.params.id);
      const ok = request.query.ok;
      return sendPage(
        reply,
        <ReviewerCasePage
          ctx={pageContext(request, reply)}
          data={data}
          message={
            ok === 'abgegeben'
              ? 'Ihr Gutachten ist abgegeben.'
              : ok === 'befangen'
                ? 'Ihre Erklärung zum Interessenkonflikt ist gespeichert; Sie begutachten diesen Antrag nicht.'
                : undefined
          }
        />,
      );
    },
  );

  app.post(
    '/begutachtung/:id',
    { config: { access: 'funding:review' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const { id } = request.params;
      const values = strings(request.body);
      try {
        const result = await submitReview(deps, request.actor, id, {
          conflict: values.befangen ?? '',
          conflictNote: values.befangen_grund ?? '',
          score: values.punkte ?? '',
          comment: values.begruendung ?? '',
        });
        return reply.redirect(
          `/begutachtung/${id}?ok=${result === 'conflict' ? 'befangen' : 'abgegeben'}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
        const data = await loadReviewerCase(deps, request.actor, id);
        return sendPage(
          reply,
          <ReviewerCasePage
            ctx={pageContext(request, reply)}
            data={data}
            errors={error.formErrors('befangen')}
            values={values}
          />,
          HTTP_STATUS[error.code],
        );
      }
    },
  );
}
