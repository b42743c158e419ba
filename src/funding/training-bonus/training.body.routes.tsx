import type { Access } from '../../platform/auth/policy.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { hasRole } from '../../platform/auth/actor.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDay } from '../profile/profile.queries.ts';
import {
  addTrainingCourse,
  decideTrainingClaim,
  fundingBodyOf,
  saveTrainingSettings,
  setTrainingCourseActive,
} from './training.body.ts';
import { BASE, ClaimPage, CoursesPage, QueuePage, RunsPage } from './training.body.views.tsx';
import { cancelPaymentRun, confirmPaymentRun, createPaymentRun } from './training.payments.ts';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const Flag = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });
const Uuid = Type.String({ format: 'uuid' });
const ClaimParams = Type.Object({ claimId: Uuid });
const CourseParams = Type.Object({ courseId: Uuid });
const RunParams = Type.Object({ runId: Uuid });
const QUEUE_SHOWN = 100;

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2_100) : '');
function kept(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf' && typeof v === 'string') values[k] = v.slice(0, 300);
  return values;
}
const okOf = (request: FastifyRequest) => (request.query as { ok?: string } | undefined)?.ok;

/** Runs `action`; a German validation or conflict error re-renders the page with status 400/409. */
async function formAction(
  action: () => Promise<string>,
  render: (errors: FieldError[], status: number) => Promise<FastifyReply>,
  reply: FastifyReply,
  fallbackField: string,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await action(), 303);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict'))
      throw error;
    return render(
      error.formErrors(fallbackField),
      error.code === 'validation' ? HTTP_STATUS.validation : HTTP_STATUS.conflict,
    );
  }
}

/**
 * The funding body's pages of the training bonus: the QA queue and settings, a claim with its
 * checks and the decision by hand, the course list, the payment runs (create, download, confirm,
 * cancel). Staff of a funding body only (policy action 'training-bonus:review'); every query
 * names the staff member's own funding body, so another body's claim or run is "not found".
 */
export function registerTrainingBodyRoutes(app: App, deps: Deps): void {
  const access: { access: Access } = { access: 'training-bonus:review' };
  // The paying account, the QA share and confirming a payment run are the supervisor's.
  const supervise: { access: Access } = { access: 'training-bonus:supervise' };
  const isSupervisor = (request: FastifyRequest) => {
    const body = fundingBodyOf(request.actor);
    return hasRole(request.actor, 'supervisor', body.id);
  };

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

  const renderRuns = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state?: { values: Record<string, string>; errors: FieldError[] },
    status = 200,
  ) => {
    const body = fundingBodyOf(request.actor);
    const [runs, payable] = await Promise.all([
      deps.db
        .selectFrom('training_payment_runs')
        .select([
          'id',
          'month',
          'status',
          'item_count',
          'total_cents',
          'execution_date',
          'created_at',
          'message_id',
        ])
        .where('tenant_id', '=', body.id)
        .orderBy('created_at', 'desc')
        .limit(60)
        .execute(),
      sql<{ n: number; cents: number }>`
        select count(*)::int as n, coalesce(sum(granted_cents), 0)::bigint as cents
        from training_claims c
        where c.tenant_id = ${body.id} and c.status = 'approved'
          and not exists (select 1 from training_payment_items i join training_payment_runs r on r.id = i.run_id
            where i.claim_id = c.id and r.status <> 'cancelled')`.execute(deps.db),
    ]);
    const today = berlinDay(deps.clock.now());
    return sendPage(
      reply,
      <RunsPage
        ctx={pageContext(request, reply)}
        runs={runs}
        payable={{ n: payable.rows[0]!.n, cents: Number(payable.rows[0]!.cents) }}
        values={state?.values ?? { month: today.slice(0, 7), executionDate: today }}
        errors={state?.errors ?? []}
        isSupervisor={isSupervisor(request)}
        message={state ? undefined : okOf(request)}
      />,
      status,
    );
  };

  app.get(
    `${BASE}/zahlungslaeufe`,
    { config: access, schema: { querystring: Flag } },
    (request, reply) => renderRuns(request, reply),
  );

  app.post(
    `${BASE}/zahlungslaeufe`,
    { config: access, schema: { body: FormBody } },
    async (request, reply) => {
      const values = kept(request.body);
      return formAction(
        async () => {
          await createPaymentRun({
            db: deps.db,
            actor: request.actor,
            month: values.month ?? '',
            executionDate: values.executionDate ?? '',
            now: deps.clock.now(),
          });
          return `${BASE}/zahlungslaeufe?ok=lauf`;
        },
        (errors, status) => renderRuns(request, reply, { values, errors }, status),
        reply,
        'month',
      );
    },
  );

  app.get(
    `${BASE}/zahlungslaeufe/:runId/datei`,
    { config: access, schema: { params: RunParams } },
    async (request, reply) => {
      const body = fundingBodyOf(request.actor);
      const run = await deps.db
        .selectFrom('training_payment_runs')
        .select(['pain_xml', 'message_id'])
        .where('id', '=', request.params.runId)
        .where('tenant_id', '=', body.id)
        .executeTakeFirst();
      if (!run) throw new AppError('not_found', 'Der Zahlungslauf wurde nicht gefunden.');
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${run.message_id}.xml"`)
        .send(run.pain_xml);
    },
  );

  for (const [path, act, ok, config] of [
    ['bestaetigen', confirmPaymentRun, 'bestaetigt', supervise],
    ['verwerfen', cancelPaymentRun, 'verworfen', access],
  ] as const) {
    app.post(
      `${BASE}/zahlungslaeufe/:runId/${path}`,
      { config, schema: { params: RunParams, body: FormBody } },
      async (request, reply) =>
        formAction(
          async () => {
            await act({
              db: deps.db,
              actor: request.actor,
              runId: request.params.runId,
              now: deps.clock.now(),
            });
            return `${BASE}/zahlungslaeufe?ok=${ok}`;
          },
          (errors, status) => renderRuns(request, reply, { values: {}, errors }, status),
          reply,
          'month',
        ),
    );
  }
}
