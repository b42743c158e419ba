/**
 * The award list as CSV for a spreadsheet in a German office: UTF-8 with BOM, ';' as separator,
 * decimal comma, dates as TT.MM.JJJJ, CRLF, formula-safe cells (platform/csv.ts). Streamed batch by
 * batch, so memory stays flat however long the list grows.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { AwardRecipientSize, Database } from '../../db/schema.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { formatEuroCentsFixed } from '../de-minimis/de-minimis.register.ts';
import { instrumentLabel } from '../de-minimis/de-minimis.types.ts';
import type { AwardFilters } from './award.filters.ts';
import { allAwards, type PublicAward } from './award.queries.ts';

export const SIZE_LABELS: Record<AwardRecipientSize, string> = {
  small: 'kleines Unternehmen',
  medium: 'mittleres Unternehmen',
  large: 'großes Unternehmen',
};

export const CSV_HEADER = [
  'Kennung',
  'Tag der Bewilligung',
  'Bewilligungsbehörde',
  'Zuwendungsempfänger',
  'Gemeinde',
  'Gemeindeschlüssel',
  'Kreis',
  'Kreisschlüssel',
  'Unternehmensgröße',
  'Wirtschaftszweig (NACE)',
  'Förderprogramm',
  'Programmkennung',
  'Rechtsgrundlage',
  'Beihilfeinstrument',
  'Betrag (EUR)',
  'Zweck',
  'Aktenzeichen',
] as const;

export function awardCsvRecord(a: PublicAward): string {
  return csvRow(
    [
      a.id,
      formatGermanDateShort(a.grantedOn),
      a.fundingBody,
      a.recipientName,
      a.gemeinde,
      a.ags,
      a.kreis,
      a.kreisKey,
      a.size ? SIZE_LABELS[a.size] : null,
      a.naceCode,
      a.programmeTitle,
      a.programmeId,
      a.aidBasis,
      instrumentLabel(a.aidInstrument),
      formatEuroCentsFixed(a.amountCents),
      a.purpose,
      a.reference,
    ],
    ';',
  );
}

async function* csvChunks(
  db: Kysely<Database>,
  filters: AwardFilters,
  now: Date,
): AsyncGenerator<Buffer, void, undefined> {
  yield Buffer.from(UTF8_BOM + csvRow(CSV_HEADER, ';'), 'utf8');
  for await (const batch of allAwards(db, { filters, now })) {
    yield Buffer.from(batch.map(awardCsvRecord).join(''), 'utf8');
  }
}

export function streamAwardCsv(db: Kysely<Database>, filters: AwardFilters, now: Date): Readable {
  return Readable.from(csvChunks(db, filters, now), { objectMode: false });
}
