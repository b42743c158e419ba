/**
 * The Genehmigungsbescheid as letter content (§ 10 Abs. 7 BImSchG, § 21 9. BImSchV):
 * I. Entscheidung (Tenor), II. genehmigte Anlagen, III. Antragsunterlagen, IV. Nebenbestimmungen,
 * V. Begründung, VI. Kostenentscheidung, VII. Hinweise, Rechtsbehelfsbelehrung. The signature
 * block, letterhead and date are the generic renderer's.
 */
import type { LetterBlock, LetterContent } from '../../procedures/letters/letter.types.ts';
import { heading, letter, paragraph } from './common.ts';
import { conditionBlocks, groupConditions } from './conditions.section.ts';
import { feeBlocks } from './fee.section.ts';
import {
  conditionReasonBlocks,
  factsBlocks,
  legalBlocks,
  objectionBlocks,
} from './reasons.section.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { documentsTable, grantTenor, installationsTable } from './tenor.ts';
import { theTurbines } from './wording.ts';

export function buildDecisionLetter(snapshot: PermitLetterSnapshot): LetterContent {
  const groups = groupConditions(snapshot.conditions);
  const conditionCount = groups.reduce((n, g) => n + g.items.length, 0);
  const blocks: LetterBlock[] = [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Genehmigungsbescheid'),
    heading('I. Entscheidung'),
    { kind: 'list', ordered: true, items: grantTenor(snapshot, conditionCount) },
    { kind: 'keep-with-next' },
    heading('II. Genehmigte Anlagen'),
    installationsTable(snapshot),
    { kind: 'keep-with-next' },
    heading('III. Antragsunterlagen'),
    paragraph('Folgende Unterlagen sind Bestandteil dieser Genehmigung:'),
    documentsTable(snapshot),
    { kind: 'keep-with-next' },
    heading('IV. Nebenbestimmungen'),
    ...conditionBlocks(groups),
    { kind: 'keep-with-next' },
    heading('V. Begründung'),
    ...factsBlocks(snapshot),
    ...legalBlocks(snapshot, true),
    ...objectionBlocks(snapshot),
    ...conditionReasonBlocks(snapshot),
    ...feeBlocks(snapshot, 'VI'),
    { kind: 'keep-with-next' },
    heading('VII. Hinweise'),
    { kind: 'list', ordered: true, items: decisionNotes(snapshot) },
    ...remedyBlocks(snapshot),
  ];
  return letter('decision', snapshot, 'Genehmigung nach § 4 BImSchG', blocks);
}

/**
 * Hinweise (§ 21 Abs. 2 9. BImSchV and the duties that follow from the permit).
 * [open] The period in note 2 is the authority's choice under § 18 Abs. 1 Nr. 1 BImSchG.
 */
export function decisionNotes(snapshot: PermitLetterSnapshot): string[] {
  const turbines = theTurbines(snapshot.turbines.length);
  return [
    'Die Genehmigung ergeht unbeschadet der behördlichen Entscheidungen, die nach § 13 BImSchG nicht von ihr eingeschlossen werden (§ 21 Abs. 2 9. BImSchV).',
    `Die Genehmigung erlischt, wenn nicht innerhalb von drei Jahren nach ihrer Bestandskraft mit der Errichtung oder dem Betrieb begonnen wird oder ${turbines} länger als drei Jahre nicht betrieben ${snapshot.turbines.length === 1 ? 'wird' : 'werden'} (§ 18 Abs. 1 BImSchG).`,
    'Jede Änderung der Lage, der Beschaffenheit oder des Betriebs ist vor ihrer Durchführung anzuzeigen (§ 15 BImSchG) oder bedarf einer Änderungsgenehmigung (§ 16 BImSchG).',
    'Der Beginn der Errichtung und die Inbetriebnahme sind der Genehmigungsbehörde jeweils vorher schriftlich oder elektronisch mitzuteilen.',
    'Ein Wechsel der Betreiberin ist der Genehmigungsbehörde unverzüglich anzuzeigen.',
  ];
}

export function remedyBlocks(snapshot: PermitLetterSnapshot): LetterBlock[] {
  return [
    { kind: 'keep-with-next' },
    heading('Rechtsbehelfsbelehrung'),
    ...snapshot.remedies.map((text) => paragraph(text)),
  ];
}
