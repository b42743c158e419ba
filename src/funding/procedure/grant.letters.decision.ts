/**
 * The Zuwendungsbescheid (§ 35 VwVfG NRW; VV Nr. 4 zu § 44 LHO NRW): I. operative part (kind and
 * amount of the grant, Anteilfinanzierung with rate and maximum, funding period, binding
 * financing plan, ANBest-P as part of the decision), II. purpose, III. financing plan,
 * IV. ancillary provisions, V. de-minimis certificate where that is the aid type, VI. reasons,
 * VII. notes, legal remedies. Built from the assessment's proposal; the decision is signed off by
 * a second person before the 'grant' step records it. [open] Wording needs legal sign-off, in
 * particular the ANBest-P items named (NRW numbering), the subsidy-fraud note (§ 264 StGB with
 * § 2 SubvG and Land law) and the de-minimis paragraph (Art. 6 VO (EU) 2023/2831: paragraph
 * number of the duty to inform the undertaking in writing).
 */
import { computeDeadline, type IsoDate } from '../../law/index.ts';
import type { LetterBlock, LetterContent } from '../../procedures/letters/letter.types.ts';
import {
  date,
  euro,
  grantLetter,
  heading,
  list,
  paragraph,
  percent,
  programmeOf,
  programmeText,
  remedyBlocks,
  PRINTED,
  fromDay,
} from './grant.letters.common.ts';
import type { GrantLetterSnapshot } from './grant.letters.snapshot.ts';
import { eligibleTotal, type GrantProposal } from './grant.types.ts';

/** Title and OJ reference of the de-minimis regulation, as Art. 6 requires them to be named. */
export const DE_MINIMIS_REGULATION =
  'Verordnung (EU) 2023/2831 der Kommission vom 13. Dezember 2023 über die Anwendung der Artikel 107 und 108 des Vertrags über die Arbeitsweise der Europäischen Union auf De-minimis-Beihilfen (ABl. L, 2023/2831, 15.12.2023)';

/**
 * The day the proof of use is due: the deadline engine's date once the grant is recorded, before
 * that six months after the end of the funding period (ANBest-P Nr. 6.1 [open]), moved past a
 * weekend or holiday as the engine does (§ 31 Abs. 3 VwVfG NRW).
 */
export function proofOfUseDue(snapshot: GrantLetterSnapshot, periodEnd: IsoDate): IsoDate {
  return (
    snapshot.deadlines['proof-of-use'] ??
    computeDeadline({ start: periodEnd, duration: 'P6M', rule: { counting: 'event' } }).end
  );
}

/** The proposal the letter decides on; a decision without one names the application's figures. */
function proposalOf(snapshot: GrantLetterSnapshot): GrantProposal {
  const app = snapshot.application;
  return (
    snapshot.proposal ?? {
      recommendation: 'grant',
      eligibility: 'need-info',
      decidingRules: [],
      eligibleCents: eligibleTotal(app.plan),
      ratePpm: 0,
      computedCents: app.requestedCents,
      grantCents: app.requestedCents,
      steps: [],
      periodStart: app.periodStart,
      periodEnd: app.periodEnd,
      aidKind: 'none',
      aidLabel: '',
      note: '',
    }
  );
}

function tenor(snapshot: GrantLetterSnapshot, p: GrantProposal, deMinimis: boolean): string[] {
  const items = [
    `Auf Ihren Antrag${fromDay(snapshot)} bewillige ich Ihnen für das Vorhaben „${snapshot.title}“ (${programmeText(snapshot)}) eine Zuwendung in Höhe von ${euro(p.grantCents)} (§§ 23, 44 LHO NRW).`,
    `Die Zuwendung wird als Projektförderung im Wege der Anteilfinanzierung in Höhe von ${percent(p.ratePpm)} der zuwendungsfähigen Ausgaben von ${euro(p.eligibleCents)}, höchstens jedoch ${euro(p.grantCents)} (Höchstbetrag), als nicht rückzahlbarer Zuschuss gewährt.`,
    `Bewilligungszeitraum: ${date(p.periodStart)} bis ${date(p.periodEnd)}. Nur Ausgaben, die in diesem Zeitraum entstehen, sind zuwendungsfähig.`,
    'Der Finanzierungsplan (Abschnitt III) ist verbindlich. Einzelne Ansätze dürfen um bis zu 20 % überschritten werden, soweit die Überschreitung durch Einsparungen bei anderen Ansätzen ausgeglichen wird (ANBest-P Nr. 1.2).',
    `Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) sind Bestandteil dieses Bescheids (Abschnitt IV).`,
  ];
  if (deMinimis)
    items.push(
      'Die Zuwendung ist eine De-minimis-Beihilfe; die Bescheinigung in Abschnitt V ist Bestandteil dieses Bescheids.',
    );
  return items;
}

function planTable(snapshot: GrantLetterSnapshot, p: GrantProposal): LetterBlock {
  const plan = snapshot.application.plan;
  const rows: string[][] = plan.costs.map((c) => [c.label, euro(c.cents)]);
  rows.push(['Zuwendungsfähige Ausgaben insgesamt', euro(eligibleTotal(plan))]);
  rows.push(['Eigenmittel', euro(plan.ownFundsCents)]);
  for (const aid of plan.otherAid) rows.push([`Andere Förderung: ${aid.source}`, euro(aid.cents)]);
  rows.push(['Zuwendung nach diesem Bescheid', euro(p.grantCents)]);
  return {
    kind: 'table',
    columns: ['Position', 'Betrag'],
    rows,
    widths: [3, 1],
    caption: 'Finanzierungsplan (verbindlich)',
  };
}

function ancillary(snapshot: GrantLetterSnapshot, p: GrantProposal): string[] {
  return [
    `Die Zuwendung darf nur so weit und nicht eher angefordert werden, als sie innerhalb von zwei Monaten nach der Auszahlung für fällige Zahlungen benötigt wird (${PRINTED.paymentRequest}). Der Abruf erfolgt über die elektronische Verfahrensakte.`,
    `Der Verwendungsnachweis (Sachbericht und zahlenmäßiger Nachweis nach den Positionen des Finanzierungsplans) ist bis zum ${date(proofOfUseDue(snapshot, p.periodEnd))} vorzulegen, sechs Monate nach dem Ende des Bewilligungszeitraums (${PRINTED.proofOfUse}).`,
    'Ermäßigen sich die zuwendungsfähigen Ausgaben oder treten neue Deckungsmittel hinzu, ermäßigt sich die Zuwendung anteilig (ANBest-P Nr. 2).',
    'Sie sind verpflichtet, unverzüglich mitzuteilen, wenn sich der Zuwendungszweck oder wesentliche Umstände ändern, weitere Förderung beantragt oder erhalten wird oder ausgezahlte Beträge nicht innerhalb von zwei Monaten verbraucht werden können (ANBest-P Nr. 5).',
    'Belege und Verträge sind fünf Jahre nach Vorlage des Verwendungsnachweises aufzubewahren; die Bewilligungsbehörde und der Landesrechnungshof sind berechtigt, die Verwendung zu prüfen (ANBest-P Nr. 6.5, 7; § 91 LHO NRW).',
  ];
}

/** Art. 6 VO (EU) 2023/2831: the written information on the aid's amount and character. */
function deMinimisBlocks(p: GrantProposal): LetterBlock[] {
  const dm = p.deMinimis;
  const items = [
    `Die Zuwendung von ${euro(p.grantCents)} wird als De-minimis-Beihilfe nach der ${DE_MINIMIS_REGULATION} gewährt.`,
    `Das Bruttosubventionsäquivalent beträgt ${euro(p.grantCents)}; bei einem nicht rückzahlbaren Zuschuss entspricht es dem Zuschussbetrag.`,
    'Ein einziges Unternehmen darf in einem Zeitraum von drei Jahren De-minimis-Beihilfen von höchstens 300.000 € erhalten (Art. 3 Abs. 2 VO (EU) 2023/2831); verbundene Unternehmen gelten als ein einziges Unternehmen (Art. 2 Abs. 2).',
  ];
  if (dm)
    items.push(
      `Nach Ihren Angaben und dem Register wurden seit dem ${date(dm.windowFrom)} De-minimis-Beihilfen von ${euro(dm.usedCents)} gewährt; der Spielraum vor dieser Zuwendung betrug ${euro(dm.headroomCents)}.`,
    );
  items.push(
    'Bitte bewahren Sie diese Bescheinigung sorgfältig auf und geben Sie die Beihilfe bei jedem künftigen Antrag auf eine De-minimis-Beihilfe an.',
  );
  return [
    { kind: 'keep-with-next' },
    heading('V. De-minimis-Bescheinigung'),
    paragraph('(Art. 6 VO (EU) 2023/2831)'),
    list(items, false),
  ];
}

export function buildDecisionLetter(snapshot: GrantLetterSnapshot): LetterContent {
  const p = proposalOf(snapshot);
  const deMinimis = p.aidKind === 'de-minimis';
  const programme = programmeOf(snapshot);
  const reasons = [
    ...(programme ? [`Rechtsgrundlagen: ${programme.legalBasis.join('; ')}.`] : []),
    ...p.decidingRules,
    ...p.steps,
  ];
  const blocks: LetterBlock[] = [
    paragraph('auf Ihren Antrag ergeht folgender'),
    heading('Zuwendungsbescheid'),
    heading('I. Entscheidung'),
    list(tenor(snapshot, p, deMinimis)),
    { kind: 'keep-with-next' },
    heading('II. Zuwendungszweck'),
    paragraph(
      `Die Zuwendung wird für folgenden Zweck gewährt: ${snapshot.application.description.trim() || snapshot.title}`,
    ),
    paragraph(
      'Sie ist wirtschaftlich und sparsam und nur für diesen Zweck zu verwenden (§ 7 LHO NRW, ANBest-P Nr. 1.1).',
    ),
    { kind: 'keep-with-next' },
    heading('III. Finanzierungsplan'),
    planTable(snapshot, p),
    { kind: 'keep-with-next' },
    heading('IV. Nebenbestimmungen'),
    paragraph(
      'Die ANBest-P in der bei Bekanntgabe dieses Bescheids geltenden Fassung sind Bestandteil dieses Bescheids. Besonders hingewiesen wird auf:',
    ),
    list(ancillary(snapshot, p)),
    ...(deMinimis ? deMinimisBlocks(p) : []),
    { kind: 'keep-with-next' },
    heading('VI. Begründung'),
    paragraph(
      `Ihr Antrag erfüllt die Voraussetzungen der Förderung. Maßgeblich für die Bewilligung und ihre Höhe sind (${PRINTED.assessment}):`,
    ),
    ...(reasons.length > 0 ? [list(reasons, false)] : []),
    ...(p.note ? [paragraph(p.note)] : []),
    { kind: 'keep-with-next' },
    heading('VII. Hinweise'),
    list([
      `Der Bescheid kann ganz oder teilweise widerrufen und die Zuwendung zurückgefordert werden, wenn sie nicht oder nicht mehr für den bestimmten Zweck verwendet oder eine Auflage nicht erfüllt wird (${PRINTED.revocation}); der Erstattungsbetrag ist zu verzinsen (${PRINTED.recovery}).`,
      'Angaben im Antrag, im Verwendungsnachweis und in den Mittelabrufen, von denen die Bewilligung, Gewährung oder Rückforderung der Zuwendung abhängt, sind subventionserheblich im Sinne des § 264 StGB (§ 2 Subventionsgesetz i. V. m. Landesrecht).',
    ]),
    ...remedyBlocks('decision', snapshot),
  ];
  return grantLetter('decision', snapshot, 'Zuwendungsbescheid', blocks);
}
