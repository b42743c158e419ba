/** Plain snapshots of a formal and a simplified case for the builders' tests and the benchmark. */
import { initialState, type ProcedureState } from '../../procedures/engine/index.ts';
import type { Turbine } from '../application.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../procedure-types/required-documents.ts';
import type { PermitLetterSnapshot, SnapshotCondition, SnapshotDocument } from './snapshot.ts';
import { PROCEDURE_TYPE_VERSIONS } from '../procedure-types/index.ts';

export function fixtureTurbines(count: number): Turbine[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'Enercon E-138 EP3',
    hubHeightM: 160.5,
    rotorDiameterM: 138.3,
    totalHeightM: 230,
    ratedPowerKw: 4200,
    lon: 8.7611 + i * 0.004,
    lat: 51.6205 + i * 0.002,
  }));
}

export function fixtureSnapshot(
  options: {
    typeKey?: 'bimschg-formal' | 'bimschg-simplified';
    turbines?: number;
    conditions?: number;
    documents?: number;
  } = {},
): PermitLetterSnapshot {
  const typeKey = options.typeKey ?? 'bimschg-simplified';
  const type = PROCEDURE_TYPE_VERSIONS.find((t) => t.key === typeKey)!;
  const state: ProcedureState = {
    ...initialState(type),
    step: 'decision-drafting',
    submittedAt: '2026-03-02',
    completeness: {
      date: '2026-03-20',
      timetable: 'Beteiligung der Behörden bis April 2026\nEntscheidung bis Juni 2026',
    },
    documentRequests: [
      {
        id: 'N1',
        items: ['noise-forecast', 'Artenschutzgutachten (Fledermäuse)'],
        period: 'P1M',
        requestedAt: '2026-03-05',
        answeredAt: '2026-03-19',
        documents: [],
      },
    ],
    participation:
      typeKey === 'bimschg-formal'
        ? {
            noticeDate: '2026-04-01',
            displayStart: '2026-04-09',
            displayEnd: '2026-05-08',
            objectionEnd: '2026-05-22',
            eiaRequired: false,
          }
        : null,
  };
  const conditions: SnapshotCondition[] = Array.from(
    { length: options.conditions ?? 3 },
    (_, i) => ({
      category: ['Schallschutz', 'Schattenwurf', 'Naturschutz', 'Rückbau'][i % 4]!,
      text: `Nebenbestimmung Nummer ${i + 1}: Die Anlage ist so zu betreiben, wie es die Prognose annimmt.`,
      source: 'catalogue',
      status: 'adopted',
      agencyName: null,
      reason: null,
    }),
  );
  const documents: SnapshotDocument[] = Array.from({ length: options.documents ?? 4 }, (_, i) => ({
    label: WIND_REQUIRED_DOCUMENTS[i % WIND_REQUIRED_DOCUMENTS.length]!.label,
    filename: `unterlage-${i + 1}.pdf`,
    uploadedOn: '2026-03-02',
    tradeSecret: i === 3,
  }));
  return {
    reference: '53.0001/2026-BImSchG',
    title: 'Windpark Sintfeld',
    typeKey,
    authorityName: 'Kreis Paderborn',
    applicant: { name: 'Sintfeld Wind GmbH', lines: ['Am Windpark 1', '33181 Bad Wünnenberg'] },
    today: '2026-06-10',
    submittedOn: '2026-03-02',
    site: { gemeinde: 'Bad Wünnenberg', gemarkung: 'Fürstenberg', flur: '3', flurstueck: '12' },
    turbines: fixtureTurbines(options.turbines ?? 3),
    investmentCostsCents: 1_850_000_000,
    state,
    documents,
    requiredDocuments: WIND_REQUIRED_DOCUMENTS.map((d) => ({
      key: d.key,
      label: d.label,
      provided: true,
    })),
    conditions,
    agencies: [
      {
        name: 'Stadt Bad Wünnenberg',
        status: 'answered',
        statement: 'Keine Bedenken.',
        askedOn: '2026-03-20',
        dueOn: '2026-04-20',
        answeredOn: '2026-04-10',
        consent: { kind: 'municipality', status: 'deemed-given', dueOn: '2026-05-20' },
      },
    ],
    assessments:
      typeKey === 'bimschg-formal'
        ? [
            {
              label: 'Lärm',
              assessment: 'Die Richtwerte werden eingehalten.',
              objections: 12,
              signatures: 40,
              statements: 1,
            },
          ]
        : [],
    objectionCount: typeKey === 'bimschg-formal' ? 12 : 0,
    milestones: [
      {
        on: '2026-03-02',
        text: 'Der Antrag ist mit den Antragsunterlagen elektronisch eingegangen.',
      },
    ],
    documentRequestDeadlines: { N1: '2026-04-06' },
    decisionDeadline: '2026-06-22',
    fee: {
      amountCents: 9_250_000,
      tariff: 'Tarifstelle 15a.1.1 des Allgemeinen Gebührentarifs (AVerwGebO NRW)',
      trace: ['Investitionskosten 18.500.000,00 €'],
      dueOn: '2026-07-10',
    },
    bank: {
      holder: 'Kreiskasse Paderborn',
      bankName: 'Sparkasse Paderborn-Detmold',
      iban: 'DE02476501300000001234',
      bic: 'WELADE3LXXX',
    },
    remedies: [
      'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden.',
    ],
  };
}
