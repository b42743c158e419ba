/**
 * Turns JSON values or HTML form strings into a WindProjectInput. Collects every problem, each
 * with a German message that names the field, so a form can show an error summary (GOV.UK style).
 */
import type {
  EiaScreeningOutcome,
  InputProblem,
  ParseResult,
  WindProjectInput,
} from './classification.types.ts';

type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

interface NumberField {
  /** German name with article, e.g. 'die Anzahl der Windenergieanlagen'. */
  name: string;
  integer: boolean;
  min: number;
  max: number;
  unit: string;
  example: string;
}

const TURBINE_COUNT: NumberField = {
  name: 'die Anzahl der Windenergieanlagen',
  integer: true,
  min: 1,
  max: 200,
  unit: '',
  example: '5',
};

const HEIGHT: NumberField = {
  name: 'die Gesamthöhe der höchsten Anlage',
  integer: false,
  min: 1,
  max: 400,
  unit: ' Metern',
  example: '200 oder 199,5',
};

const FLAG_NAMES = {
  repowering: 'die Angabe „Repowering“',
  inAccelerationArea: 'die Angabe „im Beschleunigungsgebiet“',
  inWindEnergyArea: 'die Angabe „im Windenergiegebiet“',
  applicantRequestsFormal: 'die Angabe „förmliches Verfahren beantragt“',
} as const;

const OUTCOMES: ReadonlyMap<string, EiaScreeningOutcome> = new Map([
  ['not-done', 'not-done'],
  ['eia-required', 'eia-required'],
  ['no-eia', 'no-eia'],
]);

// Maps, not object literals: form input such as '__proto__' must not hit Object.prototype.
const FLAG_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['on', true],
  ['ja', true],
  ['1', true],
  ['false', false],
  ['off', false],
  ['nein', false],
  ['0', false],
  ['', false],
]);

const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `„${text.length > 40 ? `${text.slice(0, 40)}…` : text}“`;
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function parseNumber(value: unknown, field: NumberField): FieldResult<number> {
  const subject = capitalize(field.name);
  if (isMissing(value)) return { ok: false, message: `Geben Sie ${field.name} an.` };
  const text = typeof value === 'string' ? value.trim() : undefined;
  const number =
    typeof value === 'number'
      ? value
      : text && NUMBER_TEXT.test(text)
        ? Number(text.replace(',', '.'))
        : NaN;
  const kind = field.integer ? 'eine ganze Zahl' : 'eine Zahl';
  if (!Number.isFinite(number)) {
    return {
      ok: false,
      message: `${subject} muss ${kind} sein, zum Beispiel ${field.example}; eingegeben wurde ${quote(value)}.`,
    };
  }
  if (field.integer && !Number.isInteger(number)) {
    return {
      ok: false,
      message: `${subject} muss eine ganze Zahl sein, zum Beispiel ${field.example}.`,
    };
  }
  if (number < field.min || number > field.max) {
    return {
      ok: false,
      message: `${subject} muss zwischen ${field.min} und ${field.max}${field.unit} liegen.`,
    };
  }
  return { ok: true, value: number };
}

/** A missing checkbox is not sent by the browser, so missing means "no". */
function parseFlag(value: unknown, name: string): FieldResult<boolean> {
  if (value === undefined || value === null) return { ok: true, value: false };
  if (typeof value === 'boolean') return { ok: true, value };
  const flag = typeof value === 'string' ? FLAG_VALUES.get(value.trim().toLowerCase()) : undefined;
  if (flag !== undefined) return { ok: true, value: flag };
  return {
    ok: false,
    message: `${capitalize(name)} hat den ungültigen Wert ${quote(value)}; erlaubt sind „ja“ oder „nein“.`,
  };
}

/** Not stated means no screening has been done yet. */
function parseOutcome(value: unknown): FieldResult<EiaScreeningOutcome> {
  if (isMissing(value)) return { ok: true, value: 'not-done' };
  const outcome = typeof value === 'string' ? OUTCOMES.get(value.trim()) : undefined;
  if (outcome !== undefined) return { ok: true, value: outcome };
  return {
    ok: false,
    message: `Das Ergebnis der UVP-Vorprüfung ${quote(value)} ist ungültig; wählen Sie „noch nicht durchgeführt“, „UVP-Pflicht festgestellt“ oder „keine UVP-Pflicht festgestellt“.`,
  };
}

export function parseWindProjectInput(raw: Record<string, unknown>): ParseResult {
  const problems: InputProblem[] = [];
  const take = <T>(field: keyof WindProjectInput, result: FieldResult<T>, fallback: T): T => {
    if (result.ok) return result.value;
    problems.push({ field, message: result.message });
    return fallback;
  };
  const value: WindProjectInput = {
    turbineCount: take('turbineCount', parseNumber(raw.turbineCount, TURBINE_COUNT), 1),
    maxTotalHeightM: take('maxTotalHeightM', parseNumber(raw.maxTotalHeightM, HEIGHT), 1),
    repowering: take('repowering', parseFlag(raw.repowering, FLAG_NAMES.repowering), false),
    inAccelerationArea: take(
      'inAccelerationArea',
      parseFlag(raw.inAccelerationArea, FLAG_NAMES.inAccelerationArea),
      false,
    ),
    inWindEnergyArea: take(
      'inWindEnergyArea',
      parseFlag(raw.inWindEnergyArea, FLAG_NAMES.inWindEnergyArea),
      false,
    ),
    eiaScreeningOutcome: take(
      'eiaScreeningOutcome',
      parseOutcome(raw.eiaScreeningOutcome),
      'not-done',
    ),
    applicantRequestsFormal: take(
      'applicantRequestsFormal',
      parseFlag(raw.applicantRequestsFormal, FLAG_NAMES.applicantRequestsFormal),
      false,
    ),
  };
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}
