/**
 * Export of the de-minimis aid a funding body granted, for entry into the central de-minimis
 * register (Art. 6 VO (EU) 2023/2831: Member States keep a central register from 1 January 2026;
 * Germany uses the Commission's register eAIR). What the register asks for, as the Länder
 * describe it: the beneficiary, the aid amount, the date of granting, the granting authority,
 * the aid instrument and the sector (NACE); entered within 20 working days of the grant. Which
 * identifier of the beneficiary eAIR expects (national register number, VAT number), its column
 * names for the bulk upload and which calendar counts the working days are not verified [open];
 * the export therefore names its own columns and gives both what we know of the company.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addWorkingDays } from '../../law/working-days.ts';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { formatEuroCents } from '../../platform/german-number.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { instrumentLabel, regulationLabel } from './de-minimis.types.ts';
import type { AidInstrument, DeMinimisRegulation } from './de-minimis.types.ts';

type Db = Kysely<Database>;

export interface RegisterRow {
  aidId: string;
  reference: string | null;
  procedureReference: string | null;
  beneficiaryName: string;
  /** The organisation's id on this platform; the national identifier is [open]. */
  beneficiaryPlatformId: string;
  naceCode: string | null;
  grantingAuthority: string;
  grantedOn: string;
  amountCents: number;
  aidInstrument: AidInstrument;
  regulation: DeMinimisRegulation;
  /** 20 working days after the grant (NRW public holidays; [open]). */
  registerDueBy: string;
}

export async function registerRows(db: Db, fundingBodyId: string): Promise<RegisterRow[]> {
  const rows = await db
    .selectFrom('de_minimis_aid as a')
    .innerJoin('organisations as o', 'o.id', 'a.tenant_id')
    .leftJoin('procedures as p', 'p.id', 'a.procedure_id')
    .select([
      'a.id',
      'a.reference',
      'p.reference as procedure_reference',
      'o.name as beneficiary',
      'o.id as beneficiary_id',
      'a.nace_code',
      'a.granting_body',
      'a.granted_on',
      'a.amount_cents',
      'a.aid_instrument',
      'a.regulation',
    ])
    .where('a.source', '=', 'granted')
    .where('a.funding_body_id', '=', fundingBodyId)
    .orderBy('a.granted_on')
    .orderBy('a.recorded_at')
    .execute();
  return rows.map((r) => ({
    aidId: r.id,
    reference: r.reference,
    procedureReference: r.procedure_reference,
    beneficiaryName: r.beneficiary,
    beneficiaryPlatformId: r.beneficiary_id,
    naceCode: r.nace_code,
    grantingAuthority: r.granting_body,
    grantedOn: r.granted_on,
    amountCents: r.amount_cents,
    aidInstrument: r.aid_instrument,
    regulation: r.regulation,
    registerDueBy: addWorkingDays({ start: r.granted_on, days: 20 }).end,
  }));
}

const HEADER = [
  'Beihilfe-ID',
  'Aktenzeichen',
  'Verfahren',
  'Beihilfeempfänger',
  'Kennung des Empfängers (Plattform)',
  'Wirtschaftszweig (NACE)',
  'Bewilligungsbehörde',
  'Tag der Gewährung',
  'Betrag (EUR)',
  'Beihilfeinstrument',
  'Rechtsgrundlage',
  'Eintragung spätestens',
];

/** Semicolon CSV with BOM and German numbers and dates, for Excel in a German office. */
export function registerCsv(rows: readonly RegisterRow[]): string {
  return (
    UTF8_BOM +
    csvRow(HEADER, ';') +
    rows
      .map((r) =>
        csvRow(
          [
            r.aidId,
            r.reference,
            r.procedureReference,
            r.beneficiaryName,
            r.beneficiaryPlatformId,
            r.naceCode,
            r.grantingAuthority,
            formatGermanDateShort(r.grantedOn),
            formatEuroCentsFixed(r.amountCents),
            instrumentLabel(r.aidInstrument),
            regulationLabel(r.regulation),
            formatGermanDateShort(r.registerDueBy),
          ],
          ';',
        ),
      )
      .join('')
  );
}

/** JSON for machine transfer: ISO dates, amounts in cents and as a decimal string in euros. */
export function registerJson(fundingBody: string, rows: readonly RegisterRow[]) {
  return {
    fundingBody,
    legalBasis: 'Art. 6 VO (EU) 2023/2831',
    note: 'Feldnamen des Zentralregisters (eAIR) nicht abgeglichen [open].',
    aid: rows.map((r) => ({
      ...r,
      amountEuro: `${Math.trunc(r.amountCents / 100)}.${String(r.amountCents % 100).padStart(2, '0')}`,
      aidInstrumentLabel: instrumentLabel(r.aidInstrument),
      regulationLabel: regulationLabel(r.regulation),
    })),
  };
}

/** '1.234,50' — always two decimals in a money column. */
export function formatEuroCentsFixed(cents: number): string {
  const whole = formatEuroCents(cents - (cents % 100));
  return `${whole},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}
