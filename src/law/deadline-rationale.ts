import type { IsoDate } from './calendar-date.ts';
import { citation } from './citations.ts';
import { toDative } from './duration-label.ts';
import type { ParsedDuration } from './duration.ts';
import { formatGermanDate, weekdayName } from './german-format.ts';
import type { Counting } from './period.ts';
import { describeSkippedDay } from './working-days.ts';
import type { NonWorkingDay, SkippedDay } from './working-days.ts';

/** Everything the engine found out; the text and the citations are derived from it. */
export interface DeadlineFacts {
  start: IsoDate;
  counting: Counting;
  duration: ParsedDuration;
  firstDay: IsoDate;
  rawEnd: IsoDate;
  monthEndClamped: boolean;
  end: IsoDate;
  shiftOn: boolean;
  shiftCitation: string | undefined;
  skipped: NonWorkingDay[];
  rawEndStatus: NonWorkingDay | undefined;
  officeClosedNotes: SkippedDay[];
  extension: boolean;
}

const totalMonths = (d: ParsedDuration): number => d.years * 12 + d.months;

/** § 189 (1) BGB was used: a half month, or years given as quarters / halves (seen in the label). */
function usesFractions(d: ParsedDuration): boolean {
  return d.halfMonth || /halb|viertel|[½¼¾]/i.test(d.label);
}

function endCitations(d: ParsedDuration): string[] {
  const list: string[] = [];
  if (d.days > 0 || d.halfMonth) list.push(citation.bgbEndDays);
  if (d.weeks > 0 || totalMonths(d) > 0) list.push(citation.bgbEndWeeksMonths);
  return list;
}

function shiftCitationOf(f: DeadlineFacts): string | undefined {
  return f.shiftCitation ?? (f.shiftOn ? citation.vwvfgShift : undefined);
}

export function buildCitations(f: DeadlineFacts): string[] {
  const d = f.duration;
  const list: (string | false | undefined)[] = [
    citation.vwvfgApplyBgb,
    f.extension && citation.bgbExtension,
    f.counting === 'event' ? citation.bgbEvent : citation.bgbDayStart,
    ...endCitations(d),
    f.monthEndClamped && citation.bgbMonthEnd,
    usesFractions(d) && citation.bgbFractions,
    d.halfMonth && totalMonths(d) > 0 && citation.bgbHalfMonthLast,
    shiftCitationOf(f),
    f.skipped.some((day) => day.kind === 'holiday') && citation.nrwHolidays,
  ];
  return [...new Set(list.filter((c): c is string => typeof c === 'string'))];
}

/** '10. April 2026 (Freitag; § 188 Abs. 2 BGB)' — the legal style "mit Ablauf des …". */
function expiry(date: IsoDate, cites: string[]): string {
  const both = cites.length === 2 ? ['§ 188 Abs. 1 und 2 BGB'] : cites;
  const note = [weekdayName(date), ...both].join('; ');
  return `${formatGermanDate(date, { weekday: false })} (${note})`;
}

function periodSentence(f: DeadlineFacts): string {
  const length = `Die Frist von ${toDative(f.duration.label)}`;
  const ends = `endet rechnerisch mit Ablauf des ${expiry(f.rawEnd, endCitations(f.duration))}.`;
  if (f.extension) {
    return (
      `Verlängerung: ${length} wird vom Ablauf der bisherigen Frist am ${formatGermanDate(f.start)}, an berechnet (${citation.bgbExtension}). ` +
      `Sie beginnt am ${formatGermanDate(f.firstDay)}, und ${ends}`
    );
  }
  const how =
    f.counting === 'event'
      ? `am ${formatGermanDate(f.firstDay)} (Ereignisfrist, ${citation.bgbEvent}: der Tag des Ereignisses, ${formatGermanDate(f.start)}, wird nicht mitgerechnet)`
      : `am ${formatGermanDate(f.start)} (Fristbeginn mit Beginn eines Tages, ${citation.bgbDayStart}: dieser Tag wird mitgerechnet)`;
  return `${length} beginnt ${how} und ${ends}`;
}

function specialRuleSentences(f: DeadlineFacts): string[] {
  const d = f.duration;
  const sentences: string[] = [];
  if (d.halfMonth) {
    const last =
      totalMonths(d) > 0
        ? ` und wird nach den ganzen Monaten zuletzt gezählt (${citation.bgbHalfMonthLast})`
        : '';
    sentences.push(`Der halbe Monat zählt als 15 Tage (${citation.bgbFractions})${last}.`);
  } else if (usesFractions(d)) {
    sentences.push(
      `Ein halbes Jahr zählt als 6 Monate, ein Vierteljahr als 3 Monate (${citation.bgbFractions}); gerechnet wird mit ${totalMonths(d)} Monaten.`,
    );
  }
  if (f.monthEndClamped) {
    sentences.push(
      `Da der maßgebende Tag im letzten Monat fehlt, endet die Frist mit dessen letztem Tag (${citation.bgbMonthEnd}).`,
    );
  }
  return sentences;
}

function kindOfDay(day: NonWorkingDay): string {
  if (day.kind === 'holiday') return `ein gesetzlicher Feiertag (${day.reason})`;
  const weekday = weekdayName(day.date);
  return day.reason === weekday ? `ein ${weekday}` : `ein ${weekday} (${day.reason})`;
}

function shiftSentences(f: DeadlineFacts): string[] {
  const cite = shiftCitationOf(f);
  if (!f.shiftOn) {
    const why = cite ? ` (${cite})` : ' (für diese Frist gilt § 31 Abs. 3 VwVfG NRW nicht)';
    return f.rawEndStatus
      ? [
          `Obwohl dieser Tag ${kindOfDay(f.rawEndStatus)} ist, verschiebt sich das Fristende nicht auf den nächsten Werktag${why}.`,
        ]
      : [`Eine Verschiebung auf den nächsten Werktag ist für diese Frist nicht vorgesehen${why}.`];
  }
  const first = f.skipped[0];
  if (!first) {
    return [
      `Dieser Tag ist kein Samstag, Sonntag oder gesetzlicher Feiertag; das Fristende verschiebt sich daher nicht (${cite}).`,
    ];
  }
  const holidays = f.skipped.filter((day) => day.kind === 'holiday').map((day) => day.reason);
  const sentences = [
    `Da dieser Tag ${kindOfDay(first)} ist, endet die Frist erst mit Ablauf des nächsten Werktags, ${formatGermanDate(f.end)} (${cite}).`,
    `Übergangen werden: ${f.skipped.map(describeSkippedDay).join('; ')}.`,
  ];
  if (holidays.length > 0) {
    const names =
      holidays.length === 1
        ? `${holidays[0]} ist ein gesetzlicher Feiertag`
        : `${holidays.slice(0, -1).join(', ')} und ${holidays.at(-1)} sind gesetzliche Feiertage`;
    sentences.push(`${names} in Nordrhein-Westfalen (${citation.nrwHolidays}).`);
  }
  return sentences;
}

/**
 * Office closures are reported, not applied: § 31 (3) VwVfG NRW names only Saturdays, Sundays
 * and public holidays. [open: whether a closure on the last day can justify relief, e.g.
 * Wiedereinsetzung under § 32 VwVfG NRW, is a question for the case worker]
 */
function officeClosedParagraph(f: DeadlineFacts): string | undefined {
  if (f.officeClosedNotes.length === 0) return undefined;
  const days = f.officeClosedNotes
    .map((n) => `${formatGermanDate(n.date)} (${n.reason})`)
    .join('; ');
  return `Hinweis: Die Behörde ist geschlossen am ${days}. Schließtage der Behörde sind keine gesetzlichen Feiertage und verschieben das Fristende nicht.`;
}

export function buildRationale(f: DeadlineFacts): string {
  const main = [
    `Nach ${citation.vwvfgApplyBgb} gelten für die Fristberechnung die §§ 187 bis 193 BGB entsprechend.`,
    periodSentence(f),
    ...specialRuleSentences(f),
    ...shiftSentences(f),
  ].join(' ');
  const result = `Ergebnis: Die Frist endet am ${formatGermanDate(f.end)}, um 24:00 Uhr.`;
  return [main, officeClosedParagraph(f), result].filter((p) => p !== undefined).join('\n\n');
}
