import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit.queries.ts';
import { actorId, loadCaseForStaff, requireRunningCase } from '../case-access.ts';
import { findAssignment, listCaseWorkers } from './assignment.queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Assigns (or reassigns) the case worker and the deputy of a procedure. Only case workers of the
 * procedure's authority may do it, and only people who are case workers of that authority can be
 * chosen. One transaction: the procedure row is locked, the assignment written and the change
 * recorded in the hash-chained case file with who had it before.
 */
export async function assignCase(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  procedureId: string;
  caseWorkerId: string;
  deputyId: string;
}): Promise<{ changed: boolean }> {
  const { db, actor, procedureId } = options;
  const worker = options.caseWorkerId.trim();
  const deputy = options.deputyId.trim();
  const now = options.clock.now();
  return db.transaction().execute(async (trx) => {
    const found = await loadCaseForStaff(trx, actor, procedureId, { lock: true });
    requireRunningCase(found);
    const staff = await listCaseWorkers(trx, found.tenantId);
    const errors: FieldError[] = [];
    const known = (id: string) => UUID.test(id) && staff.some((s) => s.id === id);
    if (worker === '')
      errors.push({
        field: 'caseWorkerId',
        message: 'Bitte wählen Sie die zuständige Sachbearbeitung.',
      });
    else if (!known(worker))
      errors.push({
        field: 'caseWorkerId',
        message:
          'Zuständig kann nur eine Sachbearbeiterin oder ein Sachbearbeiter Ihrer Behörde sein.',
      });
    if (deputy !== '' && !known(deputy))
      errors.push({
        field: 'deputyId',
        message:
          'Vertretung kann nur eine Sachbearbeiterin oder ein Sachbearbeiter Ihrer Behörde sein.',
      });
    else if (deputy !== '' && deputy === worker)
      errors.push({
        field: 'deputyId',
        message: 'Die Vertretung muss eine andere Person sein als die zuständige Sachbearbeitung.',
      });
    if (errors.length > 0)
      throw new AppError('validation', errors.map((e) => e.message).join(' '), errors);
    const before = await findAssignment(trx, procedureId);
    const deputyOrNull = deputy === '' ? null : deputy;
    if (before?.caseWorkerId === worker && before.deputyId === deputyOrNull)
      return { changed: false };
    await trx
      .insertInto('procedure_assignments')
      .values({
        procedure_id: procedureId,
        tenant_id: found.tenantId,
        case_worker_id: worker,
        deputy_id: deputyOrNull,
        assigned_at: now,
        assigned_by: actorId(actor),
      })
      .onConflict((oc) =>
        oc.column('procedure_id').doUpdateSet({
          case_worker_id: worker,
          deputy_id: deputyOrNull,
          assigned_at: now,
          assigned_by: actorId(actor),
        }),
      )
      .execute();
    const name = (id: string | null) => staff.find((s) => s.id === id)?.name ?? null;
    await appendAuditEvent(trx, {
      procedureId,
      tenantId: found.tenantId,
      at: now,
      actorId: actorId(actor),
      actorRole: 'case_worker',
      type: before ? 'case-reassigned' : 'case-assigned',
      data: {
        caseWorkerId: worker,
        caseWorkerName: name(worker),
        deputyId: deputyOrNull,
        deputyName: name(deputyOrNull),
        previousCaseWorkerId: before?.caseWorkerId ?? null,
        previousCaseWorkerName: before?.caseWorkerName ?? null,
        previousDeputyId: before?.deputyId ?? null,
        previousDeputyName: before?.deputyName ?? null,
      },
    });
    return { changed: true };
  });
}
