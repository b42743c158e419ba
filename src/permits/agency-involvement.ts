import type { Transaction } from 'kysely';
import type { Database, StatementVerdict } from '../db/schema.ts';
import { proposeAgencyConditions } from '../procedures/conditions/conditions.queries.ts';
import type { CaseDeadline, ProcedureEvent } from '../procedures/engine/index.ts';
import { recordConsents } from './agency-consents.ts';
import { type ProcedureRow } from './permit.queries.ts';
import { berlinDate } from '../procedures/case/case.queries.ts';

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Keeps procedure_agencies (who was asked, by when, what they answered) in step with the audit
 * event, in the transaction of the action (architecture invariant 1). Conditions an agency
 * proposes become proposals of the case's condition list in the same transaction, so that the
 * case worker adopts or rejects each with a reason.
 */
export async function recordAgencyInvolvement(
  trx: Transaction<Database>,
  row: ProcedureRow,
  event: ProcedureEvent,
  deadlines: readonly CaseDeadline[],
  now: Date,
  actorId: string | null,
): Promise<void> {
  for (const agency of texts(event.data.agencies)) {
    const due =
      deadlines.find((d) => d.key === 'agency-statement' && d.instance === agency)?.end ??
      berlinDate(now);
    await trx
      .insertInto('procedure_agencies')
      .values({
        procedure_id: row.id,
        agency_org_id: agency,
        tenant_id: row.tenantId,
        asked_at: now,
        due_date: due,
        status: 'asked',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await recordConsents(trx, row, event, deadlines);
  const agency = typeof event.data.agency === 'string' ? event.data.agency : undefined;
  if (!agency) return;
  if (event.type === 'agency-statement-recorded' || event.type === 'agency-no-comment-recorded') {
    const statement = event.type === 'agency-statement-recorded';
    await trx
      .updateTable('procedure_agencies')
      .set({
        status: statement ? 'answered' : 'no-comment',
        verdict: statement ? ((event.data.verdict as StatementVerdict | undefined) ?? null) : null,
        statement: typeof event.data.statement === 'string' ? event.data.statement : null,
        answered_at: now,
        answered_by: statement ? actorId : null,
      })
      .where('procedure_id', '=', row.id)
      .where('agency_org_id', '=', agency)
      .execute();
    await proposeAgencyConditions(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      agencyOrgId: agency,
      texts: texts(event.data.conditions),
      now,
    });
  }
}
