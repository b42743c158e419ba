import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { CAP_PER_PERSON_CENTS, requestedCents, type ValidClaim } from './training.rules.ts';
import { lockTrainingBonus, runTrainingChecks, type CheckRunResult } from './training.checks.ts';
import { bindWaitingClaims } from './training.funds.ts';

/** The company a firm's user claims for: their membership as applicant of a company. */
export function claimingCompany(actor: Actor): { id: string; name: string } {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const membership = actor.memberships.find(
    (m) => m.role === 'applicant' && m.organisationKind === 'company',
  );
  if (!membership)
    throw new AppError(
      'forbidden',
      'Die Bildungsprämie beantragen nur Mitglieder eines Unternehmens (Antragstellung).',
    );
  return { id: membership.organisationId, name: membership.organisationName };
}

/**
 * Submits claims of the actor's company (one from the form, many from a CSV file) and checks them
 * at once: load the courses → authorize → write every claim and its check results in ONE
 * transaction. A course code that no funding body lists refuses the whole submission with the
 * line of each problem, and nothing is saved. The funding body (tenant) is the one whose list
 * holds the course.
 */
export async function submitTrainingClaims(options: {
  db: Db;
  actor: Actor;
  claims: readonly (ValidClaim & { line?: number })[];
  now: Date;
}): Promise<{ ids: string[]; result: CheckRunResult }> {
  const company = claimingCompany(options.actor);
  if (options.actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte anmelden.');
  const userId = options.actor.userId;
  if (options.claims.length === 0)
    throw new AppError('validation', 'Es wurde kein Antrag übergeben.');
  const codes = [...new Set(options.claims.map((c) => c.courseCode))];
  const courses = await options.db
    .selectFrom('training_courses')
    .select(['id', 'tenant_id', 'code', 'active'])
    .where('code', 'in', codes)
    .execute();
  const byCode = new Map<string, { id: string; tenant_id: string }[]>();
  for (const c of courses) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c]);
  const errors: FieldError[] = [];
  const where = (line: number | undefined) => (line === undefined ? '' : `Zeile ${line}: `);
  for (const claim of options.claims) {
    const found = byCode.get(claim.courseCode) ?? [];
    if (found.length === 0)
      errors.push({
        field: 'courseCode',
        message: `${where(claim.line)}Kurs: „${claim.courseCode}“ steht auf keiner Kursliste einer Förderstelle.`,
      });
    else if (found.length > 1)
      errors.push({
        field: 'courseCode',
        message: `${where(claim.line)}Kurs: „${claim.courseCode}“ führen mehrere Förderstellen; bitte wenden Sie sich an die Förderstelle.`,
      });
  }
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);

  return options.db.transaction().execute(async (trx) => {
    const rows = options.claims.map((c) => {
      const course = byCode.get(c.courseCode)![0]!;
      return {
        tenant_id: course.tenant_id,
        company_id: company.id,
        submitted_by: userId,
        submitted_at: options.now,
        person_key: c.personKey,
        employee_name: c.employeeName,
        role: c.role,
        course_id: course.id,
        course_start: c.courseStart,
        course_end: c.courseEnd,
        training_days: c.trainingDays,
        iban: c.iban,
        bic: c.bic,
        account_holder: c.accountHolder,
        requested_cents: requestedCents(c.trainingDays),
        cap_cents: CAP_PER_PERSON_CENTS,
      };
    });
    // The lock comes before the numbering (seq): a claim whose transaction binds funds later can
    // never carry an earlier number, so first come, first served holds under concurrency.
    for (const tenantId of [...new Set(rows.map((r) => r.tenant_id))].sort())
      await lockTrainingBonus(trx, tenantId);
    const ids: string[] = [];
    // Chunks keep each statement below PostgreSQL's 65,535 bind parameters.
    for (let i = 0; i < rows.length; i += 2_000) {
      const inserted = await trx
        .insertInto('training_claims')
        .values(rows.slice(i, i + 2_000))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    const result: CheckRunResult = { checked: 0, byStatus: {} };
    for (const tenantId of new Set(rows.map((r) => r.tenant_id))) {
      const run = await runTrainingChecks(trx, { tenantId, now: options.now, claimIds: ids });
      result.checked += run.checked;
      // Claims that passed are approved only with their funds bound (and de-minimis recorded).
      await bindWaitingClaims(trx, { tenantId, now: options.now, userId: null });
    }
    const counts = await trx
      .selectFrom('training_claims')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('id', '=', sql<string>`any(${ids}::uuid[])`)
      .groupBy('status')
      .execute();
    for (const c of counts) result.byStatus[c.status] = c.n;
    return { ids, result };
  });
}
