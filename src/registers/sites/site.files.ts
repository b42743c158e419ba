import { csvRecords, csvRow, UTF8_BOM } from '../../platform/csv.ts';
import type { ImportRefusal, ImportRow } from './site.import.ts';
import { STANDARD_FIELDS, type StoredSite } from './site.types.ts';

/**
 * The register's files: CSV (German: ';', decimal comma, UTF-8 with BOM) and GeoJSON
 * (RFC 7946, CRS84), both with the column / property names of docs/site-register.md. An export
 * of a provider's sites can be imported again unchanged: derived columns are ignored on import.
 */
const INPUT_COLUMNS = new Set(
  STANDARD_FIELDS.filter((f) => f.origin === 'input').map((f) => f.csv),
);
const DERIVED_COLUMNS = new Set(
  STANDARD_FIELDS.filter((f) => f.origin === 'derived').map((f) => f.csv),
);
const CSV_OF_KEY = new Map(STANDARD_FIELDS.map((f) => [f.key.toLowerCase(), f.csv]));
const CSV_OF_LABEL = new Map(
  STANDARD_FIELDS.map((f) => [f.label.toLocaleLowerCase('de-DE'), f.csv]),
);

/** A column name, GeoJSON property or German label → the CSV column of the standard. */
function columnOf(name: string): string | undefined {
  const n = name.normalize('NFC').trim().toLocaleLowerCase('de-DE');
  if (INPUT_COLUMNS.has(n) || DERIVED_COLUMNS.has(n)) return n;
  return CSV_OF_KEY.get(n) ?? CSV_OF_LABEL.get(n);
}

/** Undo the apostrophe our export puts before cells that would start a formula. */
const unprotect = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

export function parseSitesCsv(content: string): { rows: ImportRow[]; refusals: ImportRefusal[] } {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const { rows, open } = csvRecords(text, sep);
  const refusals: ImportRefusal[] = [];
  if (open !== undefined)
    return {
      rows: [],
      refusals: [
        { label: `Zeile ${open}`, message: 'Ein Anführungszeichen wird nicht geschlossen.' },
      ],
    };
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return { rows: [], refusals: [{ label: 'Datei', message: 'Die Datei ist leer.' }] };
  const columns = header.cells.map((name) => columnOf(name));
  header.cells.forEach((name, i) => {
    if (columns[i] === undefined)
      refusals.push({
        label: `Zeile ${header.line}`,
        message: `Die Spalte „${name.slice(0, 40)}“ gehört nicht zum Datenstandard (siehe Spaltenliste).`,
      });
  });
  if (!columns.includes('kennung'))
    refusals.push({ label: `Zeile ${header.line}`, message: 'Die Spalte „kennung“ fehlt.' });
  if (refusals.length > 0) return { rows: [], refusals };
  const result: ImportRow[] = [];
  for (const row of body) {
    if (row.cells.length !== columns.length) {
      refusals.push({
        label: `Zeile ${row.line}`,
        message: `Die Zeile hat ${row.cells.length} statt ${columns.length} Spalten.`,
      });
      continue;
    }
    const fields: Record<string, string> = {};
    row.cells.forEach((cell, i) => {
      const column = columns[i]!;
      if (INPUT_COLUMNS.has(column)) fields[column] = unprotect(cell);
    });
    result.push({ label: `Zeile ${row.line}`, fields });
  }
  return { rows: result, refusals };
}

function propertyText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  // JSON numbers use the decimal point; the fields read German numbers, so say it with a comma.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return undefined;
}

export function parseSitesGeoJson(content: string): {
  rows: ImportRow[];
  refusals: ImportRefusal[];
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return {
      rows: [],
      refusals: [{ label: 'Datei', message: 'Die Datei ist kein gültiges JSON.' }],
    };
  }
  const features = (parsed as { type?: unknown; features?: unknown } | null)?.features;
  if (
    (parsed as { type?: unknown } | null)?.type !== 'FeatureCollection' ||
    !Array.isArray(features)
  )
    return {
      rows: [],
      refusals: [{ label: 'Datei', message: 'Erwartet wird eine GeoJSON-FeatureCollection.' }],
    };
  const rows: ImportRow[] = [];
  const refusals: ImportRefusal[] = [];
  features.forEach((feature: unknown, index) => {
    const label = `Feature ${index + 1}`;
    const { properties, geometry } = (feature ?? {}) as {
      properties?: unknown;
      geometry?: unknown;
    };
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      refusals.push({ label, message: 'Das Feature hat keine Eigenschaften (properties).' });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(properties)) {
      const column = columnOf(name);
      if (column === undefined) {
        refusals.push({
          label,
          message: `Die Eigenschaft „${name.slice(0, 40)}“ gehört nicht zum Datenstandard.`,
        });
        continue;
      }
      if (!INPUT_COLUMNS.has(column) || column === 'geometrie') continue;
      const text = propertyText(value);
      if (text === undefined)
        refusals.push({
          label,
          message: `Die Eigenschaft „${name}“ ist kein Text und keine Zahl.`,
        });
      else fields[column] = text;
    }
    rows.push({ label, fields, geometry: geometry ?? null });
  });
  return { rows, refusals };
}

const german = (n: number | null, digits = 6) =>
  n === null
    ? ''
    : n.toLocaleString('de-DE', { maximumFractionDigits: digits, useGrouping: false });

function csvValues(site: StoredSite): (string | number | null)[] {
  const point = site.geometry.type === 'Point' ? site.geometry.coordinates : undefined;
  const values: Record<string, string> = {
    kennung: site.reference,
    bezeichnung: site.name,
    anbieter: site.provider,
    laenge: point ? german(point[0]!) : '',
    breite: point ? german(point[1]!) : '',
    geometrie: point ? '' : JSON.stringify(site.geometry),
    flaeche_brutto_ha: german(site.grossHa, 4),
    flaeche_netto_ha: german(site.netHa, 4),
    eigentum: site.ownership,
    planungsstand: site.planningStatus,
    gebietsart: site.zoning,
    altlasten: site.contamination,
    bergaufsicht: site.miningSupervision,
    netzanschluss: site.gridConnection,
    verfuegbarkeit: site.readiness,
    verfuegbar_ab: site.availableFrom ?? '',
    kontakt: site.contact,
    beginn: site.startDate,
    ende: site.endDate ?? '',
    ags: site.ags ?? '',
    gemeinde: site.gemeinde ?? '',
    flaeche_geometrie_ha: german(site.geometryHa, 4),
    h2_entfernung_km: german(site.hydrogenDistanceKm, 2),
  };
  return STANDARD_FIELDS.map((f) => values[f.csv] ?? '');
}

export function sitesCsv(sites: readonly StoredSite[]): string {
  return (
    UTF8_BOM +
    csvRow(
      STANDARD_FIELDS.map((f) => f.csv),
      ';',
    ) +
    sites.map((s) => csvRow(csvValues(s), ';')).join('')
  );
}

/** The properties of a site in GeoJSON (the standard's keys; numbers as JSON numbers). */
export function siteProperties(site: StoredSite): Record<string, string | number | null> {
  return {
    reference: site.reference,
    name: site.name,
    provider: site.provider,
    grossHa: site.grossHa,
    netHa: site.netHa,
    ownership: site.ownership,
    planningStatus: site.planningStatus,
    zoning: site.zoning,
    contamination: site.contamination,
    miningSupervision: site.miningSupervision,
    gridConnection: site.gridConnection,
    readiness: site.readiness,
    availableFrom: site.availableFrom,
    contact: site.contact,
    startDate: site.startDate,
    endDate: site.endDate,
    ags: site.ags,
    gemeinde: site.gemeinde,
    geometryHa: site.geometryHa === null ? null : Math.round(site.geometryHa * 1e4) / 1e4,
    hydrogenDistanceKm:
      site.hydrogenDistanceKm === null ? null : Math.round(site.hydrogenDistanceKm * 100) / 100,
  };
}

export function sitesGeoJson(sites: readonly StoredSite[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      id: s.id,
      geometry: s.geometry,
      properties: siteProperties(s),
    })),
  });
}
