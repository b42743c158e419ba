/**
 * Reading the hearing (Erörterungstermin, §§ 14–19 9. BImSchV): its agenda, attendance, the
 * written comments of an online consultation, the invitees and the copies of the minutes sent.
 * Objectors' personal data read here are for the authority's own pages only.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Handle = Db | Transaction<Database>;

/** Concerns with confirmed objections, most frequent first: the agenda the catalogue suggests. */
export async function catalogueAgenda(db: Handle, procedureId: string) {
  const rows = await db
    .selectFrom('concerns as c')
    .innerJoin('objection_concerns as oc', 'oc.concern_id', 'c.id')
    .select(['c.id', 'c.label', 'c.position', (eb) => eb.fn.countAll<string>().as('count')])
    .where('c.procedure_id', '=', procedureId)
    .where('oc.source', '=', 'confirmed')
    .groupBy(['c.id', 'c.label', 'c.position'])
    .orderBy('count', 'desc')
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({ concernId: r.id, label: r.label, objections: Number(r.count) }));
}

export interface AgendaItem {
  id: string;
  position: number;
  title: string;
  concernId: string | null;
  minutes: string;
  objections: number;
}

export async function listAgenda(db: Handle, procedureId: string): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('hearing_agenda_items as a')
    .select([
      'a.id',
      'a.position',
      'a.title',
      'a.concern_id',
      'a.minutes',
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('oc.concern_id', '=', 'a.concern_id')
          .where('oc.source', '=', 'confirmed')
          .as('objections'),
    ])
    .where('a.procedure_id', '=', procedureId)
    .orderBy('a.position')
    .orderBy('a.title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    concernId: r.concern_id,
    minutes: r.minutes,
    objections: Number(r.objections ?? 0),
  }));
}

export async function listAttendees(db: Handle, procedureId: string) {
  return db
    .selectFrom('hearing_attendees as h')
    .leftJoin('objections as o', 'o.id', 'h.objection_id')
    .select(['h.id', 'h.category', 'h.name', 'h.objection_id', 'o.reference', 'o.redact_identity'])
    .where('h.procedure_id', '=', procedureId)
    .orderBy('h.category')
    .orderBy('h.created_at')
    .execute();
}

export async function listComments(db: Handle, procedureId: string) {
  return db
    .selectFrom('hearing_comments')
    .select(['id', 'agenda_item_id', 'author_kind', 'author_label', 'body', 'received_on'])
    .where('procedure_id', '=', procedureId)
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();
}

export async function hearingDetails(db: Handle, procedureId: string) {
  return db
    .selectFrom('hearings')
    .select(['public_count', 'minutes_document_id'])
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
}

/** An objection of this procedure by its reference (e.g. "E-0012"), for attendance and copies. */
export async function objectionByReference(db: Handle, procedureId: string, reference: string) {
  return db
    .selectFrom('objections')
    .select(['id', 'reference', 'name', 'address', 'email', 'redact_identity'])
    .where('procedure_id', '=', procedureId)
    .where('reference', '=', reference.trim())
    .executeTakeFirst();
}

/**
 * Objectors to invite by letter: those who gave no e-mail address (§ 10 Abs. 6 BImSchG, § 12
 * Abs. 1 9. BImSchV: the notice invites everybody; a letter reaches those the portal cannot).
 * One row per objection; signature lists are invited through their representative.
 */
export async function letterInvitees(db: Handle, procedureId: string) {
  return db
    .selectFrom('objections')
    .select(['reference', 'name', 'address', 'channel', 'received_at'])
    .where('procedure_id', '=', procedureId)
    .where((eb) => eb.or([eb('email', 'is', null), eb('email', '=', '')]))
    .orderBy('received_at')
    .orderBy('reference')
    .execute();
}

export async function listMinutesCopies(db: Handle, procedureId: string) {
  return db
    .selectFrom('hearing_minutes_copies as c')
    .innerJoin('objections as o', 'o.id', 'c.objection_id')
    .select(['c.id', 'o.reference', 'c.requested_on', 'c.channel', 'c.sent_at'])
    .where('c.procedure_id', '=', procedureId)
    .orderBy('c.sent_at', 'desc')
    .execute();
}

/** Names and addresses of objectors who asked to stay unrecognisable (§ 12 Abs. 2 9. BImSchV). */
export async function protectedIdentities(db: Handle, procedureId: string) {
  return db
    .selectFrom('objections')
    .select(['name', 'address', 'email'])
    .where('procedure_id', '=', procedureId)
    .where('redact_identity', '=', true)
    .execute();
}
