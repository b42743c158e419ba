import { AppError } from '../../platform/errors.ts';
import { noticeCitation as c } from './notice-citations.ts';
import { germanDay, paragraphsOf, section } from './notice-text.ts';
import type { HearingNoticeInput, NoticeContent, NoticeSection } from './notice.types.ts';

/**
 * The notice whether a hearing (Erörterungstermin) takes place: the decision is discretionary
 * (§ 10 Abs. 6 BImSchG) and must be announced either way (§ 12 Abs. 1 9. BImSchV).
 */
export function hearingNotice(input: HearingNoticeInput): NoticeContent {
  const subject = `zum Vorhaben „${input.projectTitle}“`;
  if (!input.held) {
    return {
      kind: 'hearing',
      title: `Öffentliche Bekanntmachung: Kein Erörterungstermin ${subject}`,
      summary: `Ein Erörterungstermin ${subject} findet nicht statt.`,
      sections: [decision(input)],
    };
  }
  const details = heldDetails(input);
  return {
    kind: 'hearing',
    title: `Öffentliche Bekanntmachung: Erörterungstermin ${subject}`,
    summary: details.summary,
    sections: [
      decision(input),
      details.section,
      ...(input.agenda.length > 0
        ? [section('Tagesordnung', numbered(input.agenda), [c.hearingPurpose])]
        : []),
    ],
  };
}

function decision(input: HearingNoticeInput): NoticeSection {
  const outcome = input.held
    ? 'die rechtzeitig erhobenen Einwendungen zu erörtern'
    : 'keinen Erörterungstermin durchzuführen';
  return section(
    'Entscheidung über den Erörterungstermin',
    [
      `Die Genehmigungsbehörde (${input.authorityName}) hat im Verfahren mit dem Aktenzeichen ${input.reference} entschieden, ${outcome}.`,
      ...(input.rule ? [`Maßgebliche Regel: ${input.rule}`] : []),
      ...(input.rule
        ? [
            input.requestedOn
              ? `Die Antragstellerin hat am ${germanDay(input.requestedOn)} einen Erörterungstermin beantragt.`
              : 'Die Antragstellerin hat keinen Erörterungstermin beantragt.',
          ]
        : []),
      ...(input.reason.trim() === '' ? [] : ['Gründe:', ...paragraphsOf(input.reason)]),
      ...(input.held
        ? []
        : [
            'Die rechtzeitig erhobenen Einwendungen werden bei der Entscheidung über den Antrag geprüft; die Begründung der Entscheidung geht auf sie ein.',
          ]),
    ],
    input.held ? [c.hearing, c.hearingDecision] : [c.hearing, c.hearingDecision, c.decisionReasons],
  );
}

function heldDetails(input: HearingNoticeInput): { summary: string; section: NoticeSection } {
  const purpose =
    'Der Erörterungstermin dient dazu, die rechtzeitig erhobenen Einwendungen zu erörtern, soweit dies für die Prüfung der Genehmigungsvoraussetzungen von Bedeutung sein kann.';
  switch (input.format) {
    case 'in-person': {
      const { date, place } = input;
      if (!date || !place)
        throw invalid('Für einen Erörterungstermin vor Ort Datum und Ort angeben.');
      return {
        summary: `Die Einwendungen werden am ${germanDay(date)} erörtert. Ort: ${place}.`,
        section: section(
          'Termin und Ort',
          [
            `Der Erörterungstermin findet am ${germanDay(date)} statt. Ort: ${place}.`,
            purpose,
            'Die formgerecht erhobenen Einwendungen werden auch dann erörtert, wenn der Antragsteller oder Personen, die Einwendungen erhoben haben, ausbleiben.',
          ],
          [c.noticeHearing, c.hearingPurpose],
        ),
      };
    }
    case 'online': {
      // [open] The written comment period of an online consultation should be at least one
      // week; the date is computed by the deadline engine and only phrased here.
      const until = input.commentsUntil;
      if (!until)
        throw invalid('Für eine Online-Konsultation das Ende der Äußerungsfrist angeben.');
      return {
        summary: `Die Einwendungen werden in einer Online-Konsultation erörtert. Äußerungen sind bis ${germanDay(until)} möglich.`,
        section: section(
          'Online-Konsultation',
          [
            'Der Erörterungstermin wird als Online-Konsultation durchgeführt.',
            ...(input.date ? [`Die Online-Konsultation beginnt am ${germanDay(input.date)}.`] : []),
            ...(input.place ? [`Zugang: ${input.place}`] : []),
            `Der Antragsteller und die Personen, die rechtzeitig Einwendungen erhoben haben, können sich bis einschließlich ${germanDay(until)} schriftlich oder elektronisch äußern.`,
            purpose,
          ],
          [c.hearing, c.hearingPurpose],
        ),
      };
    }
    case null:
      throw invalid('Bitte angeben, ob der Erörterungstermin vor Ort oder online stattfindet.');
  }
}

function invalid(message: string): AppError {
  return new AppError('validation', message, [{ field: 'format', message }]);
}

function numbered(items: readonly string[]): string[] {
  return items.map((item, i) => `${i + 1}. ${item}`);
}
