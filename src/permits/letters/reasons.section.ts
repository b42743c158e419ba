/**
 * Section V of the Bescheid, the reasons (§ 39 VwVfG NRW, § 21 Abs. 1 Nr. 5 and 6 9. BImSchV):
 * the facts with the procedure history, the legal assessment under § 6 BImSchG, the agencies'
 * statements, the handling of objections from the argument catalogue, and the conditions.
 * [open] The legal assessment is a frame the case worker completes in the draft; its wording
 * needs the authority's legal sign-off.
 */
import { countNoun } from '../../law/index.ts';
import type { LetterBlock } from '../../procedures/letters/letter.types.ts';
import { date, heading, paragraph, siteText } from './common.ts';
import { rejectedProposalsBlocks } from './conditions.section.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { formatNumber, procedurePhrase, turbinesDative } from './wording.ts';

export function factsBlocks(snapshot: PermitLetterSnapshot): LetterBlock[] {
  const power = snapshot.turbines.reduce((sum, t) => sum + t.ratedPowerKw, 0);
  const blocks: LetterBlock[] = [
    heading('1. Sachverhalt'),
    paragraph(
      `Sie beantragen die Genehmigung zur Errichtung und zum Betrieb ${turbinesDative(snapshot.turbines.length)} am Standort ${siteText(snapshot)} mit einer Nennleistung von insgesamt ${formatNumber(power / 1000, 2)} MW (Vorhaben „${snapshot.title}“). Der Antrag wurde ${procedurePhrase(snapshot.typeKey)} geprüft.`,
    ),
  ];
  if (snapshot.milestones.length > 0) {
    blocks.push(paragraph('Das Verfahren nahm folgenden Verlauf:'), {
      kind: 'table',
      columns: ['Datum', 'Verfahrensschritt'],
      rows: snapshot.milestones.map((m) => [date(m.on), m.text]),
    });
  }
  return blocks;
}

/**
 * The state of a consent the agency owes, as the decision states it: the municipality's
 * Einvernehmen (§ 36 BauGB) and the aviation authority's Zustimmung (§ 14 Abs. 1 LuftVG), given,
 * deemed given after two months, refused or replaced. [open] wording of the replacement, which the
 * Bescheid itself performs (§ 36 Abs. 2 Satz 3 BauGB with the BauO NRW).
 */
function consentSentence(a: PermitLetterSnapshot['agencies'][number]): string {
  const c = a.consent;
  if (!c) return '';
  const municipal = c.kind === 'municipality';
  const what = municipal
    ? 'Das gemeindliche Einvernehmen (§ 36 Abs. 1 BauGB)'
    : 'Die Zustimmung der Luftfahrtbehörde (§ 14 Abs. 1 LuftVG)';
  const fiction = municipal ? '§ 36 Abs. 2 Satz 2 BauGB' : '§ 12 Abs. 2 Satz 2 LuftVG';
  const it = municipal ? 'es' : 'sie';
  switch (c.status) {
    case 'given':
      return ` ${what} wurde erteilt.`;
    case 'deemed-given':
      return ` ${what} gilt als erteilt, weil ${it} nicht innerhalb von zwei Monaten verweigert wurde (${fiction}${c.dueOn ? `; Frist bis ${date(c.dueOn)}` : ''}).`;
    case 'refused':
      return ` ${what} wurde verweigert.`;
    case 'replaced':
      return ` ${what} wurde verweigert; ${it} wird mit diesem Bescheid ersetzt, weil die Versagung rechtswidrig war (§ 36 Abs. 2 Satz 3 BauGB).`;
    case 'requested':
      return ` ${what} ist angefragt${c.dueOn ? `; ${it} gilt mit Ablauf des ${date(c.dueOn)} als erteilt, wenn ${it} nicht verweigert wird` : ''}.`;
  }
}

export function agencyBlocks(snapshot: PermitLetterSnapshot): LetterBlock[] {
  if (snapshot.agencies.length === 0) return [];
  return [
    paragraph(
      'Folgende Behörden, deren Aufgabenbereich berührt ist, wurden beteiligt (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV):',
    ),
    {
      kind: 'list',
      ordered: false,
      items: snapshot.agencies.map((a) => {
        const consent = consentSentence(a);
        if (a.status === 'answered')
          return `${a.name}: Stellungnahme vom ${a.answeredOn ? date(a.answeredOn) : '–'}.${consent}`;
        if (a.status === 'no-comment')
          return `${a.name}: keine Äußerung bis zum Ablauf der Frist am ${date(a.dueOn)}; es ist davon auszugehen, dass sie sich nicht äußern will (§ 10 Abs. 5 Satz 2 BImSchG).${consent}`;
        return `${a.name}: um Stellungnahme gebeten am ${date(a.askedOn)}.${consent}`;
      }),
    },
  ];
}

/**
 * § 6 Abs. 1 BImSchG: the two conditions of the permit, then the wind-specific aspects.
 * [open] Competence: the Kreis or kreisfreie Stadt as lower immission control authority under
 * the ZustVU NRW; cases of the Bezirksregierung are not distinguished here.
 */
export function legalBlocks(snapshot: PermitLetterSnapshot, granted: boolean): LetterBlock[] {
  const blocks: LetterBlock[] = [
    heading('2. Rechtliche Würdigung'),
    paragraph(
      `Die Errichtung und der Betrieb von Windenergieanlagen mit einer Gesamthöhe von mehr als 50 Metern bedürfen der Genehmigung nach § 4 BImSchG in Verbindung mit Nr. 1.6 des Anhangs 1 der 4. BImSchV. Die Zuständigkeit ergibt sich aus der Zuständigkeitsverordnung Umweltschutz (ZustVU NRW). Über den Antrag war ${procedurePhrase(snapshot.typeKey)} zu entscheiden.`,
    ),
  ];
  if (granted) {
    blocks.push(
      paragraph(
        'Die Genehmigung ist nach § 6 Abs. 1 BImSchG zu erteilen, weil sichergestellt ist, dass die sich aus § 5 BImSchG und den auf Grund des § 7 BImSchG erlassenen Rechtsverordnungen ergebenden Pflichten erfüllt werden (Nr. 1) und andere öffentlich-rechtliche Vorschriften und Belange des Arbeitsschutzes der Errichtung und dem Betrieb der Anlagen nicht entgegenstehen (Nr. 2). Die Genehmigung ist eine gebundene Entscheidung; bei Vorliegen der Voraussetzungen besteht ein Anspruch auf ihre Erteilung.',
      ),
      {
        kind: 'list',
        ordered: false,
        items: [
          'Schutz vor schädlichen Umwelteinwirkungen durch Geräusche: Die Immissionsrichtwerte der TA Lärm werden an den maßgeblichen Immissionsorten nach der vorgelegten Schallimmissionsprognose eingehalten; die Nebenbestimmungen zum Schallschutz sichern dies.',
          'Schattenwurf: Die Orientierungswerte für die astronomisch maximal mögliche Beschattungsdauer werden durch eine Abschaltautomatik eingehalten.',
          'Natur- und Artenschutz: Verbotstatbestände des § 44 Abs. 1 BNatSchG werden unter Berücksichtigung von § 45b BNatSchG und der festgesetzten Schutzmaßnahmen nicht erfüllt.',
          'Bauplanungsrecht: Das Vorhaben ist im Außenbereich nach § 35 Abs. 1 Nr. 5 BauGB privilegiert; öffentliche Belange stehen nicht entgegen. Die Verpflichtung zum Rückbau nach § 35 Abs. 5 Satz 2 BauGB wird durch eine Sicherheitsleistung gesichert.',
          'Die Errichtung und der Betrieb von Anlagen zur Erzeugung von Strom aus erneuerbaren Energien liegen im überragenden öffentlichen Interesse (§ 2 EEG) und sind in die Schutzgüterabwägung als vorrangiger Belang einzubringen.',
        ],
      },
    );
  } else {
    blocks.push(
      paragraph(
        'Die Genehmigung ist zu versagen, weil die Voraussetzungen des § 6 Abs. 1 BImSchG nicht vorliegen: Es ist nicht sichergestellt, dass die Pflichten aus § 5 BImSchG erfüllt werden, oder andere öffentlich-rechtliche Vorschriften stehen der Errichtung und dem Betrieb entgegen, und dem kann auch durch Nebenbestimmungen (§ 12 BImSchG) nicht abgeholfen werden.',
      ),
    );
  }
  const reasons = snapshot.state.decision?.reasons ?? snapshot.state.closure?.reasons;
  if (reasons) blocks.push(paragraph(reasons));
  blocks.push(...agencyBlocks(snapshot));
  return blocks;
}

/** The opening sentence; it announces assessments only when the catalogue has some. */
function objectionIntro(count: number, assessed: boolean): string {
  const raised =
    count === 1
      ? 'Innerhalb der Einwendungsfrist ist 1 Einwendung erhoben worden.'
      : `Innerhalb der Einwendungsfrist sind ${countNoun(count, 'Einwendung', 'Einwendungen')} erhoben worden.`;
  return assessed
    ? `${raised} ${count === 1 ? 'Sie wurde' : 'Sie wurden'} nach den darin vorgebrachten Belangen geordnet und wie folgt gewürdigt:`
    : // Said in the draft so that nobody signs a decision without the assessment.
      `${raised} Die Würdigung nach Belangen ist im Belange-Katalog des Verfahrens noch nicht erfasst und vor der Zeichnung zu ergänzen.`;
}

/** § 21 Abs. 1 Nr. 5 9. BImSchV: how the objections were dealt with (formal procedure). */
export function objectionBlocks(snapshot: PermitLetterSnapshot): LetterBlock[] {
  if (snapshot.typeKey !== 'bimschg-formal' || !snapshot.state.participation) return [];
  const blocks: LetterBlock[] = [
    heading('3. Einwendungen'),
    paragraph(
      snapshot.objectionCount === 0
        ? 'Innerhalb der Einwendungsfrist sind keine Einwendungen erhoben worden.'
        : objectionIntro(snapshot.objectionCount, snapshot.assessments.length > 0),
    ),
  ];
  for (const a of snapshot.assessments) {
    blocks.push(
      { kind: 'keep-with-next' },
      heading(a.label),
      paragraph(
        `${countNoun(a.objections, 'Einwendung', 'Einwendungen')} mit ${countNoun(a.signatures, 'Unterschrift', 'Unterschriften')}, ${countNoun(a.statements, 'Stellungnahme', 'Stellungnahmen')} von Behörden.`,
      ),
      paragraph(a.assessment),
    );
  }
  return blocks;
}

export function conditionReasonBlocks(snapshot: PermitLetterSnapshot): LetterBlock[] {
  return [
    heading(
      `${snapshot.typeKey === 'bimschg-formal' && snapshot.state.participation ? 4 : 3}. Nebenbestimmungen`,
    ),
    paragraph(
      'Die Nebenbestimmungen beruhen auf § 12 Abs. 1 BImSchG. Sie sind erforderlich, um die Erfüllung der in § 6 BImSchG genannten Genehmigungsvoraussetzungen sicherzustellen, und verhältnismäßig.',
    ),
    ...rejectedProposalsBlocks(snapshot.conditions),
  ];
}
