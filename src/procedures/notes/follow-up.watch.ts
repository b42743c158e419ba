import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { formatGermanDate } from '../../law/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { berlinDay } from './notes.actions.ts';

/**
 * Mails each follow-up that has come due, once: its author and the case's assigned case worker
 * (and deputy) are told. Runs with the hourly deadline watch (same job, same crontab). The claim
 * (`notified_at` set where it was null) and the mails are one transaction, so a crash mails
 * nothing and the next run tries again, and two workers never mail the same follow-up twice.
 * Closed procedures and done follow-ups are skipped.
 */
export async function runFollowUpWatch(options: {
  db: Db;
  now: Date;
  /** The address of a case page, e.g. `https://…/verfahren/<id>`. */
  caseLink: (procedureId: string) => string;
}): Promise<{ mailed: number }> {
  const today = berlinDay(options.now);
  return options.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('procedure_follow_ups as f')
      .set({ notified_at: options.now })
      .from('procedures as p')
      .whereRef('p.id', '=', 'f.procedure_id')
      .where('f.notified_at', 'is', null)
      .where('f.done_at', 'is', null)
      .where('f.due_date', '<=', today)
      .where('p.closed_at', 'is', null)
      .returning([
        'f.id',
        'f.procedure_id',
        'f.due_date',
        'f.text',
        'f.created_by',
        'p.reference',
        'p.title',
      ])
      .execute();
    let mailed = 0;
    for (const f of claimed) {
      const recipients = await trx
        .selectFrom('users as u')
        .select('u.email')
        .distinct()
        .where('u.disabled', '=', false)
        .where((eb) =>
          eb.or([
            eb('u.id', '=', f.created_by),
            eb.exists(
              eb
                .selectFrom('procedure_assignments as a')
                .select(sql`1`.as('one'))
                .where('a.procedure_id', '=', f.procedure_id)
                .where((inner) =>
                  inner.or([
                    inner('a.case_worker_id', '=', inner.ref('u.id')),
                    inner('a.deputy_id', '=', inner.ref('u.id')),
                  ]),
                ),
            ),
          ]),
        )
        .execute();
      for (const r of recipients) {
        await queueMail(trx, {
          to: r.email,
          subject: `Wiedervorlage: ${f.reference}`,
          text: `Wiedervorlage zum ${formatGermanDate(f.due_date)} im Verfahren ${f.reference} (${f.title}): ${f.text}`,
          link: options.caseLink(f.procedure_id),
        });
        mailed += 1;
      }
    }
    return { mailed };
  });
}
