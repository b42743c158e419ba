/**
 * Starting and editing a funding application: the company chooses an open call (a funding
 * body's budget line for a programme) and the measure; the application takes the company's
 * figures from its profile ("tell us once"), the financing plan from the form, and attaches the
 * Förderfinder's assessment. A draft has no Aktenzeichen; it is given at submission.
 */
import type { Transaction } from 'kysely';
import type { Database, FundingCallMode } from '../../db/schema.ts';
import type { FundingMeasure, FundingProgrammeVersion } from '../../law/funding/index.ts';
import {
  programmeVersionAt,
  fundingProgrammeVersions,
  sizeClassLabel,
} from '../../law/funding/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import { requireProcedureRole } from '../../procedures/case/case-roles.ts';
import { berlinDate, findCase, partiesOf } from '../../procedures/case/case.queries.ts';
import { initialState } from '../../procedures/engine/index.ts';
import { companyFacts } from '../../law/funding/index.ts';
import { companyProfileInput, loadCompanyProfile } from '../profile/profile.queries.ts';
import { attachedResult, finderEntryFor } from './grant.assess.ts';
import { FUNDING_COMPETITIVE, FUNDING_GRANT } from './procedure-types/funding-grant.ts';
import { fundingProcedureType, type FundingDeps } from './grant.family.ts';
import { parseApplicationForm, type ApplicationFormValues, type FormInput } from './grant.form.ts';
import { eligibleTotal, type FundingApplication } from './grant.types.ts';

const UUID = /^[0-9a-f-]{36}$/i;

export interface OpenCall {
  lineId: string;
  fundingBodyId: string;
  fundingBody: string;
  programmeId: string;
  version: FundingProgrammeVersion;
  mode: FundingCallMode;
  openUntil: string | null;
  label: string | null;
  year: number;
}

/** Calls that accept applications today: a line of this year whose programme is in force. */
export async function openCalls(
  db: FundingDeps['db'] | Transaction<Database>,
  today: string,
): Promise<OpenCall[]> {
  const rows = await db
    .selectFrom('funding_budget_lines as l')
    .innerJoin('organisations as o', 'o.id', 'l.tenant_id')
    .select([
      'l.id',
      'l.tenant_id',
      'o.name',
      'l.programme_id',
      'l.call_mode',
      'l.call_open_until',
      'l.label',
      'l.year',
    ])
    .where('o.kind', '=', 'funding-body')
    .where('l.year', '=', Number(today.slice(0, 4)))
    .where((eb) =>
      eb.or([eb('l.call_open_until', 'is', null), eb('l.call_open_until', '>=', today)]),
    )
    .orderBy('o.name')
    .orderBy('l.programme_id')
    .execute();
  const calls: OpenCall[] = [];
  for (const r of rows) {
    const version = programmeVersionAt(fundingProgrammeVersions, r.programme_id, today);
    if (!version || version.amount.kind === 'per-person-day') continue;
    calls.push({
      lineId: r.id,
      fundingBodyId: r.tenant_id,
      fundingBody: r.name,
      programmeId: r.programme_id,
      version,
      mode: r.call_mode,
      openUntil: r.call_open_until,
      label: r.label,
      year: r.year,
    });
  }
  return calls;
}

export function findMeasure(version: FundingProgrammeVersion, measureId: string): FundingMeasure {
  const measure = version.measures.find((m) => m.id === measureId);
  if (!measure)
    throw new AppError('validation', 'Bitte wählen Sie eine Maßnahme des Programms.', [
      { field: 'massnahme', message: 'Maßnahme: Bitte wählen Sie eine Maßnahme des Programms.' },
    ]);
  return measure;
}

export function applyingCompany(actor: Actor): { id: string; name: string } {
  const m =
    actor.kind === 'user'
      ? actor.memberships.find((x) => x.role === 'applicant' && x.organisationKind === 'company')
      : undefined;
  if (!m)
    throw new AppError(
      'forbidden',
      'Förderanträge stellen die Antragstellenden eines Unternehmens.',
    );
  return { id: m.organisationId, name: m.organisationName };
}

async function buildApplication(
  trx: Transaction<Database>,
  company: { id: string; name: string },
  version: FundingProgrammeVersion,
  measureId: string,
  values: ApplicationFormValues,
  today: string,
  now: Date,
): Promise<FundingApplication> {
  const profile = await loadCompanyProfile(trx, company.id, now);
  if (!profile)
    throw new AppError(
      'conflict',
      'Bitte legen Sie zuerst das Unternehmensprofil an (Menü „Unternehmensprofil“); der Antrag übernimmt die Angaben daraus.',
    );
  const base = {
    versionId: version.versionId,
    measureId,
    plan: values.plan,
    periodStart: values.periodStart,
    ...(values.consultantDays === undefined ? {} : { consultantDays: values.consultantDays }),
    ...(values.units === undefined ? {} : { units: values.units }),
  };
  const entry = await finderEntryFor(trx, company.id, base, today, now);
  let sizeClass = '';
  try {
    sizeClass =
      sizeClassLabel[companyFacts(companyProfileInput(profile, today)).sme.sizeClass] ?? '';
  } catch {
    sizeClass = '';
  }
  return {
    programmeId: version.programmeId,
    ...base,
    description: values.description,
    periodEnd: values.periodEnd,
    requestedCents: values.requestedCents,
    applicant: {
      name: company.name,
      profileVersion: profile.version,
      validFrom: profile.validFrom,
      legalForm: profile.legalFormOther ?? profile.legalForm,
      seatAgs: profile.seatAgs,
      seatName: '',
      naceCode: profile.naceCode,
      sizeClass,
      street: values.street,
      postcode: values.postcode,
      city: values.city,
    },
    finder: attachedResult(entry, today),
  };
}

/** A new draft for an open call; nothing is stored while the form has a problem. */
export async function createFundingApplication(options: {
  deps: FundingDeps;
  actor: Actor;
  lineId: string;
  measureId: string;
  input: FormInput;
}): Promise<string> {
  const { deps, actor } = options;
  const company = applyingCompany(actor);
  const now = deps.clock.now();
  const today = berlinDate(now);
  const call = UUID.test(options.lineId)
    ? (await openCalls(deps.db, today)).find((c) => c.lineId === options.lineId)
    : undefined;
  if (!call)
    throw new AppError('not_found', 'Diesen Förderaufruf gibt es nicht oder er ist geschlossen.');
  const measure = findMeasure(call.version, options.measureId);
  const parsed = parseApplicationForm(options.input, call.version, measure);
  if ('errors' in parsed)
    throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
  const type = fundingProcedureType(
    call.mode === 'single' ? FUNDING_GRANT : FUNDING_COMPETITIVE,
    '2026-12',
  );
  return deps.db.transaction().execute(async (trx) => {
    const application = await buildApplication(
      trx,
      company,
      call.version,
      measure.id,
      parsed.values,
      today,
      now,
    );
    const row = await trx
      .insertInto('procedures')
      .values({
        tenant_id: call.fundingBodyId,
        applicant_org_id: company.id,
        reference: null,
        title: parsed.values.title,
        type_key: type.key,
        type_version: type.version,
        step: type.initialStep,
        state: JSON.stringify(initialState(type)),
        application: JSON.stringify(application),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('funding_cases')
      .values({
        procedure_id: row.id,
        tenant_id: call.fundingBodyId,
        applicant_org_id: company.id,
        line_id: call.lineId,
        programme_id: call.programmeId,
        programme_version: call.version.versionId,
        measure_id: measure.id,
        requested_cents: application.requestedCents,
        eligible_cents: eligibleTotal(application.plan),
      })
      .execute();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: call.fundingBodyId,
      at: now,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorRole: 'applicant',
      type: 'application-created',
      data: { title: parsed.values.title, programme: call.version.versionId, measure: measure.id },
    });
    return row.id;
  });
}

/** Steps in which the company still edits its application. */
export const EDITABLE_STEPS = new Set(['draft', 'full-application']);

export async function saveFundingApplication(options: {
  deps: FundingDeps;
  actor: Actor;
  procedureId: string;
  input: FormInput;
  expectedVersion?: number;
}): Promise<void> {
  const { deps, actor } = options;
  const now = deps.clock.now();
  const today = berlinDate(now);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findCase<FundingApplication>(trx, options.procedureId, { lock: true });
    if (!row || !row.typeKey.startsWith('funding-'))
      throw new AppError(
        'not_found',
        'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
      );
    requireProcedureRole(actor, partiesOf(row), ['applicant']);
    if (!EDITABLE_STEPS.has(row.step))
      throw new AppError(
        'conflict',
        'Der Antrag ist eingereicht und kann nicht mehr geändert werden.',
      );
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.eventCount)
      throw new AppError(
        'conflict',
        'Der Antrag wurde inzwischen an anderer Stelle geändert. Bitte laden Sie die Seite neu; Ihre Eingaben wurden nicht gespeichert.',
      );
    const version = fundingProgrammeVersions.find((v) => v.versionId === row.application.versionId);
    if (!version)
      throw new AppError('conflict', 'Die Programmfassung dieses Antrags gibt es nicht mehr.');
    const measure = findMeasure(version, row.application.measureId);
    const parsed = parseApplicationForm(options.input, version, measure);
    if ('errors' in parsed)
      throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
    const company = { id: row.applicantOrgId!, name: row.application.applicant.name };
    const application = await buildApplication(
      trx,
      company,
      version,
      measure.id,
      parsed.values,
      today,
      now,
    );
    await trx
      .updateTable('procedures')
      .set({ application: JSON.stringify(application), title: parsed.values.title })
      .where('id', '=', row.id)
      .execute();
    await trx
      .updateTable('funding_cases')
      .set({
        requested_cents: application.requestedCents,
        eligible_cents: eligibleTotal(application.plan),
      })
      .where('procedure_id', '=', row.id)
      .execute();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: now,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorRole: 'applicant',
      type: 'application-saved',
      data: { title: parsed.values.title, requestedCents: application.requestedCents },
    });
  });
}
