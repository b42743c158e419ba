import type { FieldError } from '../platform/errors.ts';
import { parseEuroToCents, parseGermanNumber } from '../platform/german-number.ts';
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
  /**
   * Errichtungskosten (investment costs) in euro cents; the permit fee is computed from them
   * (NRW fee tariff for BImSchG permits). null: not given yet. Older drafts lack the key.
   */
  investmentCostsCents?: number | null;
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
  investmentCostsCents: null,
};

/** Investment costs up to 100 billion euros: beyond that it is a typing error, not a project. */
const MAX_INVESTMENT_CENTS = 10_000_000_000_000;

/** The short description as typed in the form counts as the required document of that name. */
export const SHORT_DESCRIPTION_MIN = 50;

const str = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/** German ("160,5", "1.234,5") or JSON numbers; NaN when something else was typed. */
function num(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'string'
    ? parseGermanNumber(value)
    : undefined;
}

/** The message for a number field: not a number at all, or outside the range. */
function numberProblem(
  value: number | undefined,
  label: string,
  range: string,
  ok: (n: number) => boolean,
): string | undefined {
  if (value !== undefined && Number.isNaN(value))
    return `${label} ist keine Zahl. Bitte geben Sie sie mit Dezimalkomma an, z. B. 160,5.`;
  if (value === undefined || !ok(value)) return `${label} muss ${range} liegen.`;
  return undefined;
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
    const checks: [string, string | undefined][] = [
      [
        'hubHeightM',
        numberProblem(
          hub,
          `Anlage ${n}: Die Nabenhöhe`,
          'zwischen 10 und 250 m',
          (v) => v >= 10 && v <= 250,
        ),
      ],
      [
        'rotorDiameterM',
        numberProblem(
          rotor,
          `Anlage ${n}: Der Rotordurchmesser`,
          'zwischen 5 und 250 m',
          (v) => v >= 5 && v <= 250,
        ),
      ],
      [
        'ratedPowerKw',
        numberProblem(
          power,
          `Anlage ${n}: Die Nennleistung`,
          'zwischen 1 und 20.000 kW',
          (v) => v > 0 && v <= 20_000,
        ),
      ],
    ];
    for (const [name, message] of checks) if (message) errors.push({ field: field(name), message });
    if (lon === undefined || lat === undefined) {
      errors.push({
        // Next to the coordinate that is wrong (the longitude when both are).
        field: field(lon === undefined ? 'lon' : 'lat'),
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

/**
 * Errichtungskosten: the form sends euros in German format (`investmentCosts`), the API may send
 * euros as well or integer cents (`investmentCostsCents`); stored as cents.
 */
function parseInvestmentCosts(body: Record<string, unknown>, errors: FieldError[]): number | null {
  const field = 'investmentCosts';
  const fromEuros =
    typeof body.investmentCosts === 'string' || typeof body.investmentCosts === 'number'
      ? parseEuroToCents(body.investmentCosts)
      : undefined;
  const centsInput = body.investmentCostsCents;
  const fromCents =
    centsInput === undefined || centsInput === null || centsInput === ''
      ? undefined
      : typeof centsInput === 'number' && Number.isSafeInteger(centsInput) && centsInput >= 0
        ? centsInput
        : NaN;
  if (fromEuros !== undefined && fromCents !== undefined && fromEuros !== fromCents) {
    errors.push({
      field,
      message:
        'Die Errichtungskosten sind zweimal und verschieden angegeben (in Euro und in Cent). Bitte geben Sie sie nur einmal an.',
    });
    return null;
  }
  const cents = fromEuros ?? fromCents;
  if (cents === undefined) return null;
  if (Number.isNaN(cents)) {
    errors.push({
      field,
      message:
        'Die Errichtungskosten sind kein Euro-Betrag. Bitte geben Sie sie in Euro an, z. B. 4.500.000 oder 4.500.000,50.',
    });
    return null;
  }
  if (cents > MAX_INVESTMENT_CENTS) {
    errors.push({
      field,
      message: 'Die Errichtungskosten dürfen höchstens 100 Milliarden Euro betragen.',
    });
    return null;
  }
  return cents;
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
    investmentCostsCents: parseInvestmentCosts(body, errors),
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

/**
 * What the authority will miss in the application form (§ 3 9. BImSchV): listed before
 * submission so the applicant can complete it, but no bar to submitting. The authority asks for
 * what is missing (§ 7 Abs. 1 9. BImSchV).
 */
export function missingData(data: ApplicationData): FieldError[] {
  const missing: FieldError[] = [];
  if (!data.title)
    missing.push({ field: 'title', message: 'Die Bezeichnung des Vorhabens fehlt.' });
  if (!data.site.gemarkung || !data.site.flur || !data.site.flurstueck) {
    missing.push({
      field: 'site.gemarkung',
      message: 'Der Standort mit Gemarkung, Flur und Flurstück fehlt.',
    });
  }
  if (data.turbines.length === 0)
    missing.push({
      field: 'turbines.0.type',
      message: 'Es ist keine Windenergieanlage angegeben.',
    });
  if (!data.plannedCommissioning)
    missing.push({
      field: 'plannedCommissioning',
      message: 'Die geplante Inbetriebnahme fehlt.',
    });
  if (data.nonTechnicalSummary.length < SHORT_DESCRIPTION_MIN) {
    missing.push({
      field: 'nonTechnicalSummary',
      message: `Die allgemein verständliche Kurzbeschreibung fehlt oder ist kürzer als ${SHORT_DESCRIPTION_MIN} Zeichen.`,
    });
  }
  if (data.investmentCostsCents === undefined || data.investmentCostsCents === null)
    missing.push({
      field: 'investmentCosts',
      message: 'Die Errichtungskosten (Grundlage der Gebühr) fehlen.',
    });
  return missing;
}

/**
 * What submission cannot do without: the procedure type follows from the turbines (§§ 10, 19
 * BImSchG), so at least one must be given. Everything else is listed by missingData and asked for
 * by the authority.
 */
export function missingForSubmission(data: ApplicationData): FieldError[] {
  return data.turbines.length === 0
    ? [
        {
          field: 'turbines.0.type',
          message:
            'Bitte geben Sie mindestens eine Windenergieanlage an; erst daraus ergibt sich das Verfahren.',
        },
      ]
    : [];
}

/**
 * Required documents that the application form itself provides: the short description typed into
 * the form is the "allgemein verständliche Kurzbeschreibung" (§ 4 Abs. 3 9. BImSchV); no separate
 * upload is needed.
 */
export function documentsGivenInForm(data: ApplicationData): string[] {
  return data.nonTechnicalSummary.length >= SHORT_DESCRIPTION_MIN ? ['short-description'] : [];
}
