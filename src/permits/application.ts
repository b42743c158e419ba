import type { FieldError } from '../platform/errors.ts';
import { isInsideNrw, parseCoordinate, validateParcel } from '../registers/geo/index.ts';

/**
 * The application content of § 3 9. BImSchV for wind turbines: applicant, permit type, site
 * (Gemarkung / Flur / Flurstück and coordinates), the turbines, planned commissioning, and the
 * non-technical summary for the public display. Drafts may be incomplete; submission may not.
 */
export interface Turbine {
  type: string;
  hubHeightM: number;
  rotorDiameterM: number;
  totalHeightM: number;
  ratedPowerKw: number;
  lon: number;
  lat: number;
}

export interface ApplicationData {
  title: string;
  permitWish: 'auto' | 'formal';
  repowering: boolean;
  eiaScreeningOutcome: 'not-done' | 'eia-required' | 'no-eia';
  site: { gemeinde: string; gemarkung: string; flur: string; flurstueck: string };
  turbines: Turbine[];
  plannedCommissioning: string;
  nonTechnicalSummary: string;
}

export const EMPTY_APPLICATION: ApplicationData = {
  title: '',
  permitWish: 'auto',
  repowering: false,
  eiaScreeningOutcome: 'not-done',
  site: { gemeinde: '', gemarkung: '', flur: '', flurstueck: '' },
  turbines: [],
  plannedCommissioning: '',
  nonTechnicalSummary: '',
};

const str = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

function num(value: unknown): number | undefined {
  const text = str(value).replace(',', '.');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/** Turbine rows as they come from a form (turbine[0][hubHeightM] …) or JSON. Empty rows are dropped. */
function parseTurbines(raw: unknown, errors: FieldError[]): Turbine[] {
  const rows = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
  const turbines: Turbine[] = [];
  rows.forEach((row: Record<string, unknown>, index) => {
    const values = ['type', 'hubHeightM', 'rotorDiameterM', 'ratedPowerKw', 'lon', 'lat'].map((k) =>
      str(row?.[k]),
    );
    if (values.every((v) => v === '')) return;
    const n = index + 1;
    const field = (name: string) => `turbines.${index}.${name}`;
    const hub = num(row.hubHeightM);
    const rotor = num(row.rotorDiameterM);
    const power = num(row.ratedPowerKw);
    const lon = parseCoordinate(str(row.lon), 'lon');
    const lat = parseCoordinate(str(row.lat), 'lat');
    if (!str(row.type))
      errors.push({
        field: field('type'),
        message: `Anlage ${n}: Bitte geben Sie den Anlagentyp an.`,
      });
    if (hub === undefined || !(hub >= 10 && hub <= 250)) {
      errors.push({
        field: field('hubHeightM'),
        message: `Anlage ${n}: Die Nabenhöhe muss zwischen 10 und 250 m liegen.`,
      });
    }
    if (rotor === undefined || !(rotor >= 5 && rotor <= 250)) {
      errors.push({
        field: field('rotorDiameterM'),
        message: `Anlage ${n}: Der Rotordurchmesser muss zwischen 5 und 250 m liegen.`,
      });
    }
    if (power === undefined || !(power > 0 && power <= 20_000)) {
      errors.push({
        field: field('ratedPowerKw'),
        message: `Anlage ${n}: Die Nennleistung muss zwischen 1 und 20.000 kW liegen.`,
      });
    }
    if (lon === undefined || lat === undefined) {
      errors.push({
        field: field('lon'),
        message: `Anlage ${n}: Bitte geben Sie Länge und Breite (WGS84) als Zahlen an, z. B. 8,7611 und 51,6205.`,
      });
    } else if (!isInsideNrw({ lon, lat })) {
      errors.push({
        field: field('lon'),
        message: `Anlage ${n}: Der Standort liegt nicht in Nordrhein-Westfalen.`,
      });
    }
    turbines.push({
      type: str(row.type),
      hubHeightM: hub ?? NaN,
      rotorDiameterM: rotor ?? NaN,
      totalHeightM: Math.round((hub ?? NaN) + (rotor ?? NaN) / 2),
      ratedPowerKw: power ?? NaN,
      lon: lon ?? NaN,
      lat: lat ?? NaN,
    });
  });
  return turbines;
}

/** Reads and checks what was entered; `errors` lists every problem with its field. */
export function parseApplication(body: Record<string, unknown>): {
  data: ApplicationData;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const site = (body.site ?? {}) as Record<string, unknown>;
  const data: ApplicationData = {
    title: str(body.title),
    permitWish: body.permitWish === 'formal' ? 'formal' : 'auto',
    repowering: body.repowering === true || body.repowering === 'true',
    eiaScreeningOutcome:
      body.eiaScreeningOutcome === 'eia-required' || body.eiaScreeningOutcome === 'no-eia'
        ? body.eiaScreeningOutcome
        : 'not-done',
    site: {
      gemeinde: str(site.gemeinde),
      gemarkung: str(site.gemarkung),
      flur: str(site.flur),
      flurstueck: str(site.flurstueck),
    },
    turbines: parseTurbines(body.turbines, errors),
    plannedCommissioning: str(body.plannedCommissioning),
    nonTechnicalSummary: str(body.nonTechnicalSummary),
  };
  if (!data.title)
    errors.unshift({
      field: 'title',
      message: 'Bitte geben Sie eine Bezeichnung des Vorhabens an.',
    });
  if (data.title.length > 200)
    errors.push({
      field: 'title',
      message: 'Die Bezeichnung darf höchstens 200 Zeichen lang sein.',
    });
  if (data.nonTechnicalSummary.length > 20_000) {
    errors.push({
      field: 'nonTechnicalSummary',
      message:
        'Die allgemein verständliche Kurzbeschreibung darf höchstens 20.000 Zeichen lang sein.',
    });
  }
  if (data.plannedCommissioning && !/^20\d\d-(0[1-9]|1[0-2])$/.test(data.plannedCommissioning)) {
    errors.push({
      field: 'plannedCommissioning',
      message: 'Bitte geben Sie die geplante Inbetriebnahme als Jahr und Monat an, z. B. 2028-06.',
    });
  }
  if (data.site.gemarkung || data.site.flur || data.site.flurstueck) {
    const parcel = validateParcel({
      gemarkung: data.site.gemarkung,
      flur: data.site.flur,
      flurstueck: data.site.flurstueck,
    });
    if (!parcel.ok)
      errors.push(
        ...parcel.problems.map((p) => ({ field: `site.${p.field}`, message: p.message })),
      );
  }
  return { data, errors };
}

/** What a submission needs beyond well-formed fields (§ 3 9. BImSchV). */
export function missingForSubmission(data: ApplicationData): FieldError[] {
  const missing: FieldError[] = [];
  if (!data.title)
    missing.push({ field: 'title', message: 'Bitte geben Sie eine Bezeichnung des Vorhabens an.' });
  if (!data.site.gemarkung || !data.site.flur || !data.site.flurstueck) {
    missing.push({
      field: 'site.gemarkung',
      message: 'Bitte geben Sie den Standort mit Gemarkung, Flur und Flurstück an.',
    });
  }
  if (data.turbines.length === 0)
    missing.push({
      field: 'turbines.0.type',
      message: 'Bitte geben Sie mindestens eine Windenergieanlage an.',
    });
  if (!data.plannedCommissioning)
    missing.push({
      field: 'plannedCommissioning',
      message: 'Bitte geben Sie die geplante Inbetriebnahme an.',
    });
  if (data.nonTechnicalSummary.length < 50) {
    missing.push({
      field: 'nonTechnicalSummary',
      message:
        'Bitte geben Sie eine allgemein verständliche Kurzbeschreibung (mindestens 50 Zeichen) an.',
    });
  }
  return missing;
}
