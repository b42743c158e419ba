import {
  bridgePriceSchemes,
  calculateRelief,
  INDUSTRIAL_PRICE_DRAFT_2026,
  type BridgePriceScheme,
  type ReliefInput,
  type ReliefResult,
} from '../../law/relief/index.ts';
import { requireDate, SupportInputError, type SupportInputField } from '../../law/rules/index.ts';
import type { IsoDate } from '../../law/calendar-date.ts';
import { formatEuro, formatPercent } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { canonicalSha256 } from './relief.canonical.ts';

/**
 * What one computation needs beyond the company's figures: the industrial/bridge price scheme to
 * compare with (one of bridgePriceSchemes, optionally with own figures) and the day the
 * computation is made. Both are part of the proof, so the same request always gives the same
 * result and the same checksum.
 */
export interface SchemeSettings {
  id: string;
  targetCentsPerMwh?: number;
  floorCentsPerMwh?: number;
  eligibleSharePpm?: number;
  periodFrom?: IsoDate;
  periodUntil?: IsoDate;
}

export interface ReliefRequest {
  input: ReliefInput;
  scheme: SchemeSettings;
  computedOn: IsoDate;
}

export type SchemeField =
  | 'schemeId'
  | 'schemeTarget'
  | 'schemeFloor'
  | 'schemeShare'
  | 'schemePeriodFrom'
  | 'schemePeriodUntil'
  | 'computedOn';

/** A problem with one field of a request, in the calculator's own field names. */
export interface ReliefFieldError {
  field: SupportInputField | SchemeField;
  message: string;
}

export class ReliefRequestError extends Error {
  override readonly name = 'ReliefRequestError';
  constructor(readonly errors: ReliefFieldError[]) {
    super(errors.map((e) => e.message).join(' '));
  }
}

export interface ReliefComputation {
  request: ReliefRequest;
  scheme: BridgePriceScheme;
  result: ReliefResult;
  /** SHA-256 (hex) of the canonical JSON of request, scheme figures and result. */
  sha256: string;
}

/** A scheme may carry own figures unless it is law: adopted figures are not the user's to change. */
export function schemeConfigurable(scheme: BridgePriceScheme): boolean {
  return scheme.status !== 'law';
}

const MAX_PRICE_CENTS_PER_MWH = 10_000_000; // 100,000 €/MWh: far above any market price

function checkPrice(
  value: number | undefined,
  field: SchemeField,
  subject: string,
  errors: ReliefFieldError[],
): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_PRICE_CENTS_PER_MWH)
    errors.push({
      field,
      message: `${subject} muss ein Betrag zwischen 0 und 100.000 € je MWh sein.`,
    });
}

function checkDate(
  value: unknown,
  field: SchemeField,
  errors: ReliefFieldError[],
): IsoDate | undefined {
  if (value === undefined) return undefined;
  try {
    return requireDate(value);
  } catch (error) {
    if (!(error instanceof SupportInputError)) throw error;
    const subject = SCHEME_SUBJECT[field];
    errors.push({ field, message: error.message.replace(/^Der Stichtag/, subject) });
    return undefined;
  }
}

export const SCHEME_SUBJECT: Readonly<Record<SchemeField, string>> = {
  schemeId: 'Die Regelung zum Industrie- bzw. Brückenstrompreis',
  schemeTarget: 'Der Zielpreis der Regelung',
  schemeFloor: 'Die Preisuntergrenze der Regelung',
  schemeShare: 'Der begünstigte Anteil des Verbrauchs',
  schemePeriodFrom: 'Der Beginn des Zeitraums der Regelung',
  schemePeriodUntil: 'Das Ende des Zeitraums der Regelung',
  computedOn: 'Das Berechnungsdatum',
};

/**
 * The scheme with the user's figures applied. A changed scheme keeps its id, says in its title
 * that it carries own figures and lists them as open points, so no page or PDF presents the
 * variant as the published draft.
 */
export function resolveScheme(
  settings: SchemeSettings,
  schemes: readonly BridgePriceScheme[] = bridgePriceSchemes,
): BridgePriceScheme {
  const errors: ReliefFieldError[] = [];
  const base = schemes.find((s) => s.id === settings.id);
  if (!base) {
    const known = schemes.map((s) => `„${s.id}“`).join(', ');
    throw new ReliefRequestError([
      {
        field: 'schemeId',
        message: `${SCHEME_SUBJECT.schemeId} „${String(settings.id).slice(0, 60)}“ ist unbekannt (möglich: ${known}).`,
      },
    ]);
  }
  const overrides = {
    targetCentsPerMwh: settings.targetCentsPerMwh,
    floorCentsPerMwh: settings.floorCentsPerMwh,
    eligibleSharePpm: settings.eligibleSharePpm,
    periodFrom: settings.periodFrom,
    periodUntil: settings.periodUntil,
  };
  const changed = Object.entries(overrides).filter(
    ([key, value]) => value !== undefined && value !== base[key as keyof typeof overrides],
  );
  if (changed.length === 0) return base;
  if (!schemeConfigurable(base)) {
    throw new ReliefRequestError([
      {
        field: 'schemeId',
        message: `${base.title} ist geltendes Recht; ihre Werte können nicht geändert werden.`,
      },
    ]);
  }
  checkPrice(overrides.targetCentsPerMwh, 'schemeTarget', SCHEME_SUBJECT.schemeTarget, errors);
  checkPrice(overrides.floorCentsPerMwh, 'schemeFloor', SCHEME_SUBJECT.schemeFloor, errors);
  const share = overrides.eligibleSharePpm;
  if (share !== undefined && (!Number.isSafeInteger(share) || share < 0 || share > 1_000_000))
    errors.push({
      field: 'schemeShare',
      message: `${SCHEME_SUBJECT.schemeShare} muss zwischen 0 % und 100 % liegen.`,
    });
  const from = checkDate(overrides.periodFrom, 'schemePeriodFrom', errors) ?? base.periodFrom;
  const until = checkDate(overrides.periodUntil, 'schemePeriodUntil', errors) ?? base.periodUntil;
  if (from > until)
    errors.push({
      field: 'schemePeriodUntil',
      message: `${SCHEME_SUBJECT.schemePeriodUntil} (${formatGermanDateShort(until)}) liegt vor dem Beginn (${formatGermanDateShort(from)}).`,
    });
  if (errors.length > 0) throw new ReliefRequestError(errors);
  const scheme: BridgePriceScheme = {
    ...base,
    targetCentsPerMwh: overrides.targetCentsPerMwh ?? base.targetCentsPerMwh,
    floorCentsPerMwh: overrides.floorCentsPerMwh ?? base.floorCentsPerMwh,
    eligibleSharePpm: share ?? base.eligibleSharePpm,
    periodFrom: from,
    periodUntil: until,
  };
  const own = [
    scheme.targetCentsPerMwh !== base.targetCentsPerMwh
      ? `Zielpreis ${formatEuro(scheme.targetCentsPerMwh)} je MWh`
      : '',
    scheme.floorCentsPerMwh !== base.floorCentsPerMwh
      ? `Untergrenze ${formatEuro(scheme.floorCentsPerMwh)} je MWh`
      : '',
    scheme.eligibleSharePpm !== base.eligibleSharePpm
      ? `begünstigter Anteil ${formatPercent(scheme.eligibleSharePpm)}`
      : '',
    scheme.periodFrom !== base.periodFrom || scheme.periodUntil !== base.periodUntil
      ? `Zeitraum ${formatGermanDateShort(scheme.periodFrom)} bis ${formatGermanDateShort(scheme.periodUntil)}`
      : '',
  ].filter(Boolean);
  return {
    ...scheme,
    title: `${base.title} – mit eigenen Werten`,
    open: [...base.open, `Eigene Werte statt der Werte der Regelung: ${own.join(', ')}.`],
  };
}

export const DEFAULT_SCHEME_ID = INDUSTRIAL_PRICE_DRAFT_2026.id;

/**
 * Runs the pure calculator for a request. Bad input ends in a ReliefRequestError naming the
 * field (the calculator's own SupportInputError is turned into one), never in anything else.
 */
export function computeRelief(request: ReliefRequest): ReliefComputation {
  const computedOnErrors: ReliefFieldError[] = [];
  const computedOn = checkDate(request.computedOn, 'computedOn', computedOnErrors);
  if (computedOnErrors.length > 0) throw new ReliefRequestError(computedOnErrors);
  const scheme = resolveScheme(request.scheme);
  let result: ReliefResult;
  try {
    result = calculateRelief(request.input, scheme);
  } catch (error) {
    if (error instanceof SupportInputError)
      throw new ReliefRequestError([{ field: error.field, message: error.message }]);
    throw error;
  }
  const normalised: ReliefRequest = { ...request, computedOn: computedOn ?? request.computedOn };
  return {
    request: normalised,
    scheme,
    result,
    sha256: canonicalSha256(proofDocument(normalised, scheme, result)),
  };
}

/**
 * The data the checksum covers: the request as entered, the scheme's figures as applied and the
 * full result with every step. Anyone holding the inputs can recompute the result (API, CLI
 * `--json`) and compare the checksum printed on the proof.
 */
export function proofDocument(
  request: ReliefRequest,
  scheme: BridgePriceScheme,
  result: ReliefResult,
) {
  return {
    format: 'industrieland-stromkosten-v1',
    computedOn: request.computedOn,
    input: request.input,
    scheme: {
      id: scheme.id,
      title: scheme.title,
      status: scheme.status,
      periodFrom: scheme.periodFrom,
      periodUntil: scheme.periodUntil,
      targetCentsPerMwh: scheme.targetCentsPerMwh,
      floorCentsPerMwh: scheme.floorCentsPerMwh,
      eligibleSharePpm: scheme.eligibleSharePpm,
      aidSharePpm: scheme.aidSharePpm,
    },
    result,
  };
}
