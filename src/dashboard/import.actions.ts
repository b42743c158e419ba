/**
 * Importing statistics for an indicator whose values come from outside the platform: the file is
 * checked whole first (import.parse.ts), then the import and all its values are written in one
 * transaction. A refused file leaves no row behind.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { findIndicator } from './indicators.ts';
import { parseImportCsv } from './import.parse.ts';
import { cutoffOf } from './stand.ts';

export interface ImportInput {
  indicatorId: string;
  csv: string;
  source: string;
  sourceUrl?: string;
  licence: string;
  importedBy: string;
  /** When the import happens: from then on it is the current one (dated links before keep the old). */
  now: Date;
}

/** Line breaks, tabs and other control characters: the provenance is shown in one line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** An absolute http(s) address without spaces, quotes or angle brackets (it becomes a link). */
function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/[^\s"'<>`]+$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The checks of the indicator and the provenance (everything but the file). */
export function checkProvenance(input: Omit<ImportInput, 'csv'>): FieldError[] {
  const errors: FieldError[] = [];
  const definition = findIndicator(input.indicatorId);
  if (input.indicatorId.trim() === '') {
    errors.push({ field: 'indicator', message: 'Bitte wählen Sie eine Kennzahl aus.' });
  } else if (definition?.origin.kind !== 'import') {
    errors.push({
      field: 'indicator',
      message: `„${input.indicatorId.slice(0, 100)}“ ist keine Kennzahl, deren Werte eingespielt werden.`,
    });
  }
  const source = input.source.trim();
  if (source.length < 3 || source.length > 300)
    errors.push({ field: 'source', message: 'Die Quelle muss 3 bis 300 Zeichen lang sein.' });
  else if (CONTROL.test(source))
    errors.push({ field: 'source', message: 'Die Quelle darf keine Steuerzeichen enthalten.' });
  const licence = input.licence.trim();
  if (licence.length < 3 || licence.length > 200)
    errors.push({ field: 'licence', message: 'Die Lizenz muss 3 bis 200 Zeichen lang sein.' });
  else if (CONTROL.test(licence))
    errors.push({ field: 'licence', message: 'Die Lizenz darf keine Steuerzeichen enthalten.' });
  const url = input.sourceUrl?.trim() ?? '';
  if (url !== '' && !isWebAddress(url))
    errors.push({
      field: 'sourceUrl',
      message: 'Die Adresse der Quelle muss mit http:// oder https:// beginnen.',
    });
  else if (url.length > 500)
    errors.push({
      field: 'sourceUrl',
      message: 'Die Adresse der Quelle darf höchstens 500 Zeichen lang sein.',
    });
  return errors;
}

/** Stores one import; throws a German validation error (with line numbers) and stores nothing otherwise. */
export async function importStatistics(
  db: Db,
  input: ImportInput,
): Promise<{ id: string; rows: number }> {
  const errors = checkProvenance(input);
  const parsed = parseImportCsv(input.csv);
  if (!parsed.ok) {
    errors.push(...parsed.errors.map((e) => ({ field: 'file', message: e.message })));
  }
  if (errors.length > 0 || !parsed.ok) {
    throw new AppError('validation', errors[0]!.message, errors);
  }
  const sha256 = createHash('sha256').update(input.csv, 'utf8').digest('hex');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dashboard_imports')
      .values({
        indicator_id: input.indicatorId,
        source: input.source.trim(),
        source_url: input.sourceUrl?.trim() || null,
        licence: input.licence.trim(),
        file_sha256: sha256,
        row_count: parsed.rows.length,
        imported_by: input.importedBy,
        imported_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dashboard_import_values')
      .values(
        parsed.rows.map((r) => ({
          import_id: row.id,
          line: r.line,
          period: r.period,
          category: r.category,
          value: r.value,
        })),
      )
      .execute();
    return { id: row.id, rows: parsed.rows.length };
  });
}

export interface ImportedValues {
  source: string;
  sourceUrl: string | null;
  licence: string;
  importedAt: string;
  values: { period: string; category: string; value: number }[];
}

/** The import of the indicator that was current at the end of the stand day, if any. */
export async function currentImport(
  db: Db,
  indicatorId: string,
  stand: string,
): Promise<ImportedValues | undefined> {
  const head = await db
    .selectFrom('dashboard_imports')
    .select(['id', 'source', 'source_url', 'licence', 'imported_at'])
    .where('indicator_id', '=', indicatorId)
    .where('imported_at', '<', cutoffOf(stand))
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return undefined;
  const values = await db
    .selectFrom('dashboard_import_values')
    .select(['category', 'value', sql<string>`to_char(period, 'YYYY-MM-DD')`.as('period')])
    .where('import_id', '=', head.id)
    .where('period', '<=', stand)
    .orderBy('period')
    .orderBy('category')
    .execute();
  return {
    source: head.source,
    sourceUrl: head.source_url,
    licence: head.licence,
    importedAt: head.imported_at.toISOString(),
    values: values.map((v) => ({ period: v.period, category: v.category, value: Number(v.value) })),
  };
}

/** The current import of an indicator as its keepers see it: provenance, who and how many values. */
export interface ImportRecord {
  indicatorId: string;
  source: string;
  sourceUrl: string | null;
  licence: string;
  importedBy: string;
  importedAt: Date;
  rows: number;
  /** How many imports the indicator has had, the current one included. */
  versions: number;
}

/** The newest import of every indicator that has one (the one the dashboard shows from then on). */
export async function latestImports(db: Db): Promise<Map<string, ImportRecord>> {
  const rows = await db
    .selectFrom('dashboard_imports')
    .select([
      'indicator_id',
      'source',
      'source_url',
      'licence',
      'imported_by',
      'imported_at',
      'row_count',
      sql<string>`count(*) over (partition by indicator_id)`.as('versions'),
    ])
    .distinctOn('indicator_id')
    .orderBy('indicator_id')
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.indicator_id,
      {
        indicatorId: r.indicator_id,
        source: r.source,
        sourceUrl: r.source_url,
        licence: r.licence,
        importedBy: r.imported_by,
        importedAt: r.imported_at,
        rows: r.row_count,
        versions: Number(r.versions),
      },
    ]),
  );
}
