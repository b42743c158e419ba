import type { ReliefInput } from '../../law/relief/index.ts';
import { supportFieldSubject, type SupportInputField } from '../../law/rules/index.ts';
import { parseEuroToCents, parseGermanNumber } from '../../platform/german-number.ts';
import {
  computeRelief,
  DEFAULT_SCHEME_ID,
  ReliefRequestError,
  SCHEME_SUBJECT,
  type ReliefComputation,
  type ReliefRequest,
  type SchemeField,
  type SchemeSettings,
} from './relief.request.ts';

/**
 * The calculator's inputs as people type them (web form, command line, CSV batch): German number
 * format, prices in the units invoices use, yes/no as words. One table names every field for all
 * three, so a message always names the field the way the user sees it.
 *
 * Units: the price paid in ct/kWh (as on an invoice, without electricity tax); the EUA price in
 * € per tonne CO₂; gross value added in €; reference price and scheme figures in €/MWh (as the
 * guidelines state them); the share in %.
 */
type Kind = 'kwh' | 'mwh' | 'ctPerKwh' | 'euro' | 'flag' | 'text' | 'date' | 'percent';

export type ReliefFormField =
  | 'date'
  | 'consumption'
  | 'electromobility'
  | 'nonBusiness'
  | 'nace'
  | 'price'
  | 'ets'
  | 'benchmark'
  | 'eua'
  | 'gva'
  | 'kuebll'
  | 'reference'
  | 'difficulty'
  | 'scheme'
  | 'schemeTarget'
  | 'schemeFloor'
  | 'schemeShare'
  | 'schemePeriodFrom'
  | 'schemePeriodUntil'
  | 'computedOn';

export interface FieldSpec {
  name: ReliefFormField;
  /** Where the value goes: a ReliefInput field or a scheme/computation field. */
  target: SupportInputField | SchemeField;
  kind: Kind;
  label: string;
  hint?: string;
  cli: string;
  csv: string;
}

export const RELIEF_FIELDS: readonly FieldSpec[] = [
  {
    name: 'date',
    target: 'date',
    kind: 'date',
    label: 'Abrechnungsjahr oder Stichtag',
    hint: 'Jahr (z. B. 2026) oder Tag im Jahr (TT.MM.JJJJ); bestimmt die geltenden Sätze. Ein Jahr allein steht für den 1. Januar.',
    cli: 'date',
    csv: 'Stichtag',
  },
  {
    name: 'consumption',
    target: 'consumptionKwh',
    kind: 'kwh',
    label: 'Stromverbrauch im Jahr (kWh)',
    hint: 'Ganze kWh, z. B. 1.250.000',
    cli: 'consumption',
    csv: 'Stromverbrauch kWh',
  },
  {
    name: 'electromobility',
    target: 'electromobilityKwh',
    kind: 'kwh',
    label: 'davon für Elektromobilität (kWh)',
    hint: 'Ladestrom für Fahrzeuge; von der Entlastung nach § 9b StromStG ausgenommen',
    cli: 'electromobility',
    csv: 'Elektromobilität kWh',
  },
  {
    name: 'nonBusiness',
    target: 'nonBusinessKwh',
    kind: 'kwh',
    label: 'davon für nicht betriebliche Zwecke (kWh)',
    cli: 'non-business',
    csv: 'Nicht betrieblich kWh',
  },
  {
    name: 'nace',
    target: 'naceCode',
    kind: 'text',
    label: 'Wirtschaftszweig (WZ 2008 / NACE)',
    hint: 'z. B. 24.10 (Erzeugung von Roheisen und Stahl)',
    cli: 'nace',
    csv: 'WZ-Code',
  },
  {
    name: 'price',
    target: 'energyPriceCentsPerMwh',
    kind: 'ctPerKwh',
    label: 'Gezahlter Strompreis ohne Stromsteuer (ct/kWh)',
    hint: 'Cent je Kilowattstunde (Energie, Netz, Umlagen), z. B. 16,8',
    cli: 'price',
    csv: 'Strompreis ct/kWh',
  },
  {
    name: 'ets',
    target: 'sectorOnEtsList',
    kind: 'flag',
    label: 'Sektor auf der Liste der EU-EHS-Beihilfeleitlinien (Strompreiskompensation)',
    cli: 'ets',
    csv: 'EU-EHS-Liste',
  },
  {
    name: 'benchmark',
    target: 'productionBenchmarkMwh',
    kind: 'mwh',
    label: 'Stromverbrauch nach Produktbenchmark (MWh)',
    hint: 'Benchmark × Produktionsmenge, z. B. 980,5',
    cli: 'benchmark',
    csv: 'Benchmark MWh',
  },
  {
    name: 'eua',
    target: 'euaPriceCentsPerTonne',
    kind: 'euro',
    label: 'Zertifikatspreis EUA (€ je Tonne CO₂)',
    hint: 'Terminpreis für das Abrechnungsjahr, z. B. 80,50',
    cli: 'eua',
    csv: 'EUA-Preis €/t',
  },
  {
    name: 'gva',
    target: 'grossValueAddedCents',
    kind: 'euro',
    label: 'Bruttowertschöpfung (€)',
    hint: 'z. B. 4.500.000',
    cli: 'gva',
    csv: 'Bruttowertschöpfung €',
  },
  {
    name: 'kuebll',
    target: 'sectorOnKueblList1',
    kind: 'flag',
    label: 'Sektor auf Liste 1 des Anhangs I der KUEBLL (Industriestrompreis)',
    cli: 'kuebll',
    csv: 'KUEBLL Liste 1',
  },
  {
    name: 'reference',
    target: 'referencePriceCentsPerMwh',
    kind: 'euro',
    label: 'Referenzstrompreis (€/MWh)',
    hint: 'Großhandelspreis, den die Regelung zugrunde legt, z. B. 95',
    cli: 'reference',
    csv: 'Referenzpreis €/MWh',
  },
  {
    name: 'difficulty',
    target: 'undertakingInDifficulty',
    kind: 'flag',
    label: 'Unternehmen in Schwierigkeiten',
    cli: 'difficulty',
    csv: 'Unternehmen in Schwierigkeiten',
  },
  {
    name: 'scheme',
    target: 'schemeId',
    kind: 'text',
    label: 'Regelung zum Industrie- bzw. Brückenstrompreis',
    cli: 'scheme',
    csv: 'Regelung',
  },
  {
    name: 'schemeTarget',
    target: 'schemeTarget',
    kind: 'euro',
    label: 'Zielpreis (€/MWh)',
    cli: 'scheme-target',
    csv: 'Zielpreis €/MWh',
  },
  {
    name: 'schemeShare',
    target: 'schemeShare',
    kind: 'percent',
    label: 'Begünstigter Anteil des Verbrauchs (%)',
    cli: 'scheme-share',
    csv: 'Begünstigter Anteil %',
  },
  {
    name: 'schemeFloor',
    target: 'schemeFloor',
    kind: 'euro',
    label: 'Preisuntergrenze (€/MWh)',
    cli: 'scheme-floor',
    csv: 'Untergrenze €/MWh',
  },
  {
    name: 'schemePeriodFrom',
    target: 'schemePeriodFrom',
    kind: 'date',
    label: 'Zeitraum von',
    hint: 'TT.MM.JJJJ',
    cli: 'scheme-from',
    csv: 'Zeitraum von',
  },
  {
    name: 'schemePeriodUntil',
    target: 'schemePeriodUntil',
    kind: 'date',
    label: 'Zeitraum bis',
    hint: 'TT.MM.JJJJ; ein Jahr allein steht für den 31. Dezember',
    cli: 'scheme-until',
    csv: 'Zeitraum bis',
  },
  {
    name: 'computedOn',
    target: 'computedOn',
    kind: 'date',
    label: 'Berechnungsdatum',
    hint: 'Tag der Berechnung (Vorgabe: heute); steht im Nachweis und geht in die Prüfsumme ein',
    cli: 'computed-on',
    csv: 'Berechnungsdatum',
  },
];

export const FIELD_BY_NAME = new Map(RELIEF_FIELDS.map((f) => [f.name, f]));
const FIELD_BY_TARGET = new Map(RELIEF_FIELDS.map((f) => [f.target, f]));

/** Where a scheme field goes in SchemeSettings. */
const SCHEME_KEY: Partial<Record<SchemeField, keyof SchemeSettings>> = {
  schemeId: 'id',
  schemeTarget: 'targetCentsPerMwh',
  schemeFloor: 'floorCentsPerMwh',
  schemeShare: 'eligibleSharePpm',
  schemePeriodFrom: 'periodFrom',
  schemePeriodUntil: 'periodUntil',
};

export type ReliefTextValues = Partial<Record<ReliefFormField, string>>;

export interface TextFieldError {
  field: ReliefFormField;
  message: string;
}

function subjectOf(spec: FieldSpec): string {
  return spec.target in SCHEME_SUBJECT
    ? SCHEME_SUBJECT[spec.target as SchemeField]
    : supportFieldSubject[spec.target as SupportInputField];
}

function quoted(text: string): string {
  return `„${text.length > 40 ? `${text.slice(0, 40)}…` : text}“`;
}

/**
 * 'JJJJ', 'TT.MM.JJJJ' or 'JJJJ-MM-TT' → ISO text; the strict date check follows later. A year
 * alone is its first day, or its last where the field ends a period.
 */
function dateText(text: string, endOfPeriod: boolean): string {
  if (/^\d{4}$/.test(text)) return endOfPeriod ? `${text}-12-31` : `${text}-01-01`;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  return text;
}

type Parsed = { value: number | string | boolean } | { error: string };

function parseValue(spec: FieldSpec, text: string): Parsed {
  const subject = subjectOf(spec);
  const notANumber = {
    error: `${subject} ${quoted(text)} ist keine Zahl (Beispiel: ${spec.hint?.match(/z\. B\. ([^\s)]+)/)?.[1] ?? '1.250.000'}).`,
  };
  switch (spec.kind) {
    case 'text':
      return { value: text };
    case 'date':
      return { value: dateText(text, spec.name === 'schemePeriodUntil') };
    case 'flag': {
      const word = text.toLowerCase();
      if (['ja', 'j', 'x', 'true', '1'].includes(word)) return { value: true };
      if (['nein', 'n', 'false', '0'].includes(word)) return { value: false };
      return { error: `${subject} muss „ja“ oder „nein“ sein (erhalten: ${quoted(text)}).` };
    }
    case 'kwh':
    case 'mwh': {
      const n = parseGermanNumber(text);
      if (n === undefined || Number.isNaN(n)) return notANumber;
      // Said here already, so that it shows together with the other fields' problems.
      if (n < 0)
        return { error: `${subject} darf nicht negativ sein (erhalten: ${quoted(text)}).` };
      return { value: n };
    }
    case 'percent': {
      const n = parseGermanNumber(text);
      if (n === undefined || Number.isNaN(n)) return notANumber;
      return { value: Math.round(n * 10_000) };
    }
    case 'ctPerKwh': {
      const n = parseGermanNumber(text);
      if (n === undefined || Number.isNaN(n)) return notANumber;
      const perMwh = Math.round(n * 1000);
      if (Math.abs(n * 1000 - perMwh) > 1e-6)
        return { error: `${subject} darf höchstens drei Nachkommastellen (ct/kWh) haben.` };
      return { value: perMwh };
    }
    case 'euro': {
      const n = parseGermanNumber(text.replace(/\s*(€|EUR|Euro)\s*$/i, ''));
      if (n === undefined || Number.isNaN(n)) return notANumber;
      if (n < 0)
        return { error: `${subject} darf nicht negativ sein (erhalten: ${quoted(text)}).` };
      const cents = parseEuroToCents(text);
      if (cents === undefined || Number.isNaN(cents))
        return { error: `${subject} darf höchstens zwei Nachkommastellen (Cent) haben.` };
      return { value: cents };
    }
  }
}

/**
 * Reads typed-in values into a request. Empty fields are "not stated" (the calculator then asks
 * for them); every unreadable field gets its own message. `defaults` fill the date of the
 * computation and the scheme when they are not given.
 */
export function readReliefText(
  values: ReliefTextValues,
  defaults: { computedOn: string },
): { request?: ReliefRequest; errors: TextFieldError[] } {
  const errors: TextFieldError[] = [];
  const input: Record<string, unknown> = {};
  const scheme: Record<string, unknown> = {};
  let computedOn = defaults.computedOn;
  for (const spec of RELIEF_FIELDS) {
    const text = values[spec.name]?.trim() ?? '';
    if (text === '') continue;
    const parsed = parseValue(spec, text);
    if ('error' in parsed) {
      errors.push({ field: spec.name, message: parsed.error });
      continue;
    }
    const schemeKey = SCHEME_KEY[spec.target as SchemeField];
    if (spec.target === 'computedOn') computedOn = String(parsed.value);
    else if (schemeKey) scheme[schemeKey] = parsed.value;
    else input[spec.target] = parsed.value;
  }
  if (input.date === undefined)
    errors.push({ field: 'date', message: `${supportFieldSubject.date} fehlt (z. B. 2026).` });
  if (input.consumptionKwh === undefined && !errors.some((e) => e.field === 'consumption'))
    errors.push({
      field: 'consumption',
      message: `${supportFieldSubject.consumptionKwh} fehlt (z. B. 1.250.000).`,
    });
  if (errors.length > 0) return { errors };
  return {
    errors,
    request: {
      input: input as unknown as ReliefInput,
      scheme: { id: DEFAULT_SCHEME_ID, ...scheme },
      computedOn,
    },
  };
}

/** The form field a calculator or scheme error belongs to. */
export function formFieldOf(target: SupportInputField | SchemeField): ReliefFormField {
  return FIELD_BY_TARGET.get(target)?.name ?? 'consumption';
}

/** Read and compute in one go; every problem comes back with the form field it belongs to. */
export function computeFromText(
  values: ReliefTextValues,
  defaults: { computedOn: string },
): { computation?: ReliefComputation; errors: TextFieldError[] } {
  const read = readReliefText(values, defaults);
  if (!read.request) return { errors: read.errors };
  try {
    return { computation: computeRelief(read.request), errors: [] };
  } catch (error) {
    if (!(error instanceof ReliefRequestError)) throw error;
    return {
      errors: error.errors.map((e) => ({ field: formFieldOf(e.field), message: e.message })),
    };
  }
}
