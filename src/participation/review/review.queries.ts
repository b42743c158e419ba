/** Reading objections for the case workers' review and for the applicant's view. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { EarlyIntake, ObjectionChannel } from '../../db/schema.ts';
import type { RedactionSpan } from '../redaction/index.ts';
import type { RedactableObjection } from './redaction.actions.ts';

export const PAGE_SIZE = 50;

export interface ObjectionFilter {
  readonly lateOnly: boolean;
  readonly withoutConfirmedConcerns: boolean;
  readonly redactionOpen: boolean;
  readonly search: string;
  /** Received before the notice or before the display began. */
  readonly earlyOnly?: boolean;
  /** Left unconsidered under § 17 Abs. 2 VwVfG. */
  readonly disregardedOnly?: boolean;
}

export interface ObjectionListItem {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: Date;
  readonly channel: ObjectionChannel;
  readonly signatures: number;
  readonly late: boolean;
  readonly early: EarlyIntake | null;
  readonly disregarded: boolean;
  readonly redactionConfirmed: boolean;
  readonly group: { id: string; representative: string | null; size: number } | null;
  readonly concerns: { label: string; confirmed: boolean }[];
}

/** "%" and "_" typed by the user are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listObjections(
  db: Db,
  procedureId: string,
  filter: ObjectionFilter,
  page: number,
): Promise<{ items: ObjectionListItem[]; total: number }> {
  let base = db.selectFrom('objections as o').where('o.procedure_id', '=', procedureId);
  if (filter.lateOnly) base = base.where('o.late', '=', true);
  if (filter.earlyOnly) base = base.where('o.early', 'is not', null);
  if (filter.disregardedOnly) base = base.where('o.disregard_decision', '=', 'disregard');
  if (filter.redactionOpen) base = base.where('o.redaction_confirmed_at', 'is', null);
  if (filter.withoutConfirmedConcerns) {
    base = base.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('objection_concerns as oc')
            .select('oc.concern_id')
            .whereRef('oc.objection_id', '=', 'o.id')
            .where('oc.source', '=', 'confirmed'),
        ),
      ),
    );
  }
  const search = filter.search.trim();
  if (search !== '') {
    const pattern = likePattern(search);
    base = base.where(
      sql<boolean>`(o.body ilike ${pattern} or o.reference ilike ${pattern} or o.name ilike ${pattern})`,
    );
  }
  const [{ total } = { total: 0 }] = await base
    .select(sql<number>`count(*)::int`.as('total'))
    .execute();
  const rows = await base
    .leftJoin('objection_groups as g', 'g.id', 'o.group_id')
    .leftJoin('objections as r', 'r.id', 'g.representative_id')
    .select([
      'o.id',
      'o.reference',
      'o.received_at',
      'o.channel',
      'o.signatures',
      'o.late',
      'o.early',
      'o.disregard_decision',
      'o.group_id',
      'o.redaction_confirmed_at',
      'r.reference as representative',
      sql<number>`(select count(*)::int from objections m where m.group_id = o.group_id)`.as(
        'group_size',
      ),
    ])
    .orderBy('o.received_at')
    .orderBy('o.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom('objection_concerns as oc')
          .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
          .select(['oc.objection_id', 'c.label', 'oc.source'])
          .where(
            'oc.objection_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('c.position')
          .execute();
  const items = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: r.received_at,
    channel: r.channel,
    signatures: r.signatures,
    late: r.late,
    early: r.early,
    disregarded: r.disregard_decision === 'disregard',
    redactionConfirmed: r.redaction_confirmed_at !== null,
    group:
      r.group_id === null
        ? null
        : { id: r.group_id, representative: r.representative, size: r.group_size },
    concerns: links
      .filter((l) => l.objection_id === r.id)
      .map((l) => ({ label: l.label, confirmed: l.source === 'confirmed' })),
  }));
  return { items, total };
}

export interface ObjectionDetail extends RedactableObjection {
  readonly reference: string;
  readonly receivedAt: Date;
  readonly channel: ObjectionChannel;
  readonly signatures: number;
  readonly late: boolean;
  readonly early: EarlyIntake | null;
  readonly representative: {
    name: string | null;
    profession: string | null;
    address: string | null;
  };
  readonly signaturesConfirmed: boolean;
  readonly disregard: {
    decision: 'disregard' | 'consider';
    reason: string;
    at: Date;
  } | null;
  readonly groupId: string | null;
  readonly groupSize: number;
  readonly redactionSpans: RedactionSpan[] | null;
  readonly attachments: { position: number; filename: string; mediaType: string; size: number }[];
}

export async function findObjection(
  db: Db,
  procedureId: string,
  objectionId: string,
): Promise<ObjectionDetail | undefined> {
  const row = await db
    .selectFrom('objections as o')
    .selectAll('o')
    .select(
      sql<number>`(select count(*)::int from objections m where m.group_id = o.group_id)`.as(
        'group_size',
      ),
    )
    .where('o.id', '=', objectionId)
    .where('o.procedure_id', '=', procedureId)
    .executeTakeFirst();
  if (!row) return undefined;
  const attachments = await db
    .selectFrom('objection_attachments')
    .select(['position', 'filename', 'media_type', 'size'])
    .where('objection_id', '=', row.id)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    channel: row.channel,
    body: row.body,
    name: row.name,
    address: row.address,
    email: row.email,
    redactIdentity: row.redact_identity,
    signatures: row.signatures,
    late: row.late,
    early: row.early,
    representative: {
      name: row.representative_name,
      profession: row.representative_profession,
      address: row.representative_address,
    },
    signaturesConfirmed: row.signatures_confirmed,
    disregard:
      row.disregard_decision && row.disregard_decided_at
        ? {
            decision: row.disregard_decision,
            reason: row.disregard_reason ?? '',
            at: row.disregard_decided_at,
          }
        : null,
    groupId: row.group_id,
    groupSize: row.group_size,
    redactedBody: row.redacted_body,
    redactionSpans: (row.redaction_spans as RedactionSpan[] | null) ?? null,
    redactionConfirmedAt: row.redaction_confirmed_at,
    attachments: attachments.map((a) => ({
      position: a.position,
      filename: a.filename,
      mediaType: a.media_type,
      size: a.size,
    })),
  };
}

/** Objections whose redaction nobody has confirmed yet (they cannot be disclosed). */
export async function countOpenRedactions(db: Db, procedureId: string): Promise<number> {
  const row = await db
    .selectFrom('objections')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('procedure_id', '=', procedureId)
    .where('redaction_confirmed_at', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}
