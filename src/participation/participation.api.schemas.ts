import { Type } from '@sinclair/typebox';
import { StringEnum } from '../platform/openapi.ts';

/**
 * Response schemas of the participation API (objections, receipts, groups, exports). They are the
 * OpenAPI document's content and what Fastify serializes. The receipt objects stay open to further
 * fields (additionalProperties): their canonical form is documented with the receipt itself.
 */

export const Challenge = Type.Object(
  {
    challenge: Type.String({ description: 'Aufgabe (signiert, zeitlich begrenzt)' }),
    difficulty: Type.Integer({ description: 'Geforderte führende Null-Bits' }),
  },
  { description: 'Rechenaufgabe für die nächste Einsendung' },
);

const receiptFields = {
  reference: Type.String({ description: 'Eingangsnummer, z. B. EW-2026-0000001' }),
  receivedAt: Type.String({ format: 'date-time', description: 'Eingangszeit (UTC)' }),
  sha256: Type.String({ description: 'SHA-256 über Text und Anhänge (Hex)' }),
  hashVersion: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Prüfverfahren der Prüfsumme (siehe Beschreibung)' }),
  ),
  late: Type.Boolean({ description: 'nach Ende der Einwendungsfrist eingegangen' }),
};

export const SubmissionReceipt = Type.Object(
  {
    ...receiptFields,
    early: Type.Optional(
      Type.Union([Type.Literal('before-notice'), Type.Literal('before-display'), Type.Null()], {
        description:
          'Eingang vor der Bekanntmachung (before-notice) oder vor Beginn der Auslegung (before-display): gespeichert und gekennzeichnet; sonst null',
      }),
    ),
    statusUrl: Type.String({ description: 'Adresse der Statusseite dieser Einwendung' }),
  },
  { additionalProperties: true, description: 'Eingangsbestätigung' },
);

export const PublicReceipt = Type.Object(
  {
    ...receiptFields,
    procedure: Type.Object({
      reference: Type.String({ description: 'Aktenzeichen' }),
      title: Type.String(),
    }),
  },
  { additionalProperties: true, description: 'Eingangsbestätigung ohne personenbezogene Daten' },
);

export const ObjectionGroups = Type.Array(
  Type.Object({
    groupId: Type.String({ format: 'uuid' }),
    confirmed: Type.Boolean({ description: 'von der Sachbearbeitung bestätigt' }),
    representative: Type.Union([
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        externalRef: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    members: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        reference: Type.String({ description: 'Eingangsnummer' }),
        externalRef: Type.Union([Type.String(), Type.Null()], {
          description: 'Kennung aus dem Import (z. B. Aktenzeichen des Papiereingangs)',
        }),
      }),
    ),
  }),
  { description: 'Gruppen gleichförmiger Einwendungen (§ 17 VwVfG)' },
);

export const GroupComputation = Type.Object(
  {
    considered: Type.Integer({ description: 'geprüfte Einwendungen' }),
    groups: Type.Integer({ description: 'betroffene Gruppen' }),
    created: Type.Integer(),
    dissolved: Type.Integer(),
    unchanged: Type.Integer(),
    grouped: Type.Integer({ description: 'Einwendungen in Gruppen' }),
    durationMs: Type.Integer(),
    phasesMs: Type.Object({ load: Type.Integer(), detect: Type.Integer(), write: Type.Integer() }),
  },
  { additionalProperties: true, description: 'Ergebnis der Erkennung' },
);

const IsoDate = Type.String({ format: 'date', description: 'JJJJ-MM-TT' });

export const PublicProcedure = Type.Object({
  id: Type.String({ format: 'uuid', description: 'ID für die Einwendungs-API' }),
  reference: Type.String({ description: 'Aktenzeichen' }),
  title: Type.String({ description: 'Vorhaben' }),
  authority: Type.String({ description: 'Genehmigungsbehörde' }),
  municipality: Type.String({ description: 'Gemeinde des Standorts' }),
  phase: StringEnum(['announced', 'display', 'objections', 'ended'], {
    description:
      'announced: bekannt gemacht, Auslegung beginnt noch; display: Auslegung; objections: nach der Auslegung bis Ende der Einwendungsfrist; ended: Einwendungsfrist beendet',
  }),
  phaseLabel: Type.String({ description: 'Stand in Worten, wie auf der Seite' }),
  noticeDate: IsoDate,
  displayStart: IsoDate,
  displayEnd: IsoDate,
  objectionEnd: Type.String({
    format: 'date',
    description: 'Ende der Einwendungsfrist (§ 10 Abs. 3 S. 4 BImSchG)',
  }),
  acceptsObjections: Type.Boolean({
    description: 'Einwendungen werden angenommen (nach Fristende als verspätet gekennzeichnet)',
  }),
  links: Type.Object({
    page: Type.String({ description: 'Auslegung mit Unterlagen' }),
    objectionForm: Type.String({ description: 'Formular für Einwendungen' }),
    objectionApi: Type.String({ description: 'POST: Einwendung über die API' }),
  }),
});

export const PublicProcedurePage = Type.Object(
  {
    items: Type.Array(PublicProcedure),
    page: Type.Integer(),
    perPage: Type.Integer(),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Adresse der nächsten Seite' }),
    previous: Type.Union([Type.String(), Type.Null()], {
      description: 'Adresse der vorigen Seite',
    }),
  },
  { description: 'Eine Seite der Verfahren' },
);
