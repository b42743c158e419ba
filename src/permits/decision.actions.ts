import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { formatGermanDate } from '../law/index.ts';
import type { ProcedureState } from '../procedures/engine/index.ts';
import { renderDecisionPdf, type DecisionOutcome } from './decision.pdf.ts';
import { berlinDate, procedureParties, type ProcedureRow } from './permit.queries.ts';
import { MAX_UPLOAD_BYTES, TYPE_LABELS, type PermitDeps } from './permit.types.ts';
import { referenceLabel } from '../procedures/reference.ts';

/** Generates the decision PDF from the case data and files it in the case as document 'decision'. */
export async function deliverDecisionDocument(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  state: ProcedureState;
  now: Date;
}): Promise<string> {
  const { deps, trx, row, state, now } = options;
  const [{ authorityName, applicantName }, head] = await Promise.all([
    procedureParties(trx, row),
    trx
      .selectFrom('procedures')
      .select('last_hash')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const decision = state.decision;
  // A decision, a refusal (also for missing documents, § 20 Abs. 2 9. BImSchV) or the confirmation
  // of a withdrawal: every end of the procedure is a document in the case file.
  const outcome: DecisionOutcome =
    state.closure?.kind === 'withdrawn'
      ? 'withdrawal'
      : state.closure || decision?.outcome === 'refused'
        ? 'refusal'
        : 'grant';
  const app = row.application;
  const assessments =
    row.typeKey === 'bimschg-formal' ? await catalogueAssessments(trx, row.id) : [];
  const pdf = await renderDecisionPdf(
    {
      authorityName,
      reference: referenceLabel(row.reference),
      issuedOn: formatGermanDate(berlinDate(now)),
      applicantName,
      projectTitle: row.title,
      procedureLabel: TYPE_LABELS[row.typeKey] ?? row.typeKey,
      site: `Gemarkung ${app.site.gemarkung}, Flur ${app.site.flur}, Flurstück ${app.site.flurstueck}`,
      turbines: app.turbines.map((t) => ({
        type: t.type,
        totalHeightM: t.totalHeightM,
        ratedPowerKw: t.ratedPowerKw,
      })),
      outcome,
      conditions: outcome === 'grant' && decision ? [...decision.conditions] : [],
      reasoning: decision?.reasons ?? state.closure?.reasons ?? '',
      assessments,
      auditHash: head.last_hash,
    },
    now,
  );
  const stored = await deps.store.put(Readable.from(pdf), { maxBytes: MAX_UPLOAD_BYTES });
  const document = await trx
    .insertInto('documents')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      doc_type: 'decision',
      filename: `${outcome === 'withdrawal' ? 'Ruecknahmebestaetigung' : 'Bescheid'}-${row.reference ?? 'Entwurf'}.pdf`,
      media_type: 'application/pdf',
      sha256: stored.sha256,
      size: stored.size,
      uploaded_by: null,
      uploaded_at: now,
      audience: 'case',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return document.id;
}

/** Concerns with an assessment, weighted by the objections and statements linked to them. */
async function catalogueAssessments(trx: Transaction<Database>, procedureId: string) {
  const rows = await trx
    .selectFrom('concerns as c')
    .select([
      'c.label',
      'c.assessment',
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .innerJoin('objections as o', 'o.id', 'oc.objection_id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed')
          .as('objections'),
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .innerJoin('objections as o', 'o.id', 'oc.objection_id')
          .select((e) => e.fn.coalesce(e.fn.sum<string>('o.signatures'), e.lit(0)).as('s'))
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed')
          .as('signatures'),
      (eb) =>
        eb
          .selectFrom('statement_concerns as sc')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('sc.concern_id', '=', 'c.id')
          .where('sc.source', '=', 'confirmed')
          .as('statements'),
    ])
    .where('c.procedure_id', '=', procedureId)
    .where('c.assessment', 'is not', null)
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    label: r.label,
    assessment: r.assessment ?? '',
    objections: Number(r.objections ?? 0),
    signatures: Number(r.signatures ?? 0),
    statements: Number(r.statements ?? 0),
  }));
}
