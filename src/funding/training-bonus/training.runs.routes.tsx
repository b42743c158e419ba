import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDay } from '../profile/profile.queries.ts';
import { fundingBodyOf } from './training.body.ts';
import { BASE } from './training.body.views.tsx';
import { RunsPage } from './training.runs.views.tsx';
import { cancelPaymentRun, confirmPaymentRun, createPaymentRun } from './training.payments.ts';
import {
  access,
  Flag,
  FormBody,
  formAction,
  isSupervisor,
  kept,
  okOf,
  RunParams,
  supervise,
} from './training.body.http.ts';

/** Payment runs: list, create, download the pain.001 file, confirm (supervisor) or cancel. */
export function registerTrainingRunRoutes(app: App, deps: Deps): void {
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
