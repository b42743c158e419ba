/**
 * The rules' view of an application: the Förderfinder's assessment of the programme version
 * for the company as its profile stood, with the measure from the application — eligibility with
 * the deciding rules, the amount with its steps — then the de-minimis headroom of the single
 * undertaking and the budget left on the call's line. Used when a draft is saved (attached as
 * the finder result) and when the case worker completes the assessment (the grant proposal).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { fundingProgrammeVersions } from '../../law/funding/index.ts';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import type { IsoDate } from '../../law/index.ts';
import { AppError } from '../../platform/errors.ts';
import { deMinimisCheck } from '../de-minimis/de-minimis.check.ts';
import { finderAnswersFromProfile, runFinder, stateAidOf } from '../finder/finder.service.ts';
import type { FinderEntry } from '../finder/finder.types.ts';
import { lineBalance } from '../ledger/ledger.actions.ts';
import { companyProfileInput, loadCompanyProfile } from '../profile/profile.queries.ts';
import type { AttachedFinderResult, FundingApplication, GrantProposal } from './grant.types.ts';
import { eligibleTotal } from './grant.types.ts';

type Handle = Db | Transaction<Database>;

export function programmeVersion(versionId: string): FundingProgrammeVersion {
  const version = fundingProgrammeVersions.find((v) => v.versionId === versionId);
  if (!version) throw new AppError('not_found', 'Diese Programmfassung gibt es nicht.');
  return version;
}

const sentence = (r: { description: string; citation: string; truth: string }) =>
  `${r.truth === 'met' ? 'Erfüllt' : r.truth === 'not-met' ? 'Nicht erfüllt' : 'Offen'}: ${r.description} (${r.citation})`;

/**
 * The finder's entry for the application's programme version, for the company as its profile
 * stood at `asOf`. Undefined profile → the company must first keep its profile.
 */
export async function finderEntryFor(
  db: Handle,
  companyId: string,
  application: Pick<
    FundingApplication,
    'versionId' | 'measureId' | 'plan' | 'periodStart' | 'consultantDays' | 'units'
  >,
  date: IsoDate,
  asOf?: Date,
): Promise<FinderEntry> {
  const profile = await loadCompanyProfile(db, companyId, asOf);
  if (!profile) {
    throw new AppError(
      'conflict',
      'Bitte legen Sie zuerst das Unternehmensprofil an; der Antrag übernimmt die Angaben daraus.',
    );
  }
  const version = programmeVersion(application.versionId);
  const answers = finderAnswersFromProfile(companyProfileInput(profile, date));
  const result = runFinder({
    answers: {
      company: answers.company,
      measure: {
        kind: application.measureId,
        eligibleCostsCents: eligibleTotal(application.plan),
        plannedStart: application.periodStart,
        ...(answers.company.seatAgs ? { siteInNrw: answers.company.seatAgs.startsWith('05') } : {}),
        ...(application.consultantDays === undefined
          ? {}
          : { consultantDays: application.consultantDays }),
        ...(application.units === undefined ? {} : { units: application.units }),
      },
    },
    date,
    catalogue: [version],
  });
  const entry = result.entries.find((e) => e.id === version.versionId);
  if (!entry) throw new AppError('conflict', 'Das Programm ist an diesem Tag nicht in Kraft.');
  return entry;
}

export function attachedResult(entry: FinderEntry, date: IsoDate): AttachedFinderResult {
  return {
    checkedOn: date,
    eligibility: entry.eligibility,
    estimateCents: entry.amount.amountCents,
    deciding: entry.decidingReasons.map(sentence),
    missing: entry.missing,
  };
}

/**
 * The grant proposal: eligibility re-checked by the rules, the amount the programme gives for the
 * eligible costs (never more than requested), reduced to the de-minimis headroom of the single
 * undertaking where the aid is de-minimis (Art. 3 Abs. 2 VO (EU) 2023/2831), and checked against
 * the money left on the call's budget line. The de-minimis check here only reads; the grant step
 * checks and records again under lock.
 */
export async function proposeGrant(
  trx: Transaction<Database>,
  input: {
    tenantId: string;
    companyId: string;
    lineId: string;
    application: FundingApplication;
    submittedAt: Date | null;
    today: IsoDate;
    note: string;
  },
): Promise<GrantProposal> {
  const { application } = input;
  const submittedOn = input.submittedAt
    ? input.submittedAt.toISOString().slice(0, 10)
    : input.today;
  // Eligibility on the day of submission with the profile as it stood then (the project may not
  // have begun before the application, VV Nr. 1.3 zu § 44 LHO NRW).
  const entry = await finderEntryFor(
    trx,
    input.companyId,
    application,
    submittedOn,
    input.submittedAt ?? undefined,
  );
  const version = programmeVersion(application.versionId);
  const eligibleCents = eligibleTotal(application.plan);
  const steps = entry.amount.steps.map((s) => `${s.text} (${s.citation})`);
  const computed = entry.amount.status === 'computed' ? entry.amount.amountCents : 0;
  let grantCents = Math.min(computed, application.requestedCents);
  if (grantCents < computed)
    steps.push(`Begrenzt auf die beantragte Zuwendung: ${formatEuro(application.requestedCents)}.`);
  const aid = stateAidOf(version.stateAid);
  const aidKind = aid.kind === 'de-minimis' || aid.kind === 'gber' ? aid.kind : 'none';
  let deMinimis: GrantProposal['deMinimis'];
  if (aidKind === 'de-minimis' && grantCents > 0) {
    const check = await deMinimisCheck(trx, input.companyId, input.today, grantCents);
    deMinimis = {
      ceilingCents: check.ceilingCents,
      usedCents: check.usedCents,
      headroomCents: check.headroomCents,
      windowFrom: check.windowFrom,
    };
    steps.push(...check.trace);
    if (check.allowedCents < grantCents) {
      steps.push(
        `Auf den De-minimis-Spielraum gekürzt: ${formatEuro(grantCents)} → ${formatEuro(check.allowedCents)} (Art. 3 Abs. 2 VO (EU) 2023/2831).`,
      );
      grantCents = check.allowedCents;
    }
  }
  const balance = await lineBalance(trx, input.tenantId, input.lineId);
  steps.push(
    balance.availableCents >= grantCents
      ? `Haushaltsmittel der Haushaltsstelle verfügbar: ${formatEuro(balance.availableCents)} (§ 38 LHO NRW).`
      : `Achtung: Auf der Haushaltsstelle sind nur ${formatEuro(Math.max(0, balance.availableCents))} verfügbar; die Bewilligung ist erst mit weiteren Mitteln möglich (§ 38 LHO NRW).`,
  );
  const eligible = entry.eligibility === 'eligible' && grantCents > 0;
  return {
    recommendation: eligible ? 'grant' : 'refuse',
    eligibility: entry.eligibility,
    decidingRules: entry.decidingReasons.map(sentence),
    eligibleCents,
    ratePpm: eligibleCents > 0 ? Math.floor((grantCents * 1_000_000) / eligibleCents) : 0,
    computedCents: computed,
    grantCents,
    steps,
    periodStart: application.periodStart,
    periodEnd: application.periodEnd,
    aidKind,
    aidLabel: aid.label,
    ...(deMinimis ? { deMinimis } : {}),
    note: input.note,
  };
}
