import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertProfileVersion } from './profile.actions.ts';
import type { ProfileValues } from './profile.types.ts';

/**
 * The demo company's profile in two versions, so the page shows a history: the 2024 figures
 * (a small enterprise with one partner), then the 2025 figures with the general partner as a
 * linked enterprise, which make it a medium enterprise (turnover and balance sheet above 10 Mio. €
 * once partner and linked figures are added, Anhang I Art. 2 and 6 AGVO). Figures are invented.
 */
const FIRST: ProfileValues = {
  validFrom: '2024-12-31',
  legalForm: 'gmbh-co-kg',
  registerCourt: 'Amtsgericht Paderborn',
  registerNumber: 'HRA 7311',
  naceCode: '35.11',
  seatAgs: '05774028',
  staffAwu: 11.5,
  turnoverCents: 920_000_000,
  balanceSheetCents: 3_800_000_000,
  figuresYear: 2024,
  craftsChamberMember: false,
  undertakingInDifficulty: false,
  partners: [
    {
      name: 'Bürgerwind Sintfeld eG (Beispiel)',
      sharePpm: 300_000,
      staffAwu: 3,
      turnoverCents: 120_000_000,
      balanceSheetCents: 600_000_000,
    },
  ],
  linked: [],
};

const SECOND: ProfileValues = {
  ...FIRST,
  validFrom: '2025-12-31',
  staffAwu: 14,
  turnoverCents: 1_280_000_000,
  balanceSheetCents: 4_100_000_000,
  figuresYear: 2025,
  partners: [
    {
      ...FIRST.partners[0]!,
      staffAwu: 3.5,
      turnoverCents: 140_000_000,
      balanceSheetCents: 650_000_000,
    },
  ],
  linked: [
    {
      name: 'Windpark Sintfeld Verwaltungs-GmbH (Beispiel)',
      sharePpm: 1_000_000,
      staffAwu: 1,
      turnoverCents: 5_000_000,
      balanceSheetCents: 10_000_000,
    },
  ],
};

/** Saved by the demo company's applicant (found by e-mail: the seed gives no ids back). */
export async function seedCompanyProfile(
  trx: Transaction<Database>,
  companyId: string,
  applicantEmail = 'antrag@windpark-sintfeld.example',
): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', applicantEmail)
    .executeTakeFirst();
  const userId = user?.id ?? null;
  await insertProfileVersion(trx, companyId, FIRST, {
    recordedAt: new Date('2025-03-14T10:15:00+01:00'),
    userId,
  });
  await insertProfileVersion(trx, companyId, SECOND, {
    recordedAt: new Date('2026-04-20T09:30:00+02:00'),
    userId,
  });
}
