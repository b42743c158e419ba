/**
 * The family's checks of the steps that carry money, before the engine applies them: the grant
 * proposal (rules, de-minimis, budget, reviewers), a payment request against the grant's rate and
 * the two-month rule, the proof of use, and its assessment with recovery and interest.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import { proposeGrant } from './grant.assess.ts';
import { isoFromGermanDate } from './grant.dates.ts';
import { recoveryFor, recoveryInterest } from './grant.interest.ts';
import { atRate, paymentRequestProblems } from './grant.money.ts';
import { latestProof, latestProposal, paymentRequests } from './grant.queries.ts';
import { cents, figuresOf, invalid, str, type FundingRow, type StepData } from './grant.input.ts';
import type { ProofAssessment } from './grant.types.ts';

type Trx = Transaction<Database>;

export async function prepareAssessment(
  trx: Trx,
  row: FundingRow,
  raw: Record<string, unknown>,
  today: string,
): Promise<StepData> {
  const figures = await figuresOf(trx, row);
  const note = str(raw, 'note', 4000);
  if (note.length < 10)
    invalid([
      {
        field: 'note',
        message:
          'Prüfvermerk: Bitte halten Sie das Ergebnis der Plausibilitätsprüfung fest (mindestens 10 Zeichen).',
      },
    ]);
  if (figures.callMode === 'two-stage-competitive') {
    const reviews = await trx
      .selectFrom('funding_reviews')
      .select(['conflict', 'submitted_at', 'score'])
      .where('procedure_id', '=', row.id)
      .execute();
    const pending = reviews.filter((r) => r.conflict !== true && r.submitted_at === null).length;
    const given = reviews.filter((r) => r.submitted_at !== null);
    if (given.length === 0 || pending > 0)
      throw new AppError(
        'conflict',
        `Im Wettbewerbsverfahren ist die Begutachtung abzuwarten: ${given.length} Gutachten abgegeben, ${pending} ausstehend (mindestens eines nötig).`,
      );
  }
  const proposal = await proposeGrant(trx, {
    tenantId: row.tenantId,
    companyId: row.applicantOrgId!,
    lineId: figures.lineId,
    application: row.application,
    submittedAt: row.submittedAt,
    today,
    note,
  });
  // The case worker may recognise less than requested after the plausibility check.
  const capText = str(raw, 'hoechstbetrag', 40);
  if (capText !== '') {
    const cap = parseEuroToCents(capText);
    if (cap === undefined || Number.isNaN(cap) || cap < 1)
      invalid([
        {
          field: 'hoechstbetrag',
          message: 'Zuwendung nach Plausibilitätsprüfung: Bitte einen Betrag in Euro angeben.',
        },
      ]);
    if (cap < proposal.grantCents) {
      proposal.steps.push(
        `Nach der Plausibilitätsprüfung auf ${formatEuro(cap)} festgesetzt (Prüfvermerk).`,
      );
      proposal.grantCents = cap;
      proposal.ratePpm =
        proposal.eligibleCents > 0 ? Math.floor((cap * 1_000_000) / proposal.eligibleCents) : 0;
    }
  }
  return { input: {}, extraData: { ...proposal } };
}

export async function preparePaymentRequest(
  trx: Trx,
  row: FundingRow,
  raw: Record<string, unknown>,
  today: string,
): Promise<StepData> {
  const figures = await figuresOf(trx, row);
  const errors: FieldError[] = [];
  const amount = cents(raw, 'betrag', 'Betrag', errors);
  const due = cents(raw, 'faellige_ausgaben', 'Fällige Ausgaben', errors);
  const neededBy = isoFromGermanDate(str(raw, 'benoetigt_bis', 20));
  if (!isIsoDate(neededBy))
    errors.push({
      field: 'benoetigt_bis',
      message: 'Benötigt bis: Bitte ein Datum angeben (TT.MM.JJJJ).',
    });
  const purpose = str(raw, 'zweck', 2000);
  if (purpose.length < 3)
    errors.push({
      field: 'zweck',
      message: 'Verwendungszweck: Bitte nennen Sie die fälligen Zahlungen (mindestens 3 Zeichen).',
    });
  if (amount < 1 && errors.length === 0)
    errors.push({ field: 'betrag', message: 'Betrag: größer als 0,00 €.' });
  if (errors.length > 0) invalid(errors);
  const requests = await paymentRequests(trx, row.id);
  const bound = requests
    .filter((r) => r.status !== 'rejected')
    .reduce((s, r) => s + r.amount_cents, 0);
  const proposalRate = (await latestProposal(trx, row.id))?.ratePpm ?? 0;
  const problems = paymentRequestProblems({
    today,
    periodStart: figures.periodStart ?? today,
    periodEnd: figures.periodEnd ?? today,
    grantedCents: figures.grantedCents ?? 0,
    ratePpm: proposalRate,
    boundCents: bound,
    amountCents: amount,
    dueExpensesCents: due,
    neededBy,
  });
  if (problems.length > 0) invalid(problems);
  const number = requests.length + 1;
  return {
    input: {},
    extraData: { number, amountCents: amount, dueExpensesCents: due, neededBy, purpose },
  };
}

export function prepareProof(row: FundingRow, raw: Record<string, unknown>): StepData {
  const errors: FieldError[] = [];
  const report = str(raw, 'bericht', 20000);
  if (report.length < 20)
    errors.push({
      field: 'bericht',
      message:
        'Sachbericht: Bitte beschreiben Sie Durchführung und Ergebnis (mindestens 20 Zeichen).',
    });
  const spent: Record<string, number> = {};
  for (const c of row.application.plan.costs)
    spent[c.key] = cents(raw, `ausgaben_${c.key}`, `Ausgaben: ${c.label}`, errors);
  const ownFunds = cents(raw, 'eigenmittel', 'Eingesetzte Eigenmittel', errors);
  const otherAid = cents(raw, 'andere', 'Erhaltene andere Förderung', errors);
  if (errors.length > 0) invalid(errors);
  const total = Object.values(spent).reduce((s, v) => s + v, 0);
  return {
    input: {},
    extraData: {
      spent,
      spentTotalCents: total,
      ownFundsCents: ownFunds,
      otherAidCents: otherAid,
      report,
    },
  };
}

export async function prepareProofAssessment(
  trx: Trx,
  row: FundingRow,
  raw: Record<string, unknown>,
  today: string,
): Promise<StepData> {
  const proof = await latestProof(trx, row.id);
  if (!proof) throw new AppError('conflict', 'Es liegt noch kein Verwendungsnachweis vor.');
  const figures = await figuresOf(trx, row);
  const errors: FieldError[] = [];
  // The case worker may recognise less than proven in a category (receipts missing, costs not
  // eligible); never more than the proof states.
  const spent: Record<string, number> = { ...proof.spent };
  const capped: string[] = [];
  for (const c of row.application.plan.costs) {
    if (str(raw, `anerkannt_${c.key}`, 40) === '') continue;
    const cap = cents(raw, `anerkannt_${c.key}`, `Anerkannt: ${c.label}`, errors);
    if (cap < (spent[c.key] ?? 0)) {
      capped.push(
        `${c.label}: nach Prüfung der Belege anerkannt ${formatEuro(cap)} statt nachgewiesener ${formatEuro(spent[c.key] ?? 0)}.`,
      );
      spent[c.key] = cap;
    }
  }
  const note = str(raw, 'note', 4000);
  if (note.length < 10)
    errors.push({
      field: 'note',
      message:
        'Prüfvermerk: Bitte halten Sie das Ergebnis der Prüfung fest (mindestens 10 Zeichen).',
    });
  if (errors.length > 0) invalid(errors);
  const rate = (await latestProposal(trx, row.id))?.ratePpm ?? 0;
  const payments = (
    await trx
      .selectFrom('funding_payment_requests')
      .select(['amount_cents', 'decided_on'])
      .where('procedure_id', '=', row.id)
      .where('status', '=', 'paid')
      .execute()
  ).map((p) => ({ cents: Number(p.amount_cents), paidOn: p.decided_on ?? today }));
  const result = recoveryFor({
    plan: row.application.plan,
    grantedCents: figures.grantedCents ?? 0,
    ratePpm: rate,
    spent,
    payments,
    until: today,
  });
  let { dueCents, recoveryCents, interestCents, interestSteps } = result;
  const findings = [...capped, ...result.findings];
  // Other aid received beyond the plan reduces the grant (Anteilfinanzierung, ANBest-P Nr. 2.1) [open].
  const plannedOther = row.application.plan.otherAid.reduce((s, a) => s + a.cents, 0);
  if (proof.other_aid_cents > plannedOther) {
    const extra = proof.other_aid_cents - plannedOther;
    dueCents = Math.max(0, dueCents - atRate(extra, rate));
    recoveryCents = Math.max(0, result.paidCents - dueCents);
    findings.push(
      `Mehr andere Förderung erhalten als geplant (+${formatEuro(extra)}): die Zuwendung ermäßigt sich anteilig auf ${formatEuro(dueCents)} (ANBest-P Nr. 2.1).`,
    );
    const interest = recoveryInterest({ recoveryCents, payments, until: today });
    interestCents = interest.interestCents;
    interestSteps = interest.steps;
  }
  const assessment: ProofAssessment = {
    recognised: result.recognised,
    recognisedTotalCents: result.recognisedTotalCents,
    dueCents,
    paidCents: result.paidCents,
    recoveryCents,
    interestCents,
    interestSteps,
    findings,
    note,
  };
  return { input: {}, extraData: { ...assessment } };
}
