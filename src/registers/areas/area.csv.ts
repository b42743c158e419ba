/**
 * The tracker tables and the register as CSV for a spreadsheet in a German office: UTF-8 with
 * BOM, ';' as separator, decimal comma, dates as TT.MM.JJJJ, CRLF, formula-safe cells
 * (platform/csv.ts). Hectares with two decimals, shares with four, so that a share can be checked
 * to 0.01 percentage points.
 */
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { KIND_LABELS, LEGAL_STATUS_LABELS, ROTOR_RULE_LABELS } from './counting-rule.ts';
import {
  fixed,
  germanDate,
  paceAchievedText,
  paceNeededText,
  projectionText,
} from './area.format.ts';
import type { RegisterArea } from './area.queries.ts';
import type { TrackerRow } from './area.tracker.ts';
import { planningRegion, type PlanningRegionKey } from './planning-regions.ts';

const TRACKER_HEADER = [
  'Schlüssel',
  'Name',
  'Zugehörigkeit',
  'Landesfläche (ha)',
  'Ausgewiesen wirksam (ha)',
  'Anteil (%)',
  'Einschließlich Entwürfe (ha)',
  'Ziel',
  'Zielfläche (ha)',
  'Frist',
  'Fehlend (ha)',
  'Tempo erreicht (ha/Jahr)',
  'Tempo nötig (ha/Jahr)',
  'Voraussichtlich erreicht',
  'Ziel ungeprüft',
];

export function trackerCsv(rows: readonly TrackerRow[]): string {
  const lines = [csvRow(TRACKER_HEADER, ';')];
  for (const r of rows)
    lines.push(
      csvRow(
        [
          r.key,
          r.name,
          r.parent ?? '',
          fixed(r.landHa, 2),
          fixed(r.inForceHa, 2),
          fixed(r.sharePercent, 4),
          fixed(r.withDraftsHa, 2),
          r.targetLabel,
          fixed(r.targetHa, 2),
          germanDate(r.deadline),
          fixed(r.missingHa, 2),
          paceAchievedText(r),
          paceNeededText(r),
          projectionText(r.projection),
          r.targetOpen ? 'ja [offen]' : 'nein',
        ],
        ';',
      ),
    );
  return UTF8_BOM + lines.join('');
}

export function registerCsv(areas: readonly RegisterArea[]): string {
  const lines = [
    csvRow(
      [
        'Kennung',
        'Name',
        'Art',
        'Planungsregion',
        'Rechtsstand',
        'Plan',
        'Plandatum',
        'Rotorregel',
        'Fläche (ha)',
        'Angerechnet (ha)',
        'Im Register seit (Stand)',
        'Beispiel',
      ],
      ';',
    ),
  ];
  for (const a of areas)
    lines.push(
      csvRow(
        [
          a.id,
          a.name,
          KIND_LABELS[a.kind],
          a.planningRegion ? planningRegion(a.planningRegion as PlanningRegionKey).name : '',
          LEGAL_STATUS_LABELS[a.legalStatus],
          a.planSource ?? '',
          a.planDate ? germanDate(a.planDate) : '',
          ROTOR_RULE_LABELS[a.rotorRule],
          a.areaHa === null ? '' : fixed(a.areaHa, 2),
          a.countedHa === null ? '' : fixed(a.countedHa, 2),
          germanDate(a.sinceOn),
          a.example ? 'ja' : 'nein',
        ],
        ';',
      ),
    );
  return UTF8_BOM + lines.join('');
}
