import { readFileSync } from 'node:fs';
import { resolveDb, type DbSource } from '../../db/db-source.ts';
import { AppError } from '../../platform/errors.ts';
import { parseAreaCollection } from './area.import.ts';
import { berlinToday, importAreaVersion, type ImportMode } from './area.version.ts';

const USAGE =
  'Fehler: Aufruf: npx industrieland areas import <datei.geojson> [--example] [--stand JJJJ-MM-TT] [--ersetzen]';

/**
 * `industrieland areas import <file.geojson> [--example] [--stand YYYY-MM-DD] [--ersetzen]`: all
 * areas or none, stored as one dated version. Without `--stand` the version is dated today;
 * `--ersetzen` ends the earlier areas of the planning regions the file covers.
 */
export async function runAreaImport(
  source: DbSource,
  args: string[],
  out = console.log,
  err = console.error,
  today = berlinToday(new Date()),
): Promise<number> {
  const example = args.includes('--example');
  const mode: ImportMode = args.includes('--ersetzen') ? 'replace' : 'add';
  const rest = args.filter((a) => a !== '--example' && a !== '--ersetzen');
  let effectiveOn = today;
  const standAt = rest.indexOf('--stand');
  if (standAt >= 0) {
    const value = rest[standAt + 1];
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      err('Fehler: --stand braucht ein Datum JJJJ-MM-TT.');
      return 2;
    }
    effectiveOn = value;
    rest.splice(standAt, 2);
  }
  if (rest.length !== 1 || rest[0]!.startsWith('--')) {
    err(USAGE);
    return 2;
  }
  const file = rest[0]!;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'Die Datei gibt es nicht.'
        : 'Die Datei ist kein gültiges JSON.';
    err(`Fehler: ${file}: ${reason} Es wurde nichts importiert.`);
    return 2;
  }
  const parsed = parseAreaCollection(raw, { example });
  if (!parsed.ok) {
    for (const problem of parsed.problems) err(`Fehler: ${problem.message}`);
    err('Es wurde nichts importiert.');
    return 2;
  }
  try {
    const result = await importAreaVersion({
      db: await resolveDb(source),
      areas: parsed.areas,
      source: file.split('/').pop() ?? file,
      effectiveOn,
      mode,
      today,
    });
    out(
      `${result.count} Gebiete importiert${example ? ' (als Beispiele gekennzeichnet)' : ''}: Version ${result.seq}, Stand ${effectiveOn}${result.ended > 0 ? `, ${result.ended} frühere Gebiete ersetzt` : ''}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    err(`Fehler: ${error.message} Es wurde nichts importiert.`);
    return 2;
  }
}
