import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { formatGermanDate } from '../law/index.ts';
import type { ProcedureState } from '../procedures/engine/index.ts';
import { renderDecisionPdf, type DecisionOutcome } from './decision.pdf.ts';
import { berlinDate, type ProcedureRow } from './permit.queries.ts';
import { MAX_UPLOAD_BYTES, TYPE_LABELS, type PermitDeps } from './permit.types.ts';

/** Generates the decision PDF from the case data and files it in the case as document 'decision'. */
export async function deliverDecisionDocument(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  state: ProcedureState;
  now: Date;
}): Promise<string> {
  const { deps, trx, row, state, now } = options;
  const [authority, applicant, head] = await Promise.all([
    trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', row.tenantId)
      .executeTakeFirstOrThrow(),
    row.applicantOrgId
      ? trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', row.applicantOrgId)
          .executeTakeFirst()
      : undefined,
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
  const pdf = await renderDecisionPdf(
    {
      authorityName: authority.name,
      reference: row.reference,
      issuedOn: formatGermanDate(berlinDate(now)),
      applicantName: applicant?.name ?? '–',
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
      filename: `${outcome === 'withdrawal' ? 'Ruecknahmebestaetigung' : 'Bescheid'}-${row.reference}.pdf`,
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
