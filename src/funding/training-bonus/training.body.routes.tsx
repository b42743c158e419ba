import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  bindWaitingTrainingClaims,
  decideTrainingClaim,
  fundingBodyOf,
  saveTrainingSettings,
} from './training.body.ts';
import { BASE, QueuePage } from './training.body.views.tsx';
import { ClaimPage } from './training.claim.views.tsx';
import {
  access,
  ClaimParams,
  Flag,
  FormBody,
  formAction,
  isSupervisor,
  okOf,
  QUEUE_SHOWN,
  supervise,
  text,
} from './training.body.http.ts';
import { registerTrainingCourseRoutes } from './training.courses.routes.tsx';
import { registerTrainingRunRoutes } from './training.runs.routes.tsx';

/**
 * The funding body's pages of the training bonus: the QA queue and settings, a claim with its
 * checks and the decision by hand, the course list, the payment runs (create, download, confirm,
 * cancel). Staff of a funding body only (policy action 'training-bonus:review'); every query
 * names the staff member's own funding body, so another body's claim or run is "not found".
 */
export function registerTrainingBodyRoutes(app: App, deps: Deps): void {
  const renderQueue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state?: { values: Record<string, string>; errors: FieldError[] },
    status = 200,
  ) => {
    const body = fundingBodyOf(request.actor);
    const [counts, queue, settings] = await Promise.all([
      deps.db
        .selectFrom('training_claims')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where('tenant_id', '=', body.id)
        .groupBy('status')
        .execute(),
      deps.db
        .selectFrom('training_claims as c')
        .innerJoin('organisations as o', 'o.id', 'c.company_id')
        .innerJoin('training_courses as co', 'co.id', 'c.course_id')
        .select([
          'c.id',
          'c.employee_name',
          'o.name as company_name',
          'co.code as course_code',
          'c.granted_cents',
          'c.sampled',
          'c.checks',
          'c.submitted_at',
        ])
        .where('c.tenant_id', '=', body.id)
        .where('c.status', '=', 'qa')
        .orderBy('c.seq')
        .limit(QUEUE_SHOWN)
        .execute(),
      deps.db
        .selectFrom('training_bonus_settings')
        .selectAll()
        .where('tenant_id', '=', body.id)
        .executeTakeFirst(),
    ]);
    return sendPage(
      reply,
      <QueuePage
        ctx={pageContext(request, reply)}
        bodyName={body.name}
        counts={Object.fromEntries(counts.map((c) => [c.status, c.n]))}
        queue={queue}
        settings={settings}
        settingsValues={state?.values}
        errors={state?.errors ?? []}
        isSupervisor={isSupervisor(request)}
        message={state ? undefined : okOf(request)}
      />,
      status,
    );
  };

  app.get(BASE, { config: access, schema: { querystring: Flag } }, (request, reply) =>
    renderQueue(request, reply),
  );

  app.post(
    `${BASE}/einstellungen`,
    { config: supervise, schema: { body: FormBody } },
    async (request, reply) => {
      const b = request.body;
      const draft = {
        samplePermille: text(b.samplePermille),
        debtorName: text(b.debtorName),
        debtorIban: text(b.debtorIban),
        debtorBic: text(b.debtorBic),
      };
      return formAction(
        async () => {
          await saveTrainingSettings({ db: deps.db, actor: request.actor, draft });
          return `${BASE}?ok=einstellungen`;
        },
        (errors, status) => renderQueue(request, reply, { values: draft, errors }, status),
        reply,
        'samplePermille',
      );
    },
  );

  // After a new appropriation: claims waiting for funds are bound in order of submission.
  app.post(
    `${BASE}/mittel-binden`,
    { config: access, schema: { body: FormBody } },
    async (request, reply) => {
      await bindWaitingTrainingClaims({ db: deps.db, actor: request.actor, now: deps.clock.now() });
      return reply.redirect(`${BASE}?ok=gebunden`, 303);
    },
  );

  const renderClaim = async (
    request: FastifyRequest,
    reply: FastifyReply,
    claimId: string,
    state?: {
      values: { decision?: string; reason?: string; passedByHand?: string[] };
      errors: FieldError[];
    },
    status = 200,
  ) => {
    const body = fundingBodyOf(request.actor);
    const claim = await deps.db
      .selectFrom('training_claims as c')
      .innerJoin('organisations as o', 'o.id', 'c.company_id')
      .innerJoin('training_courses as co', 'co.id', 'c.course_id')
      .select([
        'c.id',
        'c.employee_name',
        'o.name as company_name',
        'c.role',
        'co.code as course_code',
        'co.title as course_title',
        'c.course_start',
        'c.course_end',
        'c.training_days',
        'c.iban',
        'c.bic',
        'c.account_holder',
        'c.status',
        'c.requested_cents',
        'c.granted_cents',
        'c.checks',
        'c.sampled',
        'c.decision_reason',
      ])
      .where('c.id', '=', claimId)
      .where('c.tenant_id', '=', body.id)
      .executeTakeFirst();
    if (!claim) throw new AppError('not_found', 'Der Antrag wurde nicht gefunden.');
    const events = await deps.db
      .selectFrom('training_claim_events')
      .select(['kind', 'reason', 'actor_name', 'at'])
      .where('claim_id', '=', claimId)
      .where('tenant_id', '=', body.id)
      .orderBy('at')
      .execute();
    return sendPage(
      reply,
      <ClaimPage
        ctx={pageContext(request, reply)}
        claim={claim}
        events={events}
        values={state?.values ?? {}}
        errors={state?.errors ?? []}
      />,
      status,
    );
  };

  app.get(
    `${BASE}/antraege/:claimId`,
    { config: access, schema: { params: ClaimParams } },
    (request, reply) => renderClaim(request, reply, request.params.claimId),
  );

  app.post(
    `${BASE}/antraege/:claimId/entscheidung`,
    { config: access, schema: { params: ClaimParams, body: FormBody } },
    async (request, reply) => {
      const b = request.body;
      const raw = b.passedByHand;
      const passedByHand = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        .map(text)
        .slice(0, 20);
      const values = { decision: text(b.decision), reason: text(b.reason), passedByHand };
      return formAction(
        async () => {
          await decideTrainingClaim({
            db: deps.db,
            actor: request.actor,
            claimId: request.params.claimId,
            decision: values.decision,
            reason: values.reason,
            passedByHand,
            now: deps.clock.now(),
          });
          return `${BASE}?ok=entschieden`;
        },
        (errors, status) =>
          renderClaim(request, reply, request.params.claimId, { values, errors }, status),
        reply,
        'reason',
      );
    },
  );

  registerTrainingCourseRoutes(app, deps);
  registerTrainingRunRoutes(app, deps);
}
