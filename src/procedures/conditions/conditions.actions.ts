/**
 * Use cases on a case's conditions (Nebenbestimmungen, § 12 BImSchG, § 36 VwVfG NRW): take one
 * from the authority's catalogue, write one, adopt or reject an agency's proposal (a rejection
 * states its reason; the database enforces it too), and order them. Each runs in the caller's
 * transaction on the locked procedure and appends its event to the case's hash chain; the
 * caller has checked who may act and that the decision letter is not signed yet.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit.queries.ts';

export interface ConditionCase {
  trx: Transaction<Database>;
  procedureId: string;
  tenantId: string;
  actorId: string;
  actorRole: string;
  now: Date;
}

export const MAX_CONDITION_TEXT = 4000;
export const MAX_CATEGORY = 120;

function audit(c: ConditionCase, type: string, data: Record<string, unknown>) {
  return appendAuditEvent(c.trx, {
    procedureId: c.procedureId,
    tenantId: c.tenantId,
    at: c.now,
    actorId: c.actorId,
    actorRole: c.actorRole,
    type,
    data,
  });
}

async function nextPosition(c: ConditionCase): Promise<number> {
  const last = await c.trx
    .selectFrom('procedure_conditions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('procedure_id', '=', c.procedureId)
    .executeTakeFirst();
  return Number(last?.max ?? 0) + 1;
}

/** Checks category and text of a condition the case worker writes; German messages per field. */
export function conditionInputErrors(input: { category: string; text: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (input.category.trim() === '')
    errors.push({
      field: 'category',
      message: 'Bitte geben Sie eine Kategorie an, z. B. „Schallschutz“.',
    });
  else if (input.category.trim().length > MAX_CATEGORY)
    errors.push({
      field: 'category',
      message: `Die Kategorie darf höchstens ${MAX_CATEGORY} Zeichen lang sein.`,
    });
  if (input.text.trim() === '')
    errors.push({
      field: 'text',
      message: 'Bitte geben Sie den Wortlaut der Nebenbestimmung ein.',
    });
  else if (input.text.trim().length > MAX_CONDITION_TEXT)
    errors.push({
      field: 'text',
      message: `Der Wortlaut darf höchstens ${MAX_CONDITION_TEXT.toLocaleString('de-DE')} Zeichen lang sein.`,
    });
  return errors;
}

/** Adds an active entry of the authority's own catalogue to the case, adopted. */
export async function addCatalogueCondition(
  c: ConditionCase,
  catalogueId: string,
): Promise<string> {
  const entry = /^[0-9a-f-]{36}$/i.test(catalogueId)
    ? await c.trx
        .selectFrom('condition_catalogue')
        .select(['id', 'key', 'category', 'text'])
        .where('id', '=', catalogueId)
        .where('tenant_id', '=', c.tenantId)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined;
  if (!entry)
    throw new AppError(
      'validation',
      'Bitte wählen Sie einen Eintrag aus dem Katalog Ihrer Behörde.',
      [
        {
          field: 'catalogueId',
          message: 'Bitte wählen Sie einen Eintrag aus dem Katalog Ihrer Behörde.',
        },
      ],
    );
  const row = await c.trx
    .insertInto('procedure_conditions')
    .values({
      procedure_id: c.procedureId,
      tenant_id: c.tenantId,
      source: 'catalogue',
      catalogue_id: entry.id,
      category: entry.category,
      text: entry.text,
      status: 'adopted',
      position: await nextPosition(c),
      proposed_at: c.now,
      decided_at: c.now,
      decided_by: c.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(c, 'condition-added', {
    conditionId: row.id,
    source: 'catalogue',
    key: entry.key,
    category: entry.category,
    text: entry.text,
  });
  return row.id;
}

/** A condition the case worker writes for this case, adopted. */
export async function addOwnCondition(
  c: ConditionCase,
  input: { category: string; text: string },
): Promise<string> {
  const errors = conditionInputErrors(input);
  if (errors.length > 0)
    throw new AppError('validation', 'Die Nebenbestimmung ist unvollständig.', errors);
  const category = input.category.trim();
  const text = input.text.trim();
  const row = await c.trx
    .insertInto('procedure_conditions')
    .values({
      procedure_id: c.procedureId,
      tenant_id: c.tenantId,
      source: 'case-worker',
      category,
      text,
      status: 'adopted',
      position: await nextPosition(c),
      proposed_at: c.now,
      decided_at: c.now,
      decided_by: c.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(c, 'condition-added', { conditionId: row.id, source: 'case-worker', category, text });
  return row.id;
}

async function conditionOf(c: ConditionCase, conditionId: string) {
  const row = /^[0-9a-f-]{36}$/i.test(conditionId)
    ? await c.trx
        .selectFrom('procedure_conditions')
        .select(['id', 'status', 'position', 'source', 'text'])
        .where('id', '=', conditionId)
        .where('procedure_id', '=', c.procedureId)
        .executeTakeFirst()
    : undefined;
  if (!row)
    throw new AppError('not_found', 'Diese Nebenbestimmung gibt es in diesem Verfahren nicht.');
  return row;
}

/**
 * Adopts or rejects a condition. A rejection needs its reason: the decision's reasons must deal
 * with what an agency proposed and was not adopted (§ 39 Abs. 1 VwVfG NRW).
 */
export async function decideCondition(
  c: ConditionCase,
  input: { conditionId: string; decision: 'adopt' | 'reject'; reason: string },
): Promise<void> {
  const condition = await conditionOf(c, input.conditionId);
  const reason = input.reason.trim();
  if (input.decision === 'reject' && reason === '')
    throw new AppError(
      'validation',
      'Bitte begründen Sie, warum die Nebenbestimmung nicht übernommen wird.',
      [
        {
          field: 'reason',
          message: 'Bitte begründen Sie, warum die Nebenbestimmung nicht übernommen wird.',
        },
      ],
    );
  if (reason.length > MAX_CONDITION_TEXT)
    throw new AppError('validation', 'Die Begründung ist zu lang.', [
      {
        field: 'reason',
        message: `Die Begründung darf höchstens ${MAX_CONDITION_TEXT.toLocaleString('de-DE')} Zeichen lang sein.`,
      },
    ]);
  const status = input.decision === 'adopt' ? 'adopted' : 'rejected';
  if (condition.status === status)
    throw new AppError(
      'conflict',
      status === 'adopted'
        ? 'Die Nebenbestimmung ist bereits übernommen.'
        : 'Die Nebenbestimmung ist bereits abgelehnt.',
    );
  await c.trx
    .updateTable('procedure_conditions')
    .set({
      status,
      reason: status === 'rejected' ? reason : reason || null,
      decided_at: c.now,
      decided_by: c.actorId,
    })
    .where('id', '=', condition.id)
    .execute();
  await audit(c, status === 'adopted' ? 'condition-adopted' : 'condition-rejected', {
    conditionId: condition.id,
    source: condition.source,
    ...(reason ? { reason } : {}),
  });
}

/** Moves a condition one place up or down (swaps positions with its neighbour). */
export async function moveCondition(
  c: ConditionCase,
  input: { conditionId: string; direction: 'up' | 'down' },
): Promise<void> {
  const condition = await conditionOf(c, input.conditionId);
  let query = c.trx
    .selectFrom('procedure_conditions')
    .select(['id', 'position'])
    .where('procedure_id', '=', c.procedureId);
  query =
    input.direction === 'up'
      ? query.where('position', '<', condition.position).orderBy('position', 'desc')
      : query.where('position', '>', condition.position).orderBy('position', 'asc');
  const neighbour = await query.limit(1).executeTakeFirst();
  if (!neighbour)
    throw new AppError(
      'conflict',
      input.direction === 'up'
        ? 'Die Nebenbestimmung steht bereits an erster Stelle.'
        : 'Die Nebenbestimmung steht bereits an letzter Stelle.',
    );
  await c.trx
    .updateTable('procedure_conditions')
    .set({ position: neighbour.position })
    .where('id', '=', condition.id)
    .execute();
  await c.trx
    .updateTable('procedure_conditions')
    .set({ position: condition.position })
    .where('id', '=', neighbour.id)
    .execute();
  await audit(c, 'condition-moved', { conditionId: condition.id, direction: input.direction });
}

export interface CaseCondition {
  id: string;
  source: 'catalogue' | 'agency' | 'case-worker';
  agencyName: string | null;
  category: string;
  text: string;
  status: 'proposed' | 'adopted' | 'rejected';
  reason: string | null;
  position: number;
}

export async function listCaseConditions(
  db: Pick<Transaction<Database>, 'selectFrom'>,
  procedureId: string,
): Promise<CaseCondition[]> {
  return db
    .selectFrom('procedure_conditions as c')
    .leftJoin('organisations as o', 'o.id', 'c.agency_org_id')
    .select([
      'c.id',
      'c.source',
      'o.name as agencyName',
      'c.category',
      'c.text',
      'c.status',
      'c.reason',
      'c.position',
    ])
    .where('c.procedure_id', '=', procedureId)
    .orderBy('c.position')
    .execute();
}
