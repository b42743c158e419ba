/**
 * Section VI of the Bescheid, the fee decision: the costs follow the applicant (§ 13 Abs. 1
 * GebG NRW); the fee is computed by the fee rules (src/law/fees) from the investment costs the
 * application states, with the tariff number and the steps of the computation, and is due by the
 * date the rules give. [open] Wording of the cost decision and of the payment request.
 */
import type { LetterBlock } from '../../procedures/letters/letter.types.ts';
import { date, heading, paragraph } from './common.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { formatEuro, formatIban } from './wording.ts';

export function feeBlocks(snapshot: PermitLetterSnapshot, number: string): LetterBlock[] {
  const blocks: LetterBlock[] = [
    { kind: 'keep-with-next' },
    heading(`${number}. Kostenentscheidung`),
  ];
  const fee = snapshot.fee;
  if (!fee) {
    blocks.push(
      paragraph(
        'Die Kosten des Verfahrens tragen Sie (§ 13 Abs. 1 Nr. 1 GebG NRW). Die Höhe der Gebühr kann noch nicht festgesetzt werden, weil der Antrag keine Investitionskosten angibt; sie wird durch gesonderten Bescheid festgesetzt.',
      ),
    );
    return blocks;
  }
  const costs =
    snapshot.investmentCostsCents !== null
      ? ` Maßgeblich sind die im Antrag angegebenen Investitionskosten von ${formatEuro(snapshot.investmentCostsCents)}.`
      : '';
  blocks.push(
    paragraph(
      `Die Kosten des Verfahrens tragen Sie (§ 13 Abs. 1 Nr. 1 GebG NRW). Die Verwaltungsgebühr wird nach ${fee.tariff} auf ${formatEuro(fee.amountCents)} festgesetzt. Die Kosten werden aus den im Antrag angegebenen Investitionskosten berechnet.${costs}`,
    ),
  );
  if (fee.trace.length > 0)
    blocks.push(paragraph('Berechnung:'), { kind: 'list', ordered: false, items: [...fee.trace] });
  const bank = snapshot.bank;
  blocks.push(
    paragraph(
      bank
        ? `Bitte überweisen Sie den Betrag von ${formatEuro(fee.amountCents)} bis zum ${date(fee.dueOn)} unter Angabe des Aktenzeichens ${snapshot.reference} an: ${bank.holder}, ${bank.bankName}, IBAN ${formatIban(bank.iban)}${bank.bic ? `, BIC ${bank.bic}` : ''}.`
        : `Bitte überweisen Sie den Betrag von ${formatEuro(fee.amountCents)} bis zum ${date(fee.dueOn)} unter Angabe des Aktenzeichens ${snapshot.reference}.`,
    ),
  );
  return blocks;
}
