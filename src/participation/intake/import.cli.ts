import { readFileSync } from 'node:fs';
import { resolveDb, type DbSource } from '../../db/db-source.ts';
import { AppError } from '../../platform/errors.ts';
import { formatGermanNumber } from '../../platform/german-number.ts';
import { progressLine, type ProgressLine } from '../../platform/terminal-progress.ts';
import { formatFromFileName, parseImportFile } from './import-file.ts';
import { importObjections } from './import.actions.ts';

const USAGE =
  'Aufruf: npx industrieland objections import --procedure <verfahrens-id> <datei.jsonl|datei.csv>';

/**
 * `industrieland objections import --procedure <id> <file>`: every good row is imported (in one
 * transaction), every bad row is reported with its line number. Exit code 0 when all rows were
 * imported, 1 when some were not (the good ones are in), 2 for a wrong call or unreadable file.
 */
export async function runObjectionImport(
  source: DbSource,
  args: string[],
  options: {
    now: Date;
    out?: (line: string) => void;
    err?: (line: string) => void;
    /** Steps on the terminal (stderr, only when it is one). */
    progress?: ProgressLine;
  },
): Promise<number> {
  const progress = options.progress ?? progressLine(process.stderr);
  const out = options.out ?? console.log;
  const err = options.err ?? console.error;
  const at = args.indexOf('--procedure');
  const procedureId = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((_, i) => i !== at && i !== at + 1);
  if (!procedureId || files.length !== 1) {
    err(`Fehler: Bitte ein Verfahren und genau eine Datei angeben. ${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  const format = formatFromFileName(file);
  if (!format) {
    err(
      `Fehler: ${file}: Erwartet wird eine Datei mit der Endung .jsonl oder .csv. Es wurde nichts importiert.`,
    );
    return 2;
  }
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'Die Datei gibt es nicht.'
        : 'Die Datei kann nicht gelesen werden.';
    err(`Fehler: ${file}: ${reason} Es wurde nichts importiert.`);
    return 2;
  }
  progress.update({ phase: `${file}: Zeilen prüfen` });
  const parsed = parseImportFile(content, format, { now: options.now });
  const db = await resolveDb(source);
  try {
    // One transaction for all rows: the step is shown, a count within it is not known.
    progress.update({
      phase: `${formatGermanNumber(parsed.rows.length)} Einwendungen speichern`,
    });
    const result = await importObjections({ db, procedureId, rows: parsed.rows, enteredBy: null });
    progress.end();
    const problems = [...parsed.problems, ...result.problems].sort((a, b) => a.line - b.line);
    for (const problem of problems) err(problem.message);
    out(
      `${result.imported} Einwendungen importiert${result.late > 0 ? `, davon ${result.late} verspätet (gekennzeichnet)` : ''}; ${problems.length} Zeilen nicht importiert.`,
    );
    return problems.length > 0 ? 1 : 0;
  } catch (error) {
    progress.end();
    if (error instanceof AppError) {
      err(`Fehler: ${error.message} Es wurde nichts importiert.`);
      return error.code === 'not_found' ? 1 : 2;
    }
    throw error;
  }
}
