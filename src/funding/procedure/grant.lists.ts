/**
 * The lists of funding cases: the company's one page (applications, grants, deadlines, due
 * proofs) and the funding body's work list, with the figures from `funding_cases` and the ledger.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function companyCases(db: Db, companyId: string) {
  return db
    .selectFrom('funding_cases as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .innerJoin('organisations as o', 'o.id', 'f.tenant_id')
    .leftJoin('funding_ledger_positions as l', 'l.procedure_id', 'f.procedure_id')
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'p.step',
      'p.type_key',
      'p.type_version',
      'o.name as funding_body',
      'f.programme_version',
      'f.requested_cents',
      'f.granted_cents',
      'f.period_end',
      sql<number>`coalesce(l.paid_cents, 0)`.as('paid_cents'),
    ])
    .where('f.applicant_org_id', '=', companyId)
    .orderBy('p.created_at', 'desc')
    .execute();
}

/** Running deadlines of the company's funding cases that the company must meet. */
export async function companyDeadlines(db: Db, companyId: string) {
  return db
    .selectFrom('procedure_deadlines as d')
    .innerJoin('funding_cases as f', 'f.procedure_id', 'd.procedure_id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .select(['p.id', 'p.reference', 'p.title', 'd.label', 'd.end_date', 'd.key'])
    .where('f.applicant_org_id', '=', companyId)
    .where('d.status', '=', 'running')
    .where('d.responsible', '=', 'applicant')
    .orderBy('d.end_date')
    .execute();
}

export const BODY_PAGE_SIZE = 100;

export async function bodyCases(
  db: Db,
  tenantIds: string[],
  filter: { step?: string; offset: number },
) {
  if (tenantIds.length === 0) return { rows: [], total: 0 };
  let query = db
    .selectFrom('funding_cases as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .innerJoin('organisations as c', 'c.id', 'f.applicant_org_id')
    .where('f.tenant_id', 'in', tenantIds)
    // Drafts belong to the company until submitted.
    .where('p.step', '!=', 'draft');
  if (filter.step) query = query.where('p.step', '=', filter.step);
  const [rows, total] = await Promise.all([
    query
      .select([
        'p.id',
        'p.reference',
        'p.title',
        'p.step',
        'p.type_key',
        'p.type_version',
        'c.name as company',
        'f.programme_version',
        'f.requested_cents',
        'f.granted_cents',
        'p.submitted_at',
      ])
      .orderBy('p.submitted_at', 'desc')
      .orderBy('p.id')
      .limit(BODY_PAGE_SIZE)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
