/**
 * Reads what the delivery of the decision needs: the objections with their § 17 VwVfG facts and
 * the confirmed groups of uniform submissions, and the recorded deliveries of a case.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { objectorDeliveries, type DeliveryList } from './recipients.ts';

type Handle = Db | Transaction<Database>;

/** The objector deliveries of a case as the rules in recipients.ts compute them. */
export async function loadObjectorDeliveries(
  db: Handle,
  procedureId: string,
): Promise<DeliveryList> {
  const [objections, groups] = await Promise.all([
    db
      .selectFrom('objections')
      .select(['id', 'reference', 'name', 'address', 'email', 'signatures', 'group_id'])
      .where('procedure_id', '=', procedureId)
      .orderBy('received_at')
      .orderBy('reference')
      .execute(),
    // Only groups a case worker confirmed as uniform stand for their members (§ 17 VwVfG).
    db
      .selectFrom('objection_groups')
      .select(['id', 'representative_id'])
      .where('procedure_id', '=', procedureId)
      .where('confirmed_at', 'is not', null)
      .execute(),
  ]);
  const confirmed = new Set(groups.map((g) => g.id));
  return objectorDeliveries(
    objections.map((o) => ({
      id: o.id,
      reference: o.reference,
      name: o.name,
      address: o.address,
      email: o.email,
      signatures: o.signatures,
      groupId: o.group_id !== null && confirmed.has(o.group_id) ? o.group_id : null,
      disregarded: false,
    })),
    groups.map((g) => ({ id: g.id, representativeId: g.representative_id })),
  );
}

/** How many individual deliveries to objectors the decision would need. */
export async function countObjectorDeliveries(db: Handle, procedureId: string): Promise<number> {
  return (await loadObjectorDeliveries(db, procedureId)).deliveries.length;
}

export interface RecordedDelivery {
  id: string;
  recipientKind: 'applicant' | 'objector' | 'representative';
  objectionReference: string | null;
  represents: number;
  name: string | null;
  address: string | null;
  email: string | null;
  channel: 'portal' | 'mail' | 'letter' | 'public-notice';
  recordedAt: Date;
  deliveredOn: string;
}

export async function listDeliveries(db: Handle, procedureId: string): Promise<RecordedDelivery[]> {
  const rows = await db
    .selectFrom('decision_deliveries as d')
    .leftJoin('objections as o', 'o.id', 'd.objection_id')
    .select([
      'd.id',
      'd.recipient_kind',
      'o.reference',
      'd.represents',
      'd.name',
      'd.address',
      'd.email',
      'd.channel',
      'd.recorded_at',
      'd.delivered_on',
    ])
    .where('d.procedure_id', '=', procedureId)
    .orderBy('d.recorded_at')
    .orderBy('d.recipient_kind')
    .orderBy('o.reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipientKind: r.recipient_kind,
    objectionReference: r.reference,
    represents: r.represents,
    name: r.name,
    address: r.address,
    email: r.email,
    channel: r.channel,
    recordedAt: r.recorded_at,
    deliveredOn: r.delivered_on,
  }));
}
