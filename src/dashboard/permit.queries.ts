/**
 * What the dashboard reads about permit procedures, straight from the case tables: the dates of
 * each procedure's milestones from its audit log (procedure_events), its decision deadline and
 * the number of objections. Read-only SQL; no feature module is imported, so the dashboard sees
 * exactly what is stored, for every procedure type that writes these events.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { cutoffOf } from './stand.ts';

/** Events that end a milestone (names of the audit events the procedure engine writes). */
export const MILESTONE_EVENTS = {
  submitted: ['application-submitted'],
  complete: ['completeness-confirmed'],
  decided: ['decision-issued', 'application-refused'],
  delivered: ['decision-delivered', 'decision-deemed-delivered'],
} as const;

export interface PermitMilestones {
  id: string;
  reference: string | null;
  typeKey: string;
  tenantId: string;
  authority: string;
  /** Berlin calendar days (YYYY-MM-DD); null where the milestone was not reached by the stand. */
  submitted: string;
  complete: string | null;
  decided: string | null;
  delivered: string | null;
  /** Last day of the statutory decision period (§ 10 Abs. 6a BImSchG) as now recorded. */
  decisionDue: string | null;
}

function firstDay(events: readonly string[]) {
  return sql<string | null>`to_char(min(e.at) filter (where e.type in (${sql.join(
    events,
  )})) at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;
}

/** Every permit procedure submitted by the end of the stand day, with its milestone days. */
export async function permitMilestones(db: Db, stand: string): Promise<PermitMilestones[]> {
  const result = await sql<PermitMilestones>`
    select p.id, p.reference, p.type_key as "typeKey", p.tenant_id as "tenantId",
      o.name as authority,
      ${firstDay(MILESTONE_EVENTS.submitted)} as submitted,
      ${firstDay(MILESTONE_EVENTS.complete)} as complete,
      ${firstDay(MILESTONE_EVENTS.decided)} as decided,
      ${firstDay(MILESTONE_EVENTS.delivered)} as delivered,
      to_char(d.end_date, 'YYYY-MM-DD') as "decisionDue"
    from procedures p
    join procedure_events e on e.procedure_id = p.id and e.at < ${cutoffOf(stand)}
    join organisations o on o.id = p.tenant_id
    left join procedure_deadlines d on d.procedure_id = p.id and d.key = 'decision'
    where p.type_key not like 'funding-%'
    group by p.id, o.name, d.end_date
    having bool_or(e.type in (${sql.join(MILESTONE_EVENTS.submitted)}))
    order by p.reference nulls last, p.id`.execute(db);
  return result.rows;
}

export interface ObjectionCounts {
  procedureId: string;
  reference: string | null;
  typeKey: string;
  objections: number;
  grouped: number;
  groups: number;
}

/**
 * Objections per procedure received by the end of the stand day, and how many of them sit in a
 * group (Sammel- or gleichförmige Einwendungen). Only counts: nothing about the objectors.
 */
export async function objectionCounts(db: Db, stand: string): Promise<ObjectionCounts[]> {
  const result = await sql<ObjectionCounts>`
    select p.id as "procedureId", p.reference, p.type_key as "typeKey",
      count(*)::int as objections,
      count(o.group_id)::int as grouped,
      count(distinct o.group_id)::int as groups
    from objections o
    join procedures p on p.id = o.procedure_id
    where o.received_at < ${cutoffOf(stand)}
    group by p.id
    order by p.reference nulls last, p.id`.execute(db);
  return result.rows;
}
