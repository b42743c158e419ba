import {
  DeadlineInputError,
  formatGermanDate,
  formatGermanDateShort,
  type OfficeClosedCalendar,
} from '../law/index.ts';
import { parseCliOptions, type CliOutput } from '../platform/cli-args.ts';
import { calculateDeadline, collectDeadlineErrors, toApiResult } from './deadline.service.ts';

const USAGE = `Aufruf: npx industrieland deadline --start JJJJ-MM-TT --duration P1M --counting event|day-start [--no-shift] [--json]

  --start      Fristbeginn bzw. Tag des Ereignisses (JJJJ-MM-TT)
  --duration   Dauer nach ISO 8601: P14D, P2W, P1M, P1Y; P0.5M halber Monat, P0.25Y Vierteljahr, P0.5Y halbes Jahr
  --counting   event (§ 187 Abs. 1 BGB, Ereignistag zählt nicht) oder day-start (§ 187 Abs. 2 BGB)
  --no-shift   Ende nicht über Wochenende/Feiertag verschieben (§ 31 Abs. 4, 5 VwVfG NRW)
  --json       Ergebnis als JSON (wie GET /api/v1/deadlines)`;

const HELP_HINT = 'Hilfe: npx industrieland deadline --help';

const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** `industrieland deadline …`: exit code 0 on success, 2 on bad input (nothing else happens). */
export function runDeadlineCommand(
  args: string[],
  output: CliOutput = consoleOutput,
  officeClosed?: OfficeClosedCalendar,
): number {
  const parsed = parseCliOptions(
    args,
    {
      start: { type: 'string' },
      duration: { type: 'string' },
      counting: { type: 'string' },
      'no-shift': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { usage: USAGE, hint: HELP_HINT },
    output,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  const query = {
    start: values.start,
    duration: values.duration,
    counting: values.counting,
    shift: !values['no-shift'],
    officeClosed,
  };
  const errors = collectDeadlineErrors(query);
  if (errors.length > 0) {
    // One line per wrong option, each naming it; no usage text in between.
    for (const error of errors) output.err(`Fehler (--${error.field}): ${error.message}`);
    output.err(HELP_HINT);
    return 2;
  }
  try {
    const result = calculateDeadline(query);
    if (values.json) {
      output.out(JSON.stringify(toApiResult(result), null, 2));
      return 0;
    }
    output.out(
      `Fristende: ${formatGermanDate(result.end)} (${formatGermanDateShort(result.end)}, 24:00 Uhr)`,
    );
    output.out(
      `Rechnerisches Ende: ${formatGermanDate(result.rawEnd)}${result.shifted ? ' – verschoben' : ''}`,
    );
    for (const day of result.skipped)
      output.out(`  übersprungen: ${formatGermanDate(day.date)} (${day.reason})`);
    for (const day of result.officeClosedNotes) {
      output.out(
        `  Hinweis: ${formatGermanDate(day.date)} ist ein Schließtag (${day.reason}); das Fristende verschiebt sich nicht.`,
      );
    }
    output.out('');
    output.out(result.rationale);
    output.out('');
    output.out(`Rechtsgrundlagen: ${result.citations.join('; ')}`);
    return 0;
  } catch (error) {
    if (!(error instanceof DeadlineInputError)) throw error;
    output.err(`Fehler (--${error.field}): ${error.message}`);
    return 2;
  }
}
