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
import { latestProofAssessment, latestProposal, paymentRequests } from './grant.queries.ts';
import { cents, figuresOf, invalid, str, type FundingRow, type StepData } from './grant.input.ts';
import {
  prepareAssessment,
  preparePaymentRequest,
  prepareProof,
  prepareProofAssessment,
} from './grant.checks.ts';

type Trx = Transaction<Database>;

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
