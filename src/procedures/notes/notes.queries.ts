import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Handle = Db | Transaction<Database>;

/** Internal notes of a case, newest first. Only ever read for the authority's case workers. */
export async function listNotes(db: Handle, procedureId: string) {
  return db
    .selectFrom('procedure_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.display_name as author'])
    .where('n.procedure_id', '=', procedureId)
    .orderBy('n.created_at', 'desc')
    .execute();
}

/** Follow-ups of a case: open ones first by due date, then the done ones. */
export async function listFollowUps(db: Handle, procedureId: string) {
  return db
    .selectFrom('procedure_follow_ups as f')
    .innerJoin('users as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.due_date',
      'f.text',
      'f.created_at',
      'f.done_at',
      'u.display_name as author',
    ])
    .where('f.procedure_id', '=', procedureId)
    .orderBy('f.done_at', 'desc')
    .orderBy('f.due_date')
    .execute();
}

export type NoteRow = Awaited<ReturnType<typeof listNotes>>[number];
export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];
