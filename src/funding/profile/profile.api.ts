import { Type, type Static } from '@sinclair/typebox';
import type { SmeResult } from '../../law/funding/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { seatLabel } from './profile.seat.ts';
import { type CompanyProfile, type ProfileRelation } from './profile.types.ts';
import { LEGAL_FORMS, CRAFTS_TRADES } from './profile.types.ts';
import { MAX_RELATIONS } from './profile.relations.ts';
import type { ProfileDraft } from './profile.validation.ts';

/**
 * The JSON side of the company profile: strict schemas (unknown fields and wrong types are
 * refused by the validator), money in integer cents, shares in percent. The same check as the
 * form runs behind it; its field names are renamed to the API's.
 */
const Cents = (description: string) =>
  Type.Integer({ description: `${description} in Cent (ganze Zahl, ≥ 0)` });

const RelationSchema = Type.Object(
  {
    name: Type.String({ maxLength: 200, description: 'Name des Unternehmens' }),
    sharePercent: Type.Number({
      description:
        'Beteiligung am Kapital oder an den Stimmrechten in % (der höhere Wert; Partner 25–50, verbunden über 50)',
    }),
    staffAwu: Type.Number({ description: 'Beschäftigte in Jahresarbeitseinheiten' }),
    turnoverCents: Type.Optional(Cents('Jahresumsatz')),
    balanceSheetCents: Type.Optional(Cents('Jahresbilanzsumme')),
  },
  { additionalProperties: false },
);

const legalFormEnum = LEGAL_FORMS.map((f) => f.value);

export const CompanyProfileBody = Type.Object(
  {
    validFrom: Type.String({
      maxLength: 10,
      description: 'Gültig ab (JJJJ-MM-TT): Stichtag der Zahlen oder der Änderung',
    }),
    legalForm: Type.String({ enum: legalFormEnum, description: 'Rechtsform' }),
    legalFormOther: Type.Optional(
      Type.String({ maxLength: 120, description: 'Bezeichnung bei legalForm „other“' }),
    ),
    registerCourt: Type.Optional(Type.String({ maxLength: 80, description: 'Registergericht' })),
    registerNumber: Type.Optional(
      Type.String({ maxLength: 40, description: 'Registernummer, z. B. „HRB 12345“' }),
    ),
    naceCode: Type.String({ maxLength: 20, description: 'WZ-2008-/NACE-Code, z. B. „35.11“' }),
    seatAgs: Type.String({
      maxLength: 20,
      description: 'Amtlicher Gemeindeschlüssel des Sitzes (8 Ziffern)',
    }),
    staffAwu: Type.Number({ description: 'Beschäftigte in Jahresarbeitseinheiten (≥ 1)' }),
    turnoverCents: Type.Optional(Cents('Jahresumsatz ohne Umsatzsteuer')),
    balanceSheetCents: Type.Optional(Cents('Jahresbilanzsumme')),
    figuresYear: Type.Integer({ description: 'Geschäftsjahr, auf das sich die Zahlen beziehen' }),
    craftsChamberMember: Type.Optional(
      Type.Boolean({ description: 'Mitglied einer Handwerkskammer' }),
    ),
    trade: Type.Optional(
      Type.String({
        enum: CRAFTS_TRADES.map((t) => t.value),
        description: 'Gewerk (nur bei Mitgliedschaft in einer Handwerkskammer)',
      }),
    ),
    publicBodiesSharePercent: Type.Optional(
      Type.Number({ description: 'Anteil öffentlicher Stellen an Kapital oder Stimmrechten in %' }),
    ),
    undertakingInDifficulty: Type.Optional(
      Type.Boolean({ description: 'Unternehmen in Schwierigkeiten (Art. 2 Nr. 18 AGVO)' }),
    ),
    partners: Type.Optional(
      Type.Array(RelationSchema, { maxItems: MAX_RELATIONS, description: 'Partnerunternehmen' }),
    ),
    linked: Type.Optional(
      Type.Array(RelationSchema, {
        maxItems: MAX_RELATIONS,
        description: 'Verbundene Unternehmen',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CompanyProfileBodyType = Static<typeof CompanyProfileBody>;

const RelationOut = Type.Object({
  name: Type.String(),
  sharePercent: Type.Number(),
  staffAwu: Type.Number(),
  turnoverCents: Type.Union([Type.Integer(), Type.Null()]),
  balanceSheetCents: Type.Union([Type.Integer(), Type.Null()]),
});

export const CompanyProfileOut = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    organisationName: Type.String(),
    version: Type.Integer({ description: 'Fassung (1, 2, …)' }),
    validFrom: Type.String({ description: 'Gültig ab (JJJJ-MM-TT)' }),
    recordedAt: Type.String({ format: 'date-time' }),
    recordedBy: Type.Union([Type.String(), Type.Null()], { description: 'Wer gespeichert hat' }),
    legalForm: Type.String({ enum: legalFormEnum }),
    legalFormOther: Type.Union([Type.String(), Type.Null()]),
    registerCourt: Type.Union([Type.String(), Type.Null()]),
    registerNumber: Type.Union([Type.String(), Type.Null()]),
    naceCode: Type.String(),
    seatAgs: Type.String(),
    seat: Type.String({ description: 'Gemeinde und Kreis des Sitzes (NRW) oder Hinweis' }),
    staffAwu: Type.Number(),
    turnoverCents: Type.Union([Type.Integer(), Type.Null()]),
    balanceSheetCents: Type.Union([Type.Integer(), Type.Null()]),
    figuresYear: Type.Integer(),
    craftsChamberMember: Type.Boolean(),
    trade: Type.Union([Type.String(), Type.Null()]),
    publicBodiesSharePercent: Type.Union([Type.Number(), Type.Null()]),
    undertakingInDifficulty: Type.Union([Type.Boolean(), Type.Null()]),
    partners: Type.Array(RelationOut),
    linked: Type.Array(RelationOut),
  },
  { description: 'Eine Fassung des Unternehmensprofils' },
);

export const CompanyProfileAnswer = Type.Object({
  profile: Type.Union([CompanyProfileOut, Type.Null()], {
    description: 'Die Fassung, die am Stichtag galt; null ohne Profil',
  }),
  history: Type.Array(
    Type.Object({
      version: Type.Integer(),
      validFrom: Type.String(),
      recordedAt: Type.String({ format: 'date-time' }),
      recordedBy: Type.String(),
      changes: Type.Array(Type.String()),
    }),
    { description: 'Alle Fassungen, neueste zuerst' },
  ),
});

export const SaveAnswer = Type.Object({
  saved: Type.Boolean({ description: 'false: keine Änderung, keine neue Fassung' }),
  version: Type.Union([Type.Integer(), Type.Null()]),
  profile: CompanyProfileOut,
});

// The trace is a recursive tree; documented as an object, its fields as the engine writes them.
const TraceOut = Type.Object(
  {
    ruleId: Type.String(),
    description: Type.String(),
    citation: Type.String(),
    truth: Type.String({ enum: ['met', 'not-met', 'unknown'] }),
    decisive: Type.Boolean(),
  },
  { additionalProperties: true, description: 'Regel mit Ergebnis, Fundstelle und Unterregeln' },
);

export const SmeStatusAnswer = Type.Object({
  date: Type.String({ description: 'Stichtag der Schwellenwerte' }),
  profileVersion: Type.Integer(),
  sizeClass: Type.String({ enum: ['micro', 'small', 'medium', 'large', 'unknown'] }),
  label: Type.String(),
  isSme: Type.Union([Type.Boolean(), Type.Null()]),
  aggregated: Type.Object({
    staffHeadcount: Type.Number(),
    turnoverCents: Type.Union([Type.Integer(), Type.Null()]),
    balanceSheetCents: Type.Union([Type.Integer(), Type.Null()]),
  }),
  steps: Type.Array(Type.Object({ text: Type.String(), citation: Type.String() })),
  traces: Type.Array(TraceOut),
  notes: Type.Array(Type.String()),
});

export const AsOfQuery = Type.Object({
  asOf: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Stichtag JJJJ-MM-TT: die an diesem Tag geltende Fassung (ohne: die aktuelle)',
    }),
  ),
});

const percent = (ppm: number) => ppm / 10_000;

function relationOut(r: ProfileRelation) {
  return {
    name: r.name,
    sharePercent: percent(r.sharePpm),
    staffAwu: r.staffAwu,
    turnoverCents: r.turnoverCents ?? null,
    balanceSheetCents: r.balanceSheetCents ?? null,
  };
}

export function profileOut(p: CompanyProfile) {
  return {
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    version: p.version,
    validFrom: p.validFrom,
    recordedAt: p.recordedAt.toISOString(),
    recordedBy: p.recordedBy?.name ?? null,
    legalForm: p.legalForm,
    legalFormOther: p.legalFormOther ?? null,
    registerCourt: p.registerCourt ?? null,
    registerNumber: p.registerNumber ?? null,
    naceCode: p.naceCode,
    seatAgs: p.seatAgs,
    seat: seatLabel(p.seatAgs),
    staffAwu: p.staffAwu,
    turnoverCents: p.turnoverCents ?? null,
    balanceSheetCents: p.balanceSheetCents ?? null,
    figuresYear: p.figuresYear,
    craftsChamberMember: p.craftsChamberMember,
    trade: p.trade ?? null,
    publicBodiesSharePercent:
      p.publicBodiesSharePpm === undefined ? null : percent(p.publicBodiesSharePpm),
    undertakingInDifficulty: p.undertakingInDifficulty ?? null,
    partners: p.partners.map(relationOut),
    linked: p.linked.map(relationOut),
  };
}

export function smeOut(result: SmeResult, date: string, version: number) {
  return {
    date,
    profileVersion: version,
    sizeClass: result.sizeClass,
    label: result.label,
    isSme: result.isSme ?? null,
    aggregated: {
      staffHeadcount: result.aggregated.staffHeadcount,
      turnoverCents: result.aggregated.turnoverCents ?? null,
      balanceSheetCents: result.aggregated.balanceSheetCents ?? null,
    },
    steps: result.steps,
    traces: [...result.traces],
    notes: result.notes,
  };
}

export function draftFromApi(body: CompanyProfileBodyType): ProfileDraft {
  const relation = (r: Static<typeof RelationSchema>) => ({
    name: r.name,
    share: r.sharePercent,
    staffAwu: r.staffAwu,
    turnoverCents: r.turnoverCents,
    balanceSheetCents: r.balanceSheetCents,
  });
  return {
    validFrom: body.validFrom,
    legalForm: body.legalForm,
    legalFormOther: body.legalFormOther ?? '',
    registerCourt: body.registerCourt ?? '',
    registerNumber: body.registerNumber ?? '',
    naceCode: body.naceCode,
    seatAgs: body.seatAgs,
    staffAwu: body.staffAwu,
    turnoverCents: body.turnoverCents,
    balanceSheetCents: body.balanceSheetCents,
    figuresYear: body.figuresYear,
    craftsChamberMember: body.craftsChamberMember ?? false,
    trade: body.trade ?? '',
    publicBodiesShare: body.publicBodiesSharePercent,
    undertakingInDifficulty: body.undertakingInDifficulty,
    partners: (body.partners ?? []).map(relation),
    linked: (body.linked ?? []).map(relation),
  };
}

const API_NAMES: Record<string, string> = {
  turnover: 'turnoverCents',
  balanceSheet: 'balanceSheetCents',
  share: 'sharePercent',
  publicBodiesShare: 'publicBodiesSharePercent',
};

/** 'partners.0.share' → 'partners.0.sharePercent'; 'turnover' → 'turnoverCents'. */
export function apiFieldErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const parts = e.field.split('.');
    const last = parts.at(-1)!;
    parts[parts.length - 1] = API_NAMES[last] ?? last;
    return { field: parts.join('.'), message: e.message };
  });
}
