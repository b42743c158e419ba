/**
 * What each step of a funding procedure reads and checks before the engine applies it
 * (`prepareGrantStep`), and what it entails in the same transaction (`grantConsequences`): the
 * grant proposal with the rules' trace, the commitment in the budget ledger together with the
 * de-minimis entry when the signed decision is recorded, payment requests and payments, the proof
 * of use and its check, the revocation and the recovery.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import type { CaseRow } from '../../procedures/case/case.queries.ts';
import { isoFromGermanDate } from './grant.dates.ts';
import { proposeGrant } from './grant.assess.ts';
import { atRate, paymentRequestProblems } from './grant.money.ts';
import {
  fundingFigures,
  latestProof,
  latestProofAssessment,
  latestProposal,
  paymentRequests,
  type FundingCaseFigures,
} from './grant.queries.ts';
import { recoveryFor, recoveryInterest } from './grant.interest.ts';
import type { FundingApplication, ProofAssessment } from './grant.types.ts';

type Trx = Transaction<Database>;
export type FundingRow = CaseRow<FundingApplication>;

const str = (input: Record<string, unknown>, name: string, max = 4000): string => {
  const v = input[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

function invalid(errors: FieldError[]): never {
  throw new AppError('validation', errors[0]!.message, errors);
}

function cents(
  input: Record<string, unknown>,
  name: string,
  label: string,
  errors: FieldError[],
): number {
  const value = parseEuroToCents(input[name]);
  if (value === undefined || Number.isNaN(value) || value < 0 || value > 100_000_000_000) {
    errors.push({
      field: name,
      message: `${label}: Bitte einen Betrag in Euro angeben (z. B. 12.500,00).`,
    });
    return 0;
  }
  return value;
}

export async function figuresOf(trx: Trx, row: FundingRow): Promise<FundingCaseFigures> {
  const figures = await fundingFigures(trx, row.id);
  if (!figures) throw new AppError('not_found', 'Zu diesem Verfahren gibt es keinen Förderantrag.');
  return figures;
}

export interface StepData {
  input: Record<string, unknown>;
  extraData: Record<string, unknown>;
}

/** The engine's input and the audit data of one step, after the family's own checks. */
export async function prepareGrantStep(
  trx: Trx,
  row: FundingRow,
  action: string,
  raw: Record<string, unknown>,
  today: string,
): Promise<StepData> {
  switch (action) {
    case 'submit-application':
    case 'submit-outline': {
      const figures = await figuresOf(trx, row);
      const line = await trx
        .selectFrom('funding_budget_lines')
        .select(['call_open_until'])
        .where('id', '=', figures.lineId)
        .executeTakeFirstOrThrow();
      if (line.call_open_until !== null && line.call_open_until < today)
        throw new AppError(
          'conflict',
          `Der Förderaufruf ist seit dem ${line.call_open_until.split('-').reverse().join('.')} geschlossen; Anträge werden nicht mehr angenommen.`,
        );
      if (row.application.periodStart <= today && action === 'submit-application')
        throw new AppError(
          'validation',
          'Der Bewilligungszeitraum muss nach dem Tag der Antragstellung beginnen: Vorhaben, die schon begonnen haben, werden nicht gefördert (VV Nr. 1.3 zu § 44 LHO NRW).',
          [
            {
              field: 'beginn',
              message: 'Beginn des Bewilligungszeitraums: nach dem Tag der Antragstellung.',
            },
          ],
        );
      return { input: {}, extraData: { requestedCents: row.application.requestedCents } };
    }
    case 'request-documents': {
      const items = str(raw, 'items')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      const weeks = Number(str(raw, 'wochen'));
      const errors: FieldError[] = [];
      if (items.length === 0)
        errors.push({
          field: 'items',
          message:
            'Nachgeforderte Unterlagen: Bitte mindestens eine Unterlage nennen (eine je Zeile).',
        });
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12)
        errors.push({ field: 'wochen', message: 'Frist: 1 bis 12 Wochen.' });
      if (errors.length > 0) invalid(errors);
      return {
        input: { items, period: `P${weeks}W`, note: str(raw, 'note', 2000) },
        extraData: {},
      };
    }
    case 'submit-documents': {
      const documents = str(raw, 'documents')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (documents.length === 0)
        invalid([
          {
            field: 'documents',
            message: 'Eingereichte Unterlagen: Bitte nennen Sie die Unterlagen (eine je Zeile).',
          },
        ]);
      return { input: { documents, requestId: str(raw, 'requestId', 10) }, extraData: {} };
    }
    case 'complete-assessment':
      return prepareAssessment(trx, row, raw, today);
    case 'grant': {
      const proposal = await latestProposal(trx, row.id);
      if (!proposal || proposal.recommendation !== 'grant' || proposal.grantCents < 1)
        throw new AppError(
          'conflict',
          'Die fachliche Prüfung empfiehlt keine Bewilligung; bitte lehnen Sie ab oder prüfen Sie erneut.',
        );
      return {
        input: {
          outcome: 'granted',
          conditions: [],
          reasons: proposal.note || 'Die Fördervoraussetzungen sind erfüllt.',
        },
        extraData: {
          grantCents: proposal.grantCents,
          ratePpm: proposal.ratePpm,
          periodStart: proposal.periodStart,
          periodEnd: proposal.periodEnd,
          aidKind: proposal.aidKind,
        },
      };
    }
    case 'refuse':
    case 'decline-outline':
    case 'reject-incomplete': {
      let reasons = str(raw, 'reasons');
      if (reasons === '' && action === 'refuse') {
        const proposal = await latestProposal(trx, row.id);
        reasons = (proposal?.decidingRules ?? [])
          .filter((r) => !r.startsWith('Erfüllt'))
          .join('\n');
      }
      if (reasons.length < 10)
        invalid([
          {
            field: 'reasons',
            message: 'Begründung: Bitte begründen Sie die Entscheidung (mindestens 10 Zeichen).',
          },
        ]);
      return { input: { reasons }, extraData: {} };
    }
    case 'withdraw':
      return { input: { reasons: str(raw, 'reasons', 2000) }, extraData: {} };
    case 'request-payment':
      return preparePaymentRequest(trx, row, raw, today);
    case 'approve-payment':
    case 'reject-payment': {
      const number = Number(str(raw, 'antrag', 10));
      const open = (await paymentRequests(trx, row.id)).find((r) => r.number === number);
      if (!open)
        invalid([{ field: 'antrag', message: 'Mittelabruf: Bitte wählen Sie einen Abruf aus.' }]);
      if (open.status !== 'requested')
        throw new AppError(
          'conflict',
          `Über den Mittelabruf Nr. ${number} ist bereits entschieden.`,
        );
      const reason = str(raw, 'grund', 2000);
      if (action === 'reject-payment' && reason.length < 10)
        invalid([
          {
            field: 'grund',
            message: 'Begründung: Bitte begründen Sie die Zurückweisung (mindestens 10 Zeichen).',
          },
        ]);
      return {
        input: {},
        extraData: { number, amountCents: open.amount_cents, ...(reason ? { reason } : {}) },
      };
    }
    case 'submit-proof':
      return prepareProof(row, raw);
    case 'assess-proof':
      return prepareProofAssessment(trx, row, raw, today);
    case 'close-case': {
      const assessment = await latestProofAssessment(trx, row.id);
      if (!assessment)
        throw new AppError('conflict', 'Bitte prüfen Sie zuerst den Verwendungsnachweis.');
      if (assessment.recoveryCents > 0)
        throw new AppError(
          'conflict',
          `Nach der Prüfung sind ${formatEuro(assessment.recoveryCents)} zurückzufordern; das Verfahren endet mit einem Teilwiderruf, nicht mit einem Abschluss.`,
        );
      return {
        input: {},
        extraData: { dueCents: assessment.dueCents, paidCents: assessment.paidCents },
      };
    }
    case 'revoke-partially': {
      const assessment = await latestProofAssessment(trx, row.id);
      if (!assessment || assessment.recoveryCents < 1)
        throw new AppError(
          'conflict',
          'Nach der Prüfung des Verwendungsnachweises ist nichts zurückzufordern.',
        );
      return {
        input: {},
        extraData: {
          recoveryCents: assessment.recoveryCents,
          interestCents: assessment.interestCents,
          dueCents: assessment.dueCents,
        },
      };
    }
    case 'record-repayment': {
      const figures = await figuresOf(trx, row);
      const errors: FieldError[] = [];
      const amount = cents(raw, 'betrag', 'Eingegangener Betrag', errors);
      if (errors.length > 0) invalid(errors);
      const due = (figures.recoveryCents ?? 0) + (figures.interestCents ?? 0);
      if (amount !== due)
        invalid([
          {
            field: 'betrag',
            message: `Eingegangener Betrag: Zu erstatten sind ${formatEuro(figures.recoveryCents ?? 0)} zuzüglich ${formatEuro(figures.interestCents ?? 0)} Zinsen = ${formatEuro(due)}; Teilzahlungen werden außerhalb der Plattform gebucht [offen].`,
          },
        ]);
      return { input: {}, extraData: { amountCents: amount } };
    }
    default:
      return { input: raw, extraData: {} };
  }
}

async function prepareAssessment(
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

async function preparePaymentRequest(
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

function prepareProof(row: FundingRow, raw: Record<string, unknown>): StepData {
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

async function prepareProofAssessment(
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
