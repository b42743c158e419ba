import { formatGermanDateShort } from '../law/index.ts';
import { csvRow, UTF8_BOM } from '../platform/csv.ts';
import { referenceLabel } from '../procedures/reference.ts';
import type { OverrunRow } from './overrun.queries.ts';

const HEADER = [
  'Aktenzeichen',
  'Vorhaben',
  'Behörde',
  'Frist',
  'Art der Frist',
  'Verantwortlich',
  'Fristende',
  'Tage überschritten',
  'An die Aufsicht gemeldet',
];

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/**
 * The overrun report as CSV for a spreadsheet in a German office: UTF-8 with BOM, ';' as
 * separator, dates as TT.MM.JJJJ (Excel with the German locale reads all three as intended).
 */
export function overrunsCsv(rows: readonly OverrunRow[]): string {
  const lines = rows.map((r) =>
    csvRow(
      [
        referenceLabel(r.reference),
        r.title,
        r.authority,
        r.label,
        r.kindLabel,
        r.responsibleLabel,
        formatGermanDateShort(r.end_date),
        r.daysOver,
        r.escalated_at ? `ja, ${formatGermanDateShort(BERLIN_DAY.format(r.escalated_at))}` : 'nein',
      ],
      ';',
    ),
  );
  return UTF8_BOM + csvRow(HEADER, ';') + lines.join('');
}
