/**
 * Reading the argument catalogue (Belange): every concern is answered once and linked to every
 * objection and agency statement that raised it. The assessments feed the reasoning of the
 * decision (§ 10 Abs. 7 BImSchG, § 21 Abs. 1 Nr. 5 9. BImSchV: "Behandlung der Einwendungen")
 * and the replies to the objectors.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../db/ids.ts';

type Handle = Db | Transaction<Database>;

export interface ConcernSummary {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly position: number;
  /** Objections whose link to this concern a case worker confirmed. */
  readonly confirmedObjections: number;
  /** Objections linked only by a suggestion that nobody has confirmed yet. */
  readonly suggestedObjections: number;
  /** Signatures behind the confirmed objections (signature lists count every signer). */
  readonly signatures: number;
  readonly suggestedSignatures: number;
  readonly confirmedStatements: number;
  readonly suggestedStatements: number;
  readonly assessment: string | null;
  readonly assessedAt: Date | null;
}

/** One row per concern in catalogue order, counted in the database (100,000 objections). */
export async function catalogueSummary(db: Handle, procedureId: string): Promise<ConcernSummary[]> {
  const rows = await db
    .selectFrom('concerns as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .innerJoin('objections as o', 'o.id', 'oc.objection_id')
          .select([
            'oc.concern_id',
            sql<number>`count(*) filter (where oc.source = 'confirmed')::int`.as('confirmed'),
            sql<number>`count(*) filter (where oc.source = 'suggested')::int`.as('suggested'),
            sql<number>`coalesce(sum(o.signatures) filter (where oc.source = 'confirmed'), 0)::int`.as(
              'signatures',
            ),
            sql<number>`coalesce(sum(o.signatures) filter (where oc.source = 'suggested'), 0)::int`.as(
              'suggested_signatures',
            ),
          ])
          .where('oc.procedure_id', '=', procedureId)
          .groupBy('oc.concern_id')
          .as('ob'),
      (join) => join.onRef('ob.concern_id', '=', 'c.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('statement_concerns as sc')
          .select([
            'sc.concern_id',
            sql<number>`count(*) filter (where sc.source = 'confirmed')::int`.as('confirmed'),
            sql<number>`count(*) filter (where sc.source = 'suggested')::int`.as('suggested'),
          ])
          .where('sc.procedure_id', '=', procedureId)
          .groupBy('sc.concern_id')
          .as('st'),
      (join) => join.onRef('st.concern_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'c.key',
      'c.label',
      'c.description',
      'c.position',
      'c.assessment',
      'c.assessed_at',
      sql<number>`coalesce(ob.confirmed, 0)`.as('confirmed'),
      sql<number>`coalesce(ob.suggested, 0)`.as('suggested'),
      sql<number>`coalesce(ob.signatures, 0)`.as('signatures'),
      sql<number>`coalesce(ob.suggested_signatures, 0)`.as('suggested_signatures'),
      sql<number>`coalesce(st.confirmed, 0)`.as('statements_confirmed'),
      sql<number>`coalesce(st.suggested, 0)`.as('statements_suggested'),
    ])
    .where('c.procedure_id', '=', procedureId)
    .orderBy('c.position')
    .orderBy('c.label')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: r.label,
    description: r.description,
    position: r.position,
    confirmedObjections: r.confirmed,
    suggestedObjections: r.suggested,
    signatures: r.signatures,
    suggestedSignatures: r.suggested_signatures,
    confirmedStatements: r.statements_confirmed,
    suggestedStatements: r.statements_suggested,
    assessment: r.assessment,
    assessedAt: r.assessed_at,
  }));
}

export interface DecisionAssessment {
  readonly label: string;
  /** Objections with a confirmed link to the concern. */
  readonly objections: number;
  readonly signatures: number;
  /** Agency statements with a confirmed link to the concern. */
  readonly statements: number;
  readonly assessment: string;
}

/**
 * The concerns the authority has assessed, in catalogue order, for the reasoning of the decision
 * (§ 39 Abs. 1 VwVfG; § 21 Abs. 1 Nr. 5 9. BImSchV). Concerns without an assessment are left out:
 * the decision may only cite what the authority has actually weighed.
 */
export async function assessmentsForDecision(
  db: Handle,
  procedureId: string,
): Promise<DecisionAssessment[]> {
  const summary = await catalogueSummary(db, procedureId);
  return summary
    .filter((c): c is ConcernSummary & { assessment: string } => c.assessment !== null)
    .map((c) => ({
      label: c.label,
      objections: c.confirmedObjections,
      signatures: c.signatures,
      statements: c.confirmedStatements,
      assessment: c.assessment,
    }));
}

/** The confirmed concerns of one objection with the authority's answer (status page, reply). */
export async function concernsOfObjection(
  db: Handle,
  objectionId: string,
): Promise<{ label: string; assessment: string | null }[]> {
  return db
    .selectFrom('objection_concerns as oc')
    .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
    .select(['c.label', 'c.assessment'])
    .where('oc.objection_id', '=', objectionId)
    .where('oc.source', '=', 'confirmed')
    .orderBy('c.position')
    .orderBy('c.label')
    .execute();
}

/** The concerns of a procedure (for forms and validation). */
export async function listConcerns(
  db: Handle,
  procedureId: string,
): Promise<{ id: string; key: string; label: string; description: string }[]> {
  return db
    .selectFrom('concerns')
    .select(['id', 'key', 'label', 'description'])
    .where('procedure_id', '=', procedureId)
    .orderBy('position')
    .orderBy('label')
    .execute();
}

/** The links of one objection to concerns, suggested or confirmed. */
export async function objectionConcernLinks(
  db: Handle,
  objectionId: string,
): Promise<{ concernId: string; source: 'suggested' | 'confirmed'; score: number }[]> {
  const rows = await db
    .selectFrom('objection_concerns')
    .select(['concern_id', 'source', 'score'])
    .where('objection_id', '=', objectionId)
    .execute();
  return rows.map((r) => ({ concernId: r.concern_id, source: r.source, score: r.score }));
}

export interface AgencyStatement {
  readonly agencyOrgId: string;
  readonly agency: string;
  readonly status: 'asked' | 'answered' | 'no-comment';
  readonly statement: string | null;
  readonly concerns: { concernId: string; source: 'suggested' | 'confirmed' }[];
}

/** The agency statements of a procedure with their links to the catalogue. */
export async function listAgencyStatements(
  db: Handle,
  procedureId: string,
): Promise<AgencyStatement[]> {
  const agencies = await db
    .selectFrom('procedure_agencies as a')
    .innerJoin('organisations as o', 'o.id', 'a.agency_org_id')
    .select(['a.agency_org_id', 'o.name', 'a.status', 'a.statement'])
    .where('a.procedure_id', '=', procedureId)
    .orderBy('o.name')
    .execute();
  const links = await db
    .selectFrom('statement_concerns')
    .select(['agency_org_id', 'concern_id', 'source'])
    .where('procedure_id', '=', procedureId)
    .execute();
  return agencies.map((a) => ({
    agencyOrgId: a.agency_org_id,
    agency: a.name,
    status: a.status,
    statement: a.statement,
    concerns: links
      .filter((l) => l.agency_org_id === a.agency_org_id)
      .map((l) => ({ concernId: l.concern_id, source: l.source })),
  }));
}

/**
 * The given concern ids, checked to belong to the procedure; duplicates dropped. An unknown id
 * (stale form, foreign procedure) is refused as a whole: nothing is written.
 */
export async function checkConcernIds(
  db: Handle,
  procedureId: string,
  concernIds: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(concernIds)];
  if (wanted.length === 0) return [];
  const message =
    'Mindestens ein gewählter Belang gehört nicht zum Katalog dieses Verfahrens. Bitte laden Sie die Seite neu.';
  if (wanted.some((id) => !isUuid(id)))
    throw new AppError('validation', message, [{ field: 'concerns', message }]);
  const found = await db
    .selectFrom('concerns')
    .select('id')
    .where('procedure_id', '=', procedureId)
    .where('id', 'in', wanted)
    .execute();
  if (found.length !== wanted.length)
    throw new AppError('validation', message, [{ field: 'concerns', message }]);
  return wanted;
}
