import { Type } from '@sinclair/typebox';
import { NullableTimestamp, StringEnum } from '../platform/openapi.ts';

/**
 * Request and response schemas of the permit API (permit.api.routes.ts, finder.routes.tsx). They
 * are the OpenAPI document's content and, for responses, also what Fastify serializes: a field
 * missing here is not sent.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'JJJJ-MM-TT' });
const Numeric = (description: string) =>
  Type.Union([Type.Number(), Type.String()], {
    description: `${description} (Zahl; als Text auch mit Dezimalkomma)`,
  });

const TurbineInput = Type.Object(
  {
    type: Type.Optional(Type.String({ description: 'Anlagentyp' })),
    hubHeightM: Type.Optional(Numeric('Nabenhöhe in m, 10–250')),
    rotorDiameterM: Type.Optional(Numeric('Rotordurchmesser in m, 5–250')),
    ratedPowerKw: Type.Optional(Numeric('Nennleistung in kW')),
    lon: Type.Optional(Numeric('Geografische Länge (WGS84)')),
    lat: Type.Optional(Numeric('Geografische Breite (WGS84)')),
  },
  { additionalProperties: false },
);

const applicationFields = {
  title: Type.Optional(Type.String({ description: 'Bezeichnung des Vorhabens' })),
  permitWish: Type.Optional(
    StringEnum(['auto', 'formal'], {
      description: 'formal: förmliches Verfahren beantragt (§ 19 Abs. 3 BImSchG)',
    }),
  ),
  repowering: Type.Optional(Type.Boolean({ description: 'Repowering (§ 16b BImSchG)' })),
  eiaScreeningOutcome: Type.Optional(
    StringEnum(['not-done', 'eia-required', 'no-eia'], {
      description: 'Ergebnis der UVP-Vorprüfung',
    }),
  ),
  site: Type.Optional(
    Type.Object(
      {
        gemeinde: Type.Optional(Type.String()),
        gemarkung: Type.Optional(Type.String({ description: 'Gemarkungsschlüssel' })),
        flur: Type.Optional(Type.String()),
        flurstueck: Type.Optional(Type.String()),
      },
      { additionalProperties: false, description: 'Standort (Flurstück)' },
    ),
  ),
  turbines: Type.Optional(Type.Array(TurbineInput, { maxItems: 200 })),
  plannedCommissioning: Type.Optional(
    Type.String({ description: 'Geplante Inbetriebnahme (JJJJ-MM)' }),
  ),
  nonTechnicalSummary: Type.Optional(
    Type.String({ description: 'Allgemein verständliche Kurzbeschreibung für die Auslegung' }),
  ),
  investmentCosts: Type.Optional(
    Numeric(
      'Errichtungskosten (Investitionskosten) in Euro, Grundlage der Genehmigungsgebühr, z. B. 4500000 oder "4.500.000,50"',
    ),
  ),
  investmentCostsCents: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10_000_000_000_000,
      description:
        'Errichtungskosten (Investitionskosten) in Euro-Cent, Grundlage der Genehmigungsgebühr; alternativ zu investmentCosts, gespeichert als investmentCostsCents',
    }),
  ),
};

/** § 3 9. BImSchV content; drafts may be incomplete, the submission checks completeness. */
export const CreateApplicationBody = Type.Object(
  {
    authorityId: Type.String({ format: 'uuid', description: 'Zuständige Genehmigungsbehörde' }),
    ...applicationFields,
  },
  { additionalProperties: false },
);

export const SaveApplicationBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ description: 'Stand, auf dem die Änderung beruht (sonst 409 bei Konflikt)' }),
    ),
    ...applicationFields,
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ description: 'Stand, auf dem die Aktion beruht (sonst 409 bei Konflikt)' }),
    ),
    verdict: Type.Optional(
      StringEnum(['no-objection', 'no-objection-with-conditions', 'objection', 'no-comment'], {
        description:
          'record-agency-statement: Ergebnis (keine Bedenken / keine Bedenken mit Nebenbestimmungen / Bedenken mit Begründung / keine Äußerung)',
      }),
    ),
    statement: Type.Optional(
      Type.String({
        maxLength: 10_000,
        description:
          'record-agency-statement: Begründung und Hinweise (bei Bedenken Pflicht; Absätze bleiben erhalten); record-applicant-consent: Erklärung',
      }),
    ),
    conditions: Type.Optional(
      Type.Array(Type.String({ maxLength: 10_000 }), {
        maxItems: 100,
        description:
          'record-agency-statement: vorgeschlagene Nebenbestimmungen, je Eintrag eine (bei „keine Bedenken mit Nebenbestimmungen“ mindestens eine); decide: Nebenbestimmungen',
      }),
    ),
  },
  {
    additionalProperties: true,
    description:
      'Eingaben der Aktion (je nach Aktion, z. B. date, note, agencyOrgIds, statement, decision; give-consent, refuse-consent: reasons, bei Verweigerung Pflicht; replace-consent: agency, reasons); die Verfahrensakte nennt die möglichen Aktionen',
  },
);

export const DocumentUploadBody = Type.Object({
  docType: Type.String({ description: 'Art der Unterlage (Schlüssel aus der Verfahrensakte)' }),
  tradeSecret: Type.Optional(
    Type.String({ enum: ['true', 'false'], description: 'Betriebs- oder Geschäftsgeheimnis' }),
  ),
  neutralSummary: Type.Optional(
    Type.String({ description: 'Neutrale Inhaltsangabe (Pflicht bei Geschäftsgeheimnis)' }),
  ),
  file: Type.String({ format: 'binary', description: 'PDF, PNG oder JPEG, höchstens 25 MB' }),
});

export const Created = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { description: 'Angelegt' },
);

export const ProcedureListItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Nullable(
    Type.String({
      description:
        'Aktenzeichen; null, solange der Antrag ein Entwurf ist (es wird bei der Einreichung vergeben)',
    }),
  ),
  title: Type.String(),
  step: Type.String({ description: 'Verfahrensschritt' }),
  typeKey: Type.String({ description: 'Verfahrensart, z. B. bimschg-simplified' }),
  authority: Type.String(),
  nextDeadline: Nullable(IsoDate),
  nextDeadlineLabel: Nullable(Type.String()),
  nextDeadlineRationale: Nullable(Type.String()),
  overdue: Type.Boolean(),
  caseWorker: Type.Optional(
    Nullable(Type.String({ description: 'Zuständige Sachbearbeitung (nur im Arbeitskorb)' })),
  ),
  deputy: Type.Optional(Nullable(Type.String({ description: 'Vertretung (nur im Arbeitskorb)' }))),
  followUpDue: Type.Optional(Nullable(IsoDate)),
  followUpText: Type.Optional(
    Nullable(Type.String({ description: 'Fällige Wiedervorlage (nur im Arbeitskorb)' })),
  ),
});

export const ProcedureList = Type.Array(ProcedureListItem, {
  description: 'Verfahren, nach nächster Frist geordnet (höchstens 200)',
});

export const CaseFile = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    reference: Nullable(
      Type.String({
        description:
          'Aktenzeichen; null, solange der Antrag ein Entwurf ist (es wird bei der Einreichung vergeben)',
      }),
    ),
    title: Type.String(),
    type: Type.String({ description: 'Verfahrensart' }),
    typeVersion: Type.String({ description: 'Regelversion, nach der das Verfahren läuft' }),
    step: Type.String(),
    stepLabel: Type.String(),
    version: Type.Integer({ description: 'Stand (Anzahl der Ereignisse), für „version“' }),
    authority: Type.String(),
    applicant: Type.String(),
    application: Type.Unknown({ description: 'Antragsinhalt (§ 3 9. BImSchV)' }),
    deadlines: Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        start: IsoDate,
        end: IsoDate,
        status: StringEnum(['running', 'met', 'expired', 'ended', 'cancelled']),
        responsible: Type.String({ description: 'Zuständige Rolle' }),
        rationale: Type.String({ description: 'Begründung der Frist' }),
        citations: Type.Array(Type.String()),
      }),
    ),
    documents: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        docType: Type.String(),
        filename: Type.String(),
        sha256: Type.String(),
        size: Type.Integer(),
        tradeSecret: Type.Boolean(),
      }),
    ),
    missingDocuments: Type.Array(Type.String()),
    missingData: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
      description:
        'Fehlende Angaben im Antrag (das Einreichen bleibt möglich; die Behörde fordert sie nach)',
    }),
    agencies: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        name: Type.String(),
        status: StringEnum(['asked', 'answered', 'no-comment']),
        due: IsoDate,
        consent: Nullable(
          Type.Object(
            {
              kind: StringEnum(['municipality', 'aviation'], {
                description:
                  'Einvernehmen der Gemeinde (§ 36 BauGB) oder Zustimmung der Luftfahrtbehörde (§ 14 LuftVG)',
              }),
              status: StringEnum(['requested', 'given', 'refused', 'deemed-given', 'replaced']),
              due: Nullable(IsoDate),
              reasons: Nullable(Type.String()),
            },
            { description: 'Erbetenes Einvernehmen bzw. erbetene Zustimmung dieser Behörde' },
          ),
        ),
      }),
    ),
    actions: Type.Array(
      Type.Object({ action: Type.String(), label: Type.String(), role: Type.String() }),
    ),
    blockedActions: Type.Array(
      Type.Object({ action: Type.String(), label: Type.String(), reason: Type.String() }),
    ),
  },
  { description: 'Verfahrensakte' },
);

export const ActionResult = Type.Object(
  {
    event: Type.String({ description: 'Art des gespeicherten Ereignisses' }),
    data: Type.Unknown({ description: 'Daten des Ereignisses' }),
  },
  { description: 'Die Aktion wurde ausgeführt' },
);

export const OverrunList = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    reference: Nullable(Type.String({ description: 'Aktenzeichen' })),
    title: Type.String(),
    step: Type.String(),
    authority: Type.String(),
    label: Type.String(),
    end_date: IsoDate,
    responsible: Type.String(),
    escalated_at: NullableTimestamp,
    key: Type.String(),
    kind: Type.String({ description: 'Art der Frist (Schlüssel)' }),
    kindLabel: Type.String({ description: 'Art der Frist' }),
    responsibleLabel: Type.String({ description: 'Wer die Frist einzuhalten hatte' }),
    daysOver: Type.Integer({ description: 'Tage über der Frist' }),
  }),
  { description: 'Abgelaufene Fristen laufender Verfahren (höchstens 500)' },
);

const DeadlineInfo = Type.Object({
  duration: Type.String({ description: 'ISO-8601-Dauer, z. B. P7M' }),
  label: Type.String(),
  extension: Type.Optional(Type.String()),
  citations: Type.Array(Type.String()),
});

const literals = StringEnum;

/** The classifier's result (src/permits/classification/classification.types.ts). */
export const ClassificationResult = Type.Object(
  {
    procedure: literals([
      'none',
      'simplified',
      'formal',
      'repowering-simplified',
      'repowering-formal',
    ]),
    procedureLabel: Type.String(),
    publicParticipation: Type.Boolean(),
    eia: literals([
      'required',
      'general-screening',
      'site-screening',
      'none',
      'replaced-by-windbg',
    ]),
    eiaLabel: Type.String(),
    decisionDeadline: Type.Optional(DeadlineInfo),
    completenessDeadline: Type.Optional(DeadlineInfo),
    agencyStatementDeadline: Type.Optional(DeadlineInfo),
    environmentalScreeningDeadline: Type.Optional(DeadlineInfo),
    reasons: Type.Array(Type.Object({ text: Type.String(), citations: Type.Array(Type.String()) })),
    notes: Type.Array(Type.String()),
    ruleVersion: Type.Object({ key: Type.String(), title: Type.String(), validFrom: IsoDate }),
    areas: Nullable(
      Type.Array(
        Type.Object({
          id: Type.String({ format: 'uuid' }),
          kind: literals(['acceleration', 'wind-energy']),
          name: Type.String(),
          example: Type.Boolean(),
          designation: Type.Record(Type.String(), Type.Unknown()),
        }),
        { description: 'Gebiete am Standort (nur wenn Koordinaten angegeben wurden)' },
      ),
    ),
  },
  { description: 'Verfahrensart, UVP-Einstufung und Fristen mit Begründung' },
);
