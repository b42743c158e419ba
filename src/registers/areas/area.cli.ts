import { readFileSync } from 'node:fs';
import { resolveDb, type DbSource } from '../../db/db-source.ts';
import { importAreas, parseAreaCollection } from './area.import.ts';

/** `industrieland areas import <file.geojson> [--example]`: all areas or none. */
export async function runAreaImport(
  source: DbSource,
  args: string[],
  out = console.log,
  err = console.error,
): Promise<number> {
  const example = args.includes('--example');
  const files = args.filter((a) => a !== '--example');
  if (files.length !== 1) {
    err('Fehler: Aufruf: npx industrieland areas import <datei.geojson> [--example]');
    return 2;
  }
  const file = files[0]!;
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
  const count = await importAreas(
    await resolveDb(source),
    parsed.areas,
    file.split('/').pop() ?? file,
  );
  out(`${count} Gebiete importiert${example ? ' (als Beispiele gekennzeichnet)' : ''}.`);
  return 0;
}
