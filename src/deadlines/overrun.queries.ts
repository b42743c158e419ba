import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Actor } from '../platform/auth/actor.ts';
import {
  BINDING_ROLES,
  PERIOD_EFFECTS,
  readableDeadline,
  RESPONSIBLE_LABELS,
  OVERRUN_KINDS,
} from './overrun.kinds.ts';

export interface OverrunFilter {
  authorityId?: string;
  kind?: string;
  /** End of the deadline on or after / on or before (JJJJ-MM-TT). */
  from?: string;
  to?: string;
}

export interface OverrunRow {
  id: string;
  reference: string | null;
  title: string;
  step: string;
  authority: string;
  key: string;
  kind: string;
  kindLabel: string;
  label: string;
  responsible: string;
  responsibleLabel: string;
  end_date: string;
  daysOver: number;
  escalated_at: Date | null;
}

/** The authorities whose overruns the actor may see: all for the supervisory authority. */
export async function visibleAuthorities(
  db: Db,
  actor: Actor,
): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== 'user') return [];
  const supervisor = actor.memberships.some(
    (m) => m.role === 'supervisor' && m.organisationKind === 'ministry',
  );
  const own = actor.memberships
    .filter((m) => m.role === 'case_worker')
    .map((m) => m.organisationId);
  if (!supervisor && own.length === 0) return [];
  let query = db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'authority')
    .orderBy('name');
  if (!supervisor) query = query.where('id', 'in', own);
  return query.execute();
}

/**
 * Overrun report (§ 10 Abs. 6a BImSchG: the supervisory authority watches the decision periods):
 * expired deadlines of running procedures that bind the authority or an agency. The applicant's
 * own periods and periods that simply end are no overruns. Scoped in SQL to the authorities the
 * actor may see, before the limit.
 */
export async function listOverruns(
  db: Db,
  actor: Actor,
  today: string,
  filter: OverrunFilter = {},
): Promise<OverrunRow[]> {
  const authorities = await visibleAuthorities(db, actor);
  const allowed = authorities.map((a) => a.id);
  if (allowed.length === 0) return [];
  if (filter.authorityId && !allowed.includes(filter.authorityId)) return [];
  let query = db
    .selectFrom('procedure_deadlines as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'p.step',
      'o.name as authority',
      'd.key',
      'd.label',
      'd.end_date',
      'd.responsible',
      'd.escalated_at',
    ])
    .select(sql<number>`(${today}::date - d.end_date)`.as('daysOver'))
    .where('p.closed_at', 'is', null)
    .where('p.tenant_id', 'in', filter.authorityId ? [filter.authorityId] : allowed)
    .where('d.responsible', 'in', [...BINDING_ROLES])
    .where('d.effect_on_expiry', 'not in', [...PERIOD_EFFECTS])
    .where((eb) =>
      eb.or([
        eb('d.status', '=', 'expired'),
        eb.and([eb('d.status', '=', 'running'), eb('d.end_date', '<', today)]),
      ]),
    )
    .orderBy('d.end_date')
    .orderBy('p.reference')
    .limit(500);
  if (filter.kind)
    query = query.where((eb) =>
      eb.or([eb('d.key', '=', filter.kind!), eb('d.key', 'like', `${filter.kind!}#%`)]),
    );
  if (filter.from) query = query.where('d.end_date', '>=', filter.from);
  if (filter.to) query = query.where('d.end_date', '<=', filter.to);
  const rows = await query.execute();
  return rows.map((r) => {
    const readable = readableDeadline(r.key, r.label);
    return {
      ...r,
      label: readable.label,
      kind: readable.kind,
      kindLabel: OVERRUN_KINDS.find((k) => k.key === readable.kind)?.label ?? readable.label,
      responsibleLabel: RESPONSIBLE_LABELS[r.responsible] ?? r.responsible,
      daysOver: Number(r.daysOver),
    };
  });
}
