/**
 * Redaction proposals for every objection of a procedure whose redaction is not confirmed yet,
 * computed in the background and stored, so that reviewing thousands of objections does not wait
 * for the detector page by page. A proposal decides nothing: only a redaction a case worker
 * confirmed is ever disclosed (redaction.actions.ts).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import type { WorkKind } from '../../procedures/background/work.types.ts';
import { findProcedure } from '../../permits/permit.queries.ts';
import { AppError } from '../../platform/errors.ts';
import { proposeRedaction } from '../review/redaction.actions.ts';

export const REDACTION_PROPOSALS_JOB = 'redaction-proposals';

const BATCH = 500;
/** The detector is synchronous: give other requests a turn after this many texts. */
const YIELD_EVERY = 50;

const number = (value: unknown) => (typeof value === 'number' ? value : 0).toLocaleString('de-DE');

export const reviewPath = (procedureId: string) => `/verfahren/${procedureId}/einwendungen`;

export const redactionProposalsJob: WorkKind = {
  label: 'Schwärzungsvorschläge für alle Einwendungen',
  unit: 'Einwendungen',
  startPage: (procedureId) => `/verfahren/${procedureId}/auftraege`,
  async run({ deps, job, progress }) {
    const db = deps.db;
    const procedure = await findProcedure(db, job.procedureId);
    if (!procedure) throw new AppError('not_found', 'Das Verfahren gibt es nicht mehr.');
    const open = () =>
      db
        .selectFrom('objections')
        .where('procedure_id', '=', procedure.id)
        .where('redaction_confirmed_at', 'is', null);
    const { count } = await open()
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    const total = Number(count);
    progress({ done: 0, total, phase: 'Texte durchsuchen' });
    let done = 0;
    let withProposals = 0;
    let spans = 0;
    let after: string | undefined;
    for (;;) {
      let query = open()
        .select(['id', 'body', 'name', 'address', 'email'])
        .orderBy('id')
        .limit(BATCH);
      if (after) query = query.where('id', '>', after);
      const rows = await query.execute();
      if (rows.length === 0) break;
      const proposals: { id: string; spans: string; count: number }[] = [];
      for (const [i, row] of rows.entries()) {
        const found = proposeRedaction(row);
        proposals.push({ id: row.id, spans: JSON.stringify(found), count: found.length });
        if (found.length > 0) withProposals += 1;
        spans += found.length;
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      }
      // Each batch is complete on its own: a proposal is either stored whole or not at all.
      await sql`
        insert into objection_redaction_proposals
          (objection_id, procedure_id, tenant_id, spans, span_count, computed_at)
        select p.id, ${procedure.id}, ${procedure.tenantId}, p.spans::jsonb, p.count, ${deps.clock.now()}
        from unnest(${proposals.map((p) => p.id)}::uuid[], ${proposals.map((p) => p.spans)}::text[],
          ${proposals.map((p) => p.count)}::int[]) as p(id, spans, count)
        on conflict (objection_id) do update
          set spans = excluded.spans, span_count = excluded.span_count,
            computed_at = excluded.computed_at`.execute(db);
      done += rows.length;
      after = rows[rows.length - 1]!.id;
      progress({ done, total: Math.max(total, done), phase: 'Texte durchsuchen' });
    }
    return { result: { objections: done, withProposals, spans } };
  },
  doneNotice(job) {
    const r = job.result ?? {};
    return {
      text:
        `${number(r.objections)} Einwendungen ohne bestätigte Schwärzung durchsucht: in ` +
        `${number(r.withProposals)} davon ${number(r.spans)} Stellen zum Schwärzen vorgeschlagen. ` +
        'Jeder Vorschlag muss einzeln geprüft und bestätigt werden; vorher wird kein Text weitergegeben.',
      link: {
        href: `${reviewPath(job.procedureId)}?schwaerzungOffen=ja`,
        label: 'Zu den Einwendungen mit offener Schwärzung',
      },
    };
  },
};
