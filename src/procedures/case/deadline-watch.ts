import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { appendAuditEvent } from '../audit.queries.ts';
import { applyAction, computeCaseDeadlines, dueEffects, type DueEffect } from '../engine/index.ts';
import { commitCaseStep, type CaseFamily } from './case.commit.ts';
import { notifyDeadline } from './case.notify.ts';
import { berlinDate, findCase, loadHistory, saveDeadlines, type CaseRow } from './case.queries.ts';

const AUDIENCE = {
  applicant: 'applicant',
  case_worker: 'case_worker',
  agency_member: 'agency_member',
  supervisor: 'supervisor',
  system: 'case_worker',
} as const;

/**
 * The deadline watcher (a job, hourly): reminders 7 and 1 days before an end, escalation to the
 * supervisory authority on overrun, and the automatic effects the law attaches to expiry (an
 * agency's silence counts as "no comment", § 10 Abs. 5 S. 2 BImSchG). Each procedure is handled
 * in its own transaction; each effect once (deadline_effects), even with several workers.
 */
export async function watchDeadlines(
  deps: { db: Db; clock: Clock },
  families: readonly CaseFamily<unknown>[],
): Promise<{ procedures: number; effects: number }> {
  const familyOf = new Map(families.flatMap((f) => f.typeKeys.map((k) => [k, f] as const)));
  const now = deps.clock.now();
  const today = berlinDate(now);
  const horizon = berlinDate(new Date(now.getTime() + 8 * 86_400_000));
  const due = await deps.db
    .selectFrom('procedure_deadlines')
    .select('procedure_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('status', '=', 'running'),
        // Expired deadlines whose expiry effect may still be due: not yet escalated, and recent
        // (an expiry notice is never "escalated", so without the bound it would be revisited
        // every hour forever, acting never again because of deadline_effects).
        eb.and([
          eb('status', '=', 'expired'),
          eb('escalated_at', 'is', null),
          eb('end_date', '>=', berlinDate(new Date(now.getTime() - 30 * 86_400_000))),
        ]),
        // A period whose end triggers an action (the decision's display closes the case).
        eb.and([
          eb('status', '=', 'ended'),
          eb('effect_on_expiry', '=', 'auto-action'),
          eb('end_date', '>=', berlinDate(new Date(now.getTime() - 30 * 86_400_000))),
          eb.not(
            eb.exists(
              eb
                .selectFrom('procedures as closed')
                .select('closed.id')
                .whereRef('closed.id', '=', 'procedure_deadlines.procedure_id')
                .where('closed.closed_at', 'is not', null),
            ),
          ),
        ]),
      ]),
    )
    .where('end_date', '<=', horizon)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('procedures as p')
          .select('p.id')
          .whereRef('p.id', '=', 'procedure_deadlines.procedure_id')
          .where('p.type_key', 'in', [...familyOf.keys()]),
      ),
    )
    .execute();
  let effects = 0;
  for (const { procedure_id } of due) {
    effects += await deps.db.transaction().execute(async (trx) => {
      const row = await findCase<unknown>(trx, procedure_id, { lock: true });
      const family = row && familyOf.get(row.typeKey);
      if (!row || !family) return 0;
      const type = family.procedureType(row.typeKey, row.typeVersion);
      const deadlines = computeCaseDeadlines(type, await loadHistory(trx, row.id), today);
      await saveDeadlines(trx, row, deadlines);
      const done = new Set(
        (
          await trx
            .selectFrom('deadline_effects')
            .select('dedupe_key')
            .where('procedure_id', '=', row.id)
            .execute()
        ).map((r) => r.dedupe_key),
      );
      let count = 0;
      let state = row.state;
      for (const effect of dueEffects(type, deadlines, today)) {
        if (done.has(effect.dedupeKey)) continue;
        if ('command' in effect) {
          const result = applyAction(type, state, { ...effect.command, at: today });
          if (!result.ok) continue; // already answered meanwhile: nothing to record
          await commitCaseStep({
            trx,
            row: { ...row, state },
            type,
            result,
            actor: { id: null, role: 'system' },
            now,
            consequences: (step) => family.consequences(step),
          });
          state = result.state;
        } else {
          await announce(trx, row, effect, family.caseLink(row.id));
        }
        if (effect.kind === 'escalation') {
          const key =
            effect.instance === null ? effect.deadline : `${effect.deadline}#${effect.instance}`;
          await trx
            .updateTable('procedure_deadlines')
            .set({ escalated_at: now })
            .where('procedure_id', '=', row.id)
            .where('key', '=', key)
            .execute();
          await appendAuditEvent(trx, {
            procedureId: row.id,
            tenantId: row.tenantId,
            at: now,
            actorId: null,
            actorRole: 'system',
            type: 'deadline-escalated',
            data: { deadline: key, end: effect.end },
          });
        }
        await trx
          .insertInto('deadline_effects')
          .values({
            procedure_id: row.id,
            dedupe_key: effect.dedupeKey,
            tenant_id: row.tenantId,
            done_at: now,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        count += 1;
      }
      return count;
    });
  }
  return { procedures: due.length, effects };
}

async function announce(
  trx: Transaction<Database>,
  row: CaseRow<unknown>,
  effect: Exclude<DueEffect, { kind: 'no-comment' | 'auto-action' | 'deemed-consent' }>,
  link: string,
) {
  const audience = AUDIENCE[effect.recipient];
  const subjects = {
    reminder: 'Fristerinnerung',
    escalation: 'Fristüberschreitung',
    'expiry-notice': 'Frist abgelaufen',
  } as const;
  await notifyDeadline({
    trx,
    row,
    audience,
    organisationIds:
      audience === 'agency_member' && effect.instance ? [effect.instance] : undefined,
    subject: subjects[effect.kind],
    text: effect.message,
    link,
  });
}
