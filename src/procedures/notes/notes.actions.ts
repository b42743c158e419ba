import type { Db } from '../../db/database.ts';
import { addDays } from '../../law/calendar-date.ts';
import { isIsoDate } from '../engine/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { actorId, loadCaseForStaff, requireRunningCase } from '../case-access.ts';

const NOTE_MAX = 10_000;
const FOLLOW_UP_MAX = 500;
/** Follow-ups further ahead than this are typing errors (a case runs months, not decades). */
const FOLLOW_UP_HORIZON_DAYS = 3 * 366;

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });
export const berlinDay = (date: Date): string => BERLIN_DAY.format(date);

function invalid(field: string, message: string): AppError {
  return new AppError('validation', message, [{ field, message }]);
}

/** A date from a date field (JJJJ-MM-TT) or typed the German way (TT.MM.JJJJ). */
export function parseFollowUpDate(value: string): string | undefined {
  const text = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Adds an internal note (Aktenvermerk) to a case. Notes are the authority's working record:
 * never shown to the applicant, to agencies or in any public output; they cannot be changed or
 * deleted once written (a correction is a new note).
 */
export async function addNote(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  procedureId: string;
  text: string;
}): Promise<string> {
  const text = options.text.trim();
  return options.db.transaction().execute(async (trx) => {
    const found = await loadCaseForStaff(trx, options.actor, options.procedureId, { lock: true });
    requireRunningCase(found);
    if (text === '') throw invalid('noteText', 'Bitte geben Sie den Text des Vermerks ein.');
    if (text.length > NOTE_MAX)
      throw invalid('noteText', `Der Vermerk darf höchstens ${NOTE_MAX} Zeichen lang sein.`);
    const row = await trx
      .insertInto('procedure_notes')
      .values({
        procedure_id: found.id,
        tenant_id: found.tenantId,
        author_id: actorId(options.actor),
        body: text,
        created_at: options.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * Sets a follow-up (Wiedervorlage): on its day the case comes back at the top of the work queue
 * and its author (and the assigned case worker) get one mail (follow-up.watch.ts).
 */
export async function addFollowUp(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  procedureId: string;
  dueDate: string;
  text: string;
}): Promise<string> {
  const text = options.text.trim();
  const today = berlinDay(options.clock.now());
  return options.db.transaction().execute(async (trx) => {
    const found = await loadCaseForStaff(trx, options.actor, options.procedureId, { lock: true });
    requireRunningCase(found);
    const due = parseFollowUpDate(options.dueDate);
    if (options.dueDate.trim() === '')
      throw invalid('dueDate', 'Bitte geben Sie das Datum der Wiedervorlage an (TT.MM.JJJJ).');
    if (!due)
      throw invalid(
        'dueDate',
        'Das Datum der Wiedervorlage ist kein gültiges Datum (TT.MM.JJJJ, z. B. 15.01.2027).',
      );
    if (due < today)
      throw invalid(
        'dueDate',
        'Das Datum der Wiedervorlage darf nicht in der Vergangenheit liegen.',
      );
    if (due > addDays(today, FOLLOW_UP_HORIZON_DAYS))
      throw invalid(
        'dueDate',
        'Die Wiedervorlage darf höchstens drei Jahre in der Zukunft liegen.',
      );
    if (text === '')
      throw invalid('followUpText', 'Bitte geben Sie an, worum es bei der Wiedervorlage geht.');
    if (text.length > FOLLOW_UP_MAX)
      throw invalid(
        'followUpText',
        `Der Text der Wiedervorlage darf höchstens ${FOLLOW_UP_MAX} Zeichen lang sein.`,
      );
    const row = await trx
      .insertInto('procedure_follow_ups')
      .values({
        procedure_id: found.id,
        tenant_id: found.tenantId,
        due_date: due,
        text,
        created_by: actorId(options.actor),
        created_at: options.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Marks a follow-up as done; it leaves the work queue. Done twice is still done (no error). */
export async function completeFollowUp(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  procedureId: string;
  followUpId: string;
}): Promise<void> {
  await options.db.transaction().execute(async (trx) => {
    const found = await loadCaseForStaff(trx, options.actor, options.procedureId, { lock: true });
    const followUp = await trx
      .selectFrom('procedure_follow_ups')
      .select(['id', 'done_at'])
      .where('id', '=', options.followUpId)
      .where('procedure_id', '=', found.id)
      .executeTakeFirst();
    if (!followUp) throw new AppError('not_found', 'Diese Wiedervorlage gibt es nicht.');
    if (followUp.done_at !== null) return;
    await trx
      .updateTable('procedure_follow_ups')
      .set({ done_at: options.clock.now(), done_by: actorId(options.actor) })
      .where('id', '=', followUp.id)
      .execute();
  });
}
