import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { findAssignment, listCaseWorkers } from './assignment/assignment.queries.ts';
import { listFollowUps, listNotes } from './notes/notes.queries.ts';

type Handle = Db | Transaction<Database>;

/**
 * The authority's internal work on a case: who is responsible, follow-ups and notes. Loaded only
 * for case workers of the procedure's authority (the caller checks); never part of what the
 * applicant, an agency or the API's case file receive.
 */
export async function loadCasework(db: Handle, procedureId: string, tenantId: string) {
  const [assignment, caseWorkers, notes, followUps] = await Promise.all([
    findAssignment(db, procedureId),
    listCaseWorkers(db, tenantId),
    listNotes(db, procedureId),
    listFollowUps(db, procedureId),
  ]);
  return { assignment, caseWorkers, notes, followUps };
}

export type Casework = Awaited<ReturnType<typeof loadCasework>>;
