import { parseGermanNumber } from '../../platform/german-number.ts';
import { readGeometry } from './site.geometry.ts';
import { CODED, LIMITS, type CodedField, type SiteInput } from './site.types.ts';

/**
 * Reads one site from text fields named like the CSV columns (the form uses the same names):
 * every field checked, every problem named with its field and a German reason. Pure and total.
 */
export type SiteFields = Partial<Record<string, string>>;

export interface FieldProblem {
  /** The CSV column / form field. */
  field: string;
  rule: 'missing-field' | 'invalid-value';
  message: string;
}

export const CODED_COLUMNS: Record<CodedField, { csv: string; label: string }> = {
  ownership: { csv: 'eigentum', label: 'Eigentum' },
  planningStatus: { csv: 'planungsstand', label: 'Planungsstand' },
  zoning: { csv: 'gebietsart', label: 'Gebietsart' },
  contamination: { csv: 'altlasten', label: 'Altlasten' },
  miningSupervision: { csv: 'bergaufsicht', label: 'Bergaufsicht' },
  gridConnection: { csv: 'netzanschluss', label: 'Netzanschluss' },
  readiness: { csv: 'verfuegbarkeit', label: 'Verfügbarkeit' },
};

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('de-DE');

/** A code of the standard, given as code or as its German label (case-insensitive). */
export function codeOf<F extends CodedField>(
  field: F,
  value: string,
): keyof (typeof CODED)[F] | undefined {
  const options = CODED[field] as Record<string, string>;
  const wanted = norm(value);
  for (const [code, label] of Object.entries(options)) {
    if (norm(code) === wanted || norm(label) === wanted) return code as keyof (typeof CODED)[F];
  }
  return undefined;
}

/** A coordinate in decimal degrees; the decimal separator may be a point or a comma. */
function coordinate(value: string): number {
  const text = value.trim().replace(',', '.');
  return /^[+-]?\d{1,3}(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** 'YYYY-MM-DD' or 'DD.MM.YYYY' as an ISO date, or undefined if it is no real calendar day. */
export function isoDate(value: string): string | undefined {
  const text = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function textField(
  fields: SiteFields,
  field: string,
  label: string,
  max: number,
  problems: FieldProblem[],
  mandatory: boolean,
): string {
  const value = (fields[field] ?? '').normalize('NFC').trim();
  if (value === '' && mandatory)
    problems.push({ field, rule: 'missing-field', message: `${label}: Angabe fehlt.` });
  else if (value.length > max)
    problems.push({
      field,
      rule: 'invalid-value',
      message: `${label}: höchstens ${max} Zeichen.`,
    });
  // Control characters have no place in a register entry (they break CSV and pages).
  else if (/\p{Cc}/u.test(value))
    problems.push({
      field,
      rule: 'invalid-value',
      message: `${label}: enthält Steuerzeichen.`,
    });
  return value;
}

function hectares(
  fields: SiteFields,
  field: string,
  label: string,
  problems: FieldProblem[],
  mandatory: boolean,
): number | null {
  const raw = fields[field] ?? '';
  const value = parseGermanNumber(raw);
  if (value === undefined) {
    if (mandatory)
      problems.push({ field, rule: 'missing-field', message: `${label}: Angabe fehlt.` });
    return null;
  }
  if (!Number.isFinite(value) || value <= 0 || value > 100_000) {
    problems.push({
      field,
      rule: 'invalid-value',
      message: `${label}: bitte eine Zahl größer als 0 in Hektar angeben (z. B. 12,5).`,
    });
    return null;
  }
  return value;
}

function geometryOf(
  fields: SiteFields,
  geometry: unknown,
  problems: FieldProblem[],
): SiteInput['geometry'] | undefined {
  const text = (fields.geometrie ?? '').trim();
  if (geometry !== undefined || text !== '') {
    let raw = geometry;
    if (raw === undefined) {
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        problems.push({
          field: 'geometrie',
          rule: 'invalid-value',
          message: 'Geometrie: kein gültiges GeoJSON.',
        });
        return undefined;
      }
    }
    const read = readGeometry(raw);
    if ('error' in read) {
      problems.push({ field: 'geometrie', rule: 'invalid-value', message: read.error });
      return undefined;
    }
    return read.geometry;
  }
  const lonText = (fields.laenge ?? '').trim();
  const latText = (fields.breite ?? '').trim();
  if (lonText === '' && latText === '') {
    problems.push({
      field: 'laenge',
      rule: 'missing-field',
      message: 'Lage: Länge und Breite (oder eine Geometrie) fehlen.',
    });
    return undefined;
  }
  const lon = coordinate(lonText);
  const lat = coordinate(latText);
  let ok = true;
  if (!Number.isFinite(lon) || Math.abs(lon) > 180) {
    problems.push({
      field: 'laenge',
      rule: lonText === '' ? 'missing-field' : 'invalid-value',
      message: 'Länge: bitte in Dezimalgrad angeben (z. B. 7,1106).',
    });
    ok = false;
  }
  if (!Number.isFinite(lat) || Math.abs(lat) > 90) {
    problems.push({
      field: 'breite',
      rule: latText === '' ? 'missing-field' : 'invalid-value',
      message: 'Breite: bitte in Dezimalgrad angeben (z. B. 51,6851).',
    });
    ok = false;
  }
  return ok ? { type: 'Point', coordinates: [lon, lat] } : undefined;
}

function dateField(
  fields: SiteFields,
  field: string,
  label: string,
  problems: FieldProblem[],
): string | null {
  const raw = (fields[field] ?? '').trim();
  if (raw === '') return null;
  const date = isoDate(raw);
  if (!date)
    problems.push({
      field,
      rule: 'invalid-value',
      message: `${label}: kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`,
    });
  return date ?? null;
}

/**
 * The site from its fields, or the problems. `geometry` (from a GeoJSON feature) takes the
 * place of the columns laenge/breite/geometrie.
 */
export function readSiteFields(
  fields: SiteFields,
  geometry?: unknown,
): { site: SiteInput; problems: [] } | { site?: undefined; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const reference = textField(fields, 'kennung', 'Kennung', LIMITS.reference, problems, true);
  const name = textField(fields, 'bezeichnung', 'Bezeichnung', LIMITS.name, problems, true);
  const contact = textField(fields, 'kontakt', 'Kontakt', LIMITS.contact, problems, true);
  const shape = geometryOf(fields, geometry, problems);
  const grossHa = hectares(fields, 'flaeche_brutto_ha', 'Fläche brutto', problems, true);
  const netHa = hectares(fields, 'flaeche_netto_ha', 'Fläche netto', problems, false);
  if (grossHa !== null && netHa !== null && netHa > grossHa)
    problems.push({
      field: 'flaeche_netto_ha',
      rule: 'invalid-value',
      message: 'Fläche netto: darf nicht größer sein als die Fläche brutto.',
    });
  const codes: Partial<Record<CodedField, string>> = {};
  for (const [key, column] of Object.entries(CODED_COLUMNS) as [
    CodedField,
    { csv: string; label: string },
  ][]) {
    const raw = (fields[column.csv] ?? '').trim();
    if (raw === '') {
      problems.push({
        field: column.csv,
        rule: 'missing-field',
        message: `${column.label}: Angabe fehlt.`,
      });
      continue;
    }
    const code = codeOf(key, raw);
    if (code === undefined)
      problems.push({
        field: column.csv,
        rule: 'invalid-value',
        message: `${column.label}: „${raw.slice(0, 40)}“ ist keiner der Werte ${Object.keys(CODED[key]).join(', ')}.`,
      });
    else codes[key] = code;
  }
  const availableFrom = dateField(fields, 'verfuegbar_ab', 'Verfügbar ab', problems);
  const startDate = dateField(fields, 'beginn', 'Beginn', problems);
  const endDate = dateField(fields, 'ende', 'Ende', problems);
  if (startDate && endDate && endDate < startDate)
    problems.push({
      field: 'ende',
      rule: 'invalid-value',
      message: 'Ende: liegt vor dem Beginn.',
    });
  if (problems.length > 0 || !shape || grossHa === null) return { problems };
  return {
    problems: [],
    site: {
      reference,
      name,
      geometry: shape,
      grossHa,
      netHa,
      ...(codes as Pick<SiteInput, CodedField>),
      availableFrom,
      contact,
      startDate,
      endDate,
    },
  };
}
