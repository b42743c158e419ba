/**
 * `industrieland monitoring import --kennzahl <id> --datei <datei.csv> --quelle <text>
 * --lizenz <text> [--url <adresse>]`: statistics for an imported indicator, with their
 * provenance. Bad files are reported with line numbers and nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { resolveDb, type DbSource } from '../db/db-source.ts';
import { parseCliOptions, type CliOutput } from '../platform/cli-args.ts';
import { AppError } from '../platform/errors.ts';
import { importStatistics } from './import.actions.ts';
import { INDICATORS } from './indicators.ts';

const USAGE = `Aufruf: npx industrieland monitoring import --kennzahl <id> --datei <datei.csv> --quelle <text> --lizenz <text> [--url <adresse>]

Die Datei: UTF-8, Semikolon als Trenner, Kopfzeile „Datum;Kategorie;Wert“, Datum TT.MM.JJJJ,
Zahlen mit Dezimalkomma. Kennzahlen mit eingespielten Werten: ${INDICATORS.filter(
  (i) => i.origin.kind === 'import',
)
  .map((i) => i.id)
  .join(', ')}.`;

const OPTIONS = {
  kennzahl: { type: 'string' },
  datei: { type: 'string' },
  quelle: { type: 'string' },
  lizenz: { type: 'string' },
  url: { type: 'string' },
} as const;

export async function runMonitoringImport(
  source: DbSource,
  args: string[],
  output: CliOutput = { out: console.log, err: console.error },
  now: Date = new Date(),
): Promise<number> {
  const parsed = parseCliOptions(
    args,
    OPTIONS,
    { usage: USAGE, hint: 'Hilfe: npx industrieland monitoring import --help' },
    output,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { kennzahl, datei, quelle, lizenz, url } = parsed.values;
  if (!kennzahl || !datei || !quelle || !lizenz) {
    output.err('Fehler: --kennzahl, --datei, --quelle und --lizenz sind Pflichtangaben.');
    output.err(USAGE);
    return 2;
  }
  let csv: string;
  try {
    csv = readFileSync(datei, 'utf8');
  } catch {
    output.err(
      `Fehler: ${datei}: Die Datei gibt es nicht oder sie ist nicht lesbar. Es wurde nichts eingespielt.`,
    );
    return 2;
  }
  try {
    const result = await importStatistics(await resolveDb(source), {
      indicatorId: kennzahl,
      csv,
      source: quelle,
      sourceUrl: url,
      licence: lizenz,
      importedBy: 'Kommandozeile',
      now,
    });
    output.out(`${result.rows} Werte für „${kennzahl}“ eingespielt.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    for (const problem of error.formErrors('file')) output.err(`Fehler: ${problem.message}`);
    output.err('Es wurde nichts eingespielt.');
    return 2;
  }
}
