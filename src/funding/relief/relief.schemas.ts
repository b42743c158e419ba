import { Type } from '@sinclair/typebox';
import { bridgePriceSchemes } from '../../law/relief/index.ts';
import type { ParameterValue } from '../../law/rules/index.ts';
import { StringEnum } from '../../platform/openapi.ts';

/**
 * The JSON API of the calculator. Inputs in the calculator's own units (integers: cents, kWh),
 * so nothing is rounded on the way; unknown fields are refused (strict schema).
 */
const kwh = (description: string) =>
  Type.Integer({ description, minimum: 0, maximum: 100_000_000_000 });
const cents = (description: string) =>
  Type.Integer({ description, minimum: 0, maximum: 10_000_000_000_000 });
const isoDate = (description: string) =>
  Type.String({ description, pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-01-01'] });

export const ReliefBody = Type.Object(
  {
    date: isoDate('Tag im Abrechnungsjahr (JJJJ-MM-TT); wählt die geltenden Sätze'),
    consumptionKwh: kwh('Stromverbrauch im Jahr in kWh'),
    electromobilityKwh: Type.Optional(kwh('davon für Elektromobilität, kWh')),
    nonBusinessKwh: Type.Optional(kwh('davon für nicht betriebliche Zwecke, kWh')),
    naceCode: Type.Optional(
      Type.String({ maxLength: 20, description: 'WZ 2008 / NACE, z. B. 24.10' }),
    ),
    energyPriceCentsPerMwh: Type.Optional(
      cents('Gezahlter Strompreis ohne Stromsteuer in Cent je MWh (16,8 ct/kWh = 16800)'),
    ),
    undertakingInDifficulty: Type.Optional(Type.Boolean()),
    sectorOnEtsList: Type.Optional(
      Type.Boolean({ description: 'Sektor auf der Liste der EU-EHS-Beihilfeleitlinien' }),
    ),
    productionBenchmarkMwh: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100_000_000, description: 'Verbrauch nach Benchmark' }),
    ),
    euaPriceCentsPerTonne: Type.Optional(cents('EUA-Terminpreis in Cent je Tonne CO₂')),
    grossValueAddedCents: Type.Optional(cents('Bruttowertschöpfung in Cent')),
    sectorOnKueblList1: Type.Optional(
      Type.Boolean({ description: 'Sektor auf Liste 1 des Anhangs I der KUEBLL' }),
    ),
    referencePriceCentsPerMwh: Type.Optional(cents('Referenzstrompreis in Cent je MWh')),
    schemeId: Type.Optional(
      Type.String({
        enum: bridgePriceSchemes.map((s) => s.id),
        description: 'Regelung zum Industrie-/Brückenstrompreis (Vorgabe: Entwurf 2026)',
      }),
    ),
    schemeTargetCentsPerMwh: Type.Optional(cents('Eigener Zielpreis der Regelung, Cent je MWh')),
    schemeFloorCentsPerMwh: Type.Optional(cents('Eigene Preisuntergrenze, Cent je MWh')),
    schemeEligibleSharePpm: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Begünstigter Anteil, ppm' }),
    ),
    schemePeriodFrom: Type.Optional(isoDate('Eigener Beginn des Zeitraums')),
    schemePeriodUntil: Type.Optional(isoDate('Eigenes Ende des Zeitraums')),
    computedOn: Type.Optional(
      isoDate('Berechnungsdatum (Vorgabe: heute); Teil der Prüfsumme und des PDF'),
    ),
  },
  { additionalProperties: false },
);

const ParameterUse = Type.Object({
  table: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  citation: Type.String(),
  value: Type.Unsafe<ParameterValue>(
    Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Array(Type.String())]),
  ),
  validFrom: Type.String({ description: 'gültig ab (JJJJ-MM-TT)' }),
  source: Type.String(),
  open: Type.Optional(Type.String()),
});

/** The eligibility trace: recursive, so it is a shared schema referring to itself. */
export const ReliefTraceNode = Type.Object(
  {
    ruleId: Type.String(),
    kind: Type.String(),
    description: Type.String(),
    citation: Type.String(),
    open: Type.Optional(Type.String()),
    truth: StringEnum(['met', 'not-met', 'unknown']),
    decisive: Type.Boolean(),
    inputs: Type.Array(
      Type.Object({
        fact: Type.String(),
        value: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
      }),
    ),
    parameters: Type.Array(ParameterUse),
    children: Type.Array(Type.Ref('ReliefTraceNode')),
  },
  { $id: 'ReliefTraceNode', title: 'ReliefTraceNode', description: 'Geprüfte Voraussetzung' },
);

const Step = Type.Object({
  text: Type.String(),
  citation: Type.String(),
  amountCents: Type.Optional(Type.Integer()),
  parameters: Type.Array(ParameterUse),
  open: Type.Optional(Type.Boolean({ description: 'beruht auf Entwurf oder ungeprüftem Wert' })),
});

const PricePoint = Type.Object({
  costCents: Type.Integer(),
  centsPerKwh: Type.Number({ description: 'Cent je kWh, drei Nachkommastellen' }),
});

export const ReliefResponse = Type.Object({
  date: Type.String(),
  consumptionKwh: Type.Integer(),
  instruments: Type.Array(
    Type.Object({
      id: StringEnum(['electricity-tax', 'price-compensation', 'bridge-price']),
      title: Type.String(),
      status: StringEnum(['eligible', 'not-eligible', 'need-info']),
      draft: Type.Boolean({ description: 'Entwurf oder Vorschlag, kein geltendes Recht' }),
      amountCents: Type.Integer(),
      steps: Type.Array(Step),
      trace: Type.Optional(Type.Ref('ReliefTraceNode')),
      missing: Type.Array(Type.String()),
      notes: Type.Array(Type.String()),
    }),
  ),
  before: Type.Optional(PricePoint),
  after: Type.Optional(PricePoint),
  afterWithScheme: Type.Optional(PricePoint),
  target: Type.Object({ centsPerKwh: Type.Number(), parameter: ParameterUse }),
  gapToTargetCentsPerKwh: Type.Optional(Type.Number()),
  steps: Type.Array(Step),
  notes: Type.Array(Type.String()),
  verification: Type.Object({
    computedOn: Type.String(),
    scheme: Type.Object({
      id: Type.String(),
      title: Type.String(),
      status: StringEnum(['law', 'draft', 'proposal']),
      periodFrom: Type.String(),
      periodUntil: Type.String(),
      targetCentsPerMwh: Type.Integer(),
      floorCentsPerMwh: Type.Integer(),
      eligibleSharePpm: Type.Integer(),
      aidSharePpm: Type.Integer(),
    }),
    sha256: Type.String({
      description:
        'SHA-256 der kanonischen JSON-Darstellung (Schlüssel sortiert) von Eingaben, Regelung und Ergebnis; steht auch im PDF',
    }),
  }),
});
