import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../platform/openapi.ts';
import { CRAFTS_TRADES } from '../profile/profile.types.ts';

/**
 * Request and response schemas of the finder API. Bodies are validated strictly (unknown fields
 * and wrong types are refused); ranges, codes and dates are checked by the service, whose German
 * messages name the field ("company.turnoverCents").
 */
const IsoDate = (description: string) =>
  Type.String({ format: 'date', description: `${description} (JJJJ-MM-TT)` });
const Cents = (description: string) =>
  Type.Integer({ description: `${description}, in Cent (ganze Zahl ≥ 0)` });

const Company = Type.Object(
  {
    naceCode: Type.String({
      maxLength: 20,
      description: 'Wirtschaftszweig nach WZ 2008 / NACE Rev. 2, z. B. „25.11“',
    }),
    staffHeadcount: Type.Number({
      description: 'Beschäftigte in Jahresarbeitseinheiten (mindestens 1)',
    }),
    turnoverCents: Type.Optional(Cents('Jahresumsatz ohne Umsatzsteuer')),
    balanceSheetCents: Type.Optional(Cents('Jahresbilanzsumme')),
    seatAgs: Type.Optional(
      Type.String({
        maxLength: 20,
        description: 'Amtlicher Gemeindeschlüssel des Sitzes, 8 Ziffern',
      }),
    ),
    craftsChamberMember: Type.Optional(
      Type.Boolean({ description: 'Mitglied einer Handwerkskammer' }),
    ),
    trade: Type.Optional(
      StringEnum(
        CRAFTS_TRADES.map((t) => t.value),
        { description: 'Gewerk (Schlüssel wie im Unternehmensprofil)' },
      ),
    ),
    undertakingInDifficulty: Type.Optional(
      Type.Boolean({ description: 'Unternehmen in Schwierigkeiten (Art. 2 Nr. 18 AGVO)' }),
    ),
    consumptionKwh: Type.Optional(
      Type.Integer({
        description: 'Stromverbrauch im Jahr in kWh; damit werden die Entlastungen berechnet',
      }),
    ),
  },
  { additionalProperties: false, description: 'Angaben zum Unternehmen' },
);

const Measure = Type.Object(
  {
    kind: Type.Optional(
      Type.String({
        maxLength: 80,
        description: 'Maßnahme (id aus GET /api/v1/funding/programmes)',
      }),
    ),
    eligibleCostsCents: Type.Optional(Cents('Förderfähige Kosten')),
    plannedStart: Type.Optional(IsoDate('Geplanter Beginn; bis zum Stichtag gilt als begonnen')),
    siteInNrw: Type.Optional(Type.Boolean({ description: 'Vorhaben in Nordrhein-Westfalen' })),
    consultantDays: Type.Optional(Type.Number({ description: 'Beratertage' })),
    units: Type.Optional(
      Type.Number({ description: 'Menge in der Einheit der Maßnahme (Bohrmeter, m²)' }),
    ),
    buildingType: Type.Optional(
      StringEnum(['new', 'existing'], { description: 'Neubau oder Bestand' }),
    ),
    requiredByGeg: Type.Optional(
      Type.Boolean({ description: 'Anlage dient der Erfüllung des Gebäudeenergiegesetzes' }),
    ),
    employeesToTrain: Type.Optional(
      Type.Integer({ description: 'Beschäftigte in der Fortbildung' }),
    ),
    trainingDaysPerEmployee: Type.Optional(
      Type.Integer({ description: 'Fortbildungstage je Beschäftigtem' }),
    ),
    trainingForPlanningStaff: Type.Optional(
      Type.Boolean({ description: 'Fortbildung für technische Führungskräfte oder Planende' }),
    ),
  },
  { additionalProperties: false, description: 'Geplante Maßnahme' },
);

const Filters = Type.Object(
  {
    measure: Type.Optional(
      Type.String({ maxLength: 80, description: 'Nur Programme dieser Maßnahme' }),
    ),
    minAmountCents: Type.Optional(Cents('Mindestbetrag; Einträge ohne berechneten Betrag bleiben')),
    openCallsOnly: Type.Optional(Type.Boolean({ description: 'Nur offene Aufrufe' })),
    deadlineBefore: Type.Optional(IsoDate('Nur Einträge mit Antragsfrist bis zu diesem Tag')),
    sort: Type.Optional(StringEnum(['deadline', 'amount'], { description: 'Sortierung' })),
  },
  { additionalProperties: false, description: 'Filter und Sortierung' },
);

export const FinderBody = Type.Object(
  {
    company: Company,
    measure: Type.Optional(Measure),
    filters: Type.Optional(Filters),
    date: Type.Optional(IsoDate('Stichtag; ohne Angabe heute')),
  },
  { additionalProperties: false },
);

const ScalarValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

const ParameterUse = Type.Object({
  table: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  citation: Type.String(),
  value: Type.Unsafe<number | string | boolean | readonly string[]>({
    description: 'Wert: Zahl, Text, ja/nein oder Liste von Codes',
  }),
  validFrom: Type.String({ format: 'date' }),
  source: Type.String(),
  open: Type.Optional(Type.String()),
});

const Reason = Type.Object(
  {
    ruleId: Type.String(),
    depth: Type.Integer({ description: 'Tiefe im Regelbaum (0 = Wurzel)' }),
    description: Type.String({ description: 'Die Voraussetzung in einem deutschen Satz' }),
    citation: Type.String({ description: 'Fundstelle (Norm, Richtlinie, Quelle)' }),
    truth: StringEnum(['met', 'not-met', 'unknown']),
    decisive: Type.Boolean({ description: 'Hat das Ergebnis entschieden' }),
    open: Type.Optional(Type.String({ description: 'Noch offene rechtliche Prüfung' })),
    inputs: Type.Array(
      Type.Object({ fact: Type.String(), label: Type.String(), value: ScalarValue }),
    ),
    parameters: Type.Array(ParameterUse, { description: 'Verwendete Parameter mit Gültigkeit' }),
  },
  { description: 'Eine Regel mit Ergebnis, Fundstelle, Angaben und Parameterversionen' },
);

const Entry = Type.Object({
  kind: StringEnum(['programme', 'relief']),
  id: Type.String({ description: 'Programmversion oder Entlastungsinstrument' }),
  programmeId: Type.String(),
  title: Type.String(),
  eligibility: StringEnum(['eligible', 'not-eligible', 'need-info']),
  eligibilityLabel: Type.String(),
  draft: Type.Boolean({ description: 'Entwurf, kein geltendes Recht' }),
  decidingReasons: Type.Array(Reason),
  reasons: Type.Array(Reason),
  missing: Type.Array(Type.String(), { description: 'Noch offene Fragen' }),
  amount: Type.Object({
    status: StringEnum(['computed', 'need-info']),
    amountCents: Type.Integer(),
    maxCents: Type.Optional(Type.Integer()),
    steps: Type.Array(
      Type.Object({
        text: Type.String(),
        citation: Type.String(),
        amountCents: Type.Optional(Type.Integer()),
        open: Type.Boolean(),
      }),
    ),
    missing: Type.Array(Type.String()),
  }),
  stateAid: Type.Object({
    kind: StringEnum(['de-minimis', 'gber', 'none', 'relief']),
    label: Type.String(),
  }),
  fundingBody: Type.String(),
  legalBasis: Type.Array(Type.String()),
  validFrom: Type.Optional(Type.String({ format: 'date' })),
  measures: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  callOpen: Type.Boolean(),
  callOpenFrom: Type.Optional(Type.String({ format: 'date' })),
  deadline: Type.Optional(Type.String({ format: 'date', description: 'Letzter Antragstag' })),
  link: Type.Optional(Type.String({ description: 'Seite zur vollständigen Berechnung' })),
  sources: Type.Array(Type.String()),
  open: Type.Array(Type.String()),
});

export const FinderResponse = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    assessed: Type.Integer({ description: 'Geprüfte Einträge vor den Filtern' }),
    sme: Type.Object({
      sizeClass: Type.String(),
      label: Type.String(),
      steps: Type.Array(Type.String()),
    }),
    entries: Type.Array(Entry),
    notes: Type.Array(Type.String()),
  },
  { description: 'Alle geltenden Programme und Entlastungen mit Ergebnis, Gründen und Betrag' },
);

export const CatalogueResponse = Type.Object({
  date: Type.String({ format: 'date' }),
  versions: Type.Array(
    Type.Object({
      programmeId: Type.String(),
      versionId: Type.String(),
      title: Type.String(),
      shortTitle: Type.String(),
      validFrom: Type.String({ format: 'date' }),
      inForce: Type.Boolean({ description: 'Die am Stichtag geltende Fassung' }),
      callOpenFrom: Type.Optional(Type.String({ format: 'date' })),
      callOpenUntil: Type.Optional(Type.String({ format: 'date' })),
      fundingBody: Type.String(),
      legalBasis: Type.Array(Type.String()),
      stateAid: Type.Object({
        kind: StringEnum(['de-minimis', 'gber', 'none', 'relief']),
        label: Type.String(),
      }),
      applicants: Type.String(),
      measures: Type.Array(
        Type.Object({
          id: Type.String(),
          label: Type.String(),
          eligibleCosts: Type.Array(Type.String()),
        }),
      ),
      sources: Type.Array(Type.String({ description: 'Quellenvermerk; [sec] = Sekundärquelle' })),
      open: Type.Array(Type.String()),
    }),
  ),
});
