/**
 * Reads a permit letter's snapshot from the case: the procedure row, its audit history,
 * documents, conditions, agencies, the argument catalogue and the computed deadlines. The
 * authority's master data (bank details) comes from its profile, never from the case.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { AuthorityProfile } from '../../procedures/authority/authority.types.ts';
import { catalogueAssessments } from '../decision.actions.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { GENERAL_WIND_REMEDIES } from '../../law/remedies.ts';
import { findProcedure } from '../permit.queries.ts';
import { berlinDate, loadHistory, procedureParties } from '../../procedures/case/case.queries.ts';
import { procedureType } from '../permit.types.ts';
import type { LetterKind } from '../../procedures/letters/letter.types.ts';
import { permitFee, permitRemedies } from './fee-remedies.ts';
import { milestonesFrom } from './milestones.ts';
import type { PermitLetterSnapshot, SnapshotAgency } from './snapshot.ts';

type Handle = Db | Transaction<Database>;

const DECIDING = new Set<LetterKind>(['decision', 'refusal', 'rejection']);

/** Documents that are not part of the application: the authority's own files and letters. */
const NOT_APPLICATION = new Set(['decision']);

export async function loadPermitSnapshot(
  db: Handle,
  options: {
    procedureId: string;
    kind: LetterKind;
    profile: AuthorityProfile | null;
    now: Date;
  },
): Promise<PermitLetterSnapshot> {
  const row = await findProcedure(db, options.procedureId);
  if (!row) throw new Error(`procedure ${options.procedureId} not found`);
  const type = procedureType(row.typeKey, row.typeVersion);
  const [parties, history, documents, conditions, agencies, deadlines, objections] =
    await Promise.all([
      procedureParties(db, row),
      loadHistory(db, row.id),
      db
        .selectFrom('documents')
        .select(['doc_type', 'filename', 'uploaded_at', 'trade_secret', 'audience'])
        .where('procedure_id', '=', row.id)
        .where('audience', '=', 'case')
        .orderBy('uploaded_at')
        .orderBy('filename')
        .execute(),
      db
        .selectFrom('procedure_conditions as c')
        .leftJoin('organisations as o', 'o.id', 'c.agency_org_id')
        .select([
          'c.category',
          'c.text',
          'c.source',
          'c.status',
          'c.reason',
          'o.name as agencyName',
        ])
        .where('c.procedure_id', '=', row.id)
        .orderBy('c.position')
        .execute(),
      db
        .selectFrom('procedure_agencies as a')
        .innerJoin('organisations as o', 'o.id', 'a.agency_org_id')
        .select([
          'o.name',
          'a.status',
          'a.statement',
          'a.asked_at',
          'a.due_date',
          'a.answered_at',
          'a.consent',
          'a.consent_status',
          'a.consent_due',
        ])
        .where('a.procedure_id', '=', row.id)
        .orderBy('a.asked_at')
        .orderBy('o.name')
        .execute(),
      db
        .selectFrom('procedure_deadlines')
        .select(['key', 'end_date'])
        .where('procedure_id', '=', row.id)
        .execute(),
      db
        .selectFrom('objections')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('procedure_id', '=', row.id)
        .executeTakeFirst(),
    ]);
  const labels = new Map(type.requiredDocuments.map((d) => [d.key, d.label]));
  const requestDeadlines: Record<string, string> = {};
  for (const d of deadlines) {
    const match = /^document-submission#(.+)$/.exec(d.key);
    if (match?.[1]) requestDeadlines[match[1]] = String(d.end_date);
  }
  const bank = options.profile?.bankAccount ?? null;
  const app = row.application;
  const today = berlinDate(options.now);
  const costs = investmentCosts(app);
  const fee = permitFee({
    kind: options.kind,
    typeKey: row.typeKey,
    investmentCostsCents: costs,
    eia: row.state.facts.eiaRequired === true,
    today,
  });
  const remedies = permitRemedies({
    kind: options.kind,
    site: app.site,
    turbines: app.turbines,
    withFee: fee !== null,
  });
  return {
    reference: referenceLabel(row.reference),
    title: row.title,
    typeKey: row.typeKey,
    authorityName: options.profile?.name ?? parties.authorityName,
    applicant: { name: parties.applicantName, lines: [] },
    today,
    submittedOn: row.state.submittedAt,
    site: app.site,
    turbines: app.turbines,
    investmentCostsCents: costs,
    state: row.state,
    documents: documents
      .filter((d) => !NOT_APPLICATION.has(d.doc_type))
      .map((d) => ({
        label: labels.get(d.doc_type) ?? 'Sonstige Unterlage',
        filename: d.filename,
        uploadedOn: berlinDate(d.uploaded_at),
        tradeSecret: d.trade_secret,
      })),
    requiredDocuments: type.requiredDocuments.map((d) => ({
      key: d.key,
      label: d.label,
      provided: documents.some((doc) => doc.doc_type === d.key),
    })),
    conditions: conditions.map((c) => ({
      category: c.category,
      text: c.text,
      source: c.source,
      status: c.status,
      agencyName: c.agencyName,
      reason: c.reason,
    })),
    agencies: agencies.map((a): SnapshotAgency => ({
      name: a.name,
      status: a.status,
      statement: a.statement,
      askedOn: berlinDate(a.asked_at),
      dueOn: String(a.due_date),
      answeredOn: a.answered_at ? berlinDate(a.answered_at) : null,
      consent:
        a.consent && a.consent_status
          ? {
              kind: a.consent,
              status: a.consent_status,
              dueOn: a.consent_due ? String(a.consent_due) : null,
            }
          : null,
    })),
    assessments: row.typeKey === 'bimschg-formal' ? await catalogueAssessments(db, row.id) : [],
    objectionCount: Number(objections?.n ?? 0),
    milestones: milestonesFrom(history, row.state),
    documentRequestDeadlines: requestDeadlines,
    decisionDeadline: deadlines.find((d) => d.key === 'decision')?.end_date ?? null,
    fee,
    bank: bank
      ? { holder: bank.holder, bankName: bank.bankName, iban: bank.iban, bic: bank.bic }
      : null,
    // Without a Kreis for the site the general notice of the OVG stands in (§ 58 VwGO needs one).
    remedies:
      remedies.length > 0 || !DECIDING.has(options.kind) ? remedies : [GENERAL_WIND_REMEDIES],
  };
}

/** The application's investment costs in cents, where the application form asks for them. */
function investmentCosts(app: object): number | null {
  const value = (app as { investmentCostsCents?: unknown }).investmentCostsCents;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
