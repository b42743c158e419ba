/**
 * Demo calls of the demo funding body: a budget line with its appropriation for the
 * transformation concepts (single-stage) and one for progres.nrw solar process heat run as a
 * two-stage competitive call, for this year and the next, all marked as examples.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { postAppropriation } from '../ledger/ledger.actions.ts';
import { insertProfileVersion } from '../profile/profile.actions.ts';

const CALLS = [
  {
    programme_id: 'nrw-transformationskonzepte',
    budget_line: '1410/686 31',
    label: 'Transformationskonzepte (Beispiel)',
    call_mode: 'single' as const,
    appropriationCents: 500_000_000,
  },
  {
    programme_id: 'progres-klimaschutztechnik-solare-prozesswaerme',
    budget_line: '1410/892 40',
    label: 'Solare Prozesswärme – Wettbewerbsaufruf (Beispiel)',
    call_mode: 'two-stage-competitive' as const,
    appropriationCents: 200_000_000,
  },
];

export async function seedFundingCalls(
  trx: Transaction<Database>,
  fundingBodyId: string,
  today: Date = new Date(),
): Promise<void> {
  const year = today.getUTCFullYear();
  for (const y of [year, year + 1]) {
    for (const call of CALLS) {
      const { appropriationCents, ...line } = call;
      const row = await trx
        .insertInto('funding_budget_lines')
        .values({ ...line, tenant_id: fundingBodyId, year: y })
        .returning('id')
        .executeTakeFirstOrThrow();
      await postAppropriation(trx, {
        tenantId: fundingBodyId,
        lineId: row.id,
        amountCents: appropriationCents,
        reason: `Haushaltsansatz ${y} (Beispiel)`,
        userId: null,
      });
    }
  }
}

/**
 * A medium-sized foundry in Soest (casting of iron, WZ 24.51) as the demo applicant for the
 * transformation concepts: the windpark company is not a manufacturer. Figures are invented.
 */
export async function seedFoundryProfile(
  trx: Transaction<Database>,
  companyId: string,
): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'antrag@giesserei-hellweg.example')
    .executeTakeFirst();
  await insertProfileVersion(
    trx,
    companyId,
    {
      validFrom: '2025-12-31',
      legalForm: 'gmbh',
      registerCourt: 'Amtsgericht Arnsberg',
      registerNumber: 'HRB 4711',
      naceCode: '24.51',
      seatAgs: '05974040',
      staffAwu: 86,
      turnoverCents: 1_840_000_000,
      balanceSheetCents: 1_210_000_000,
      figuresYear: 2025,
      craftsChamberMember: false,
      undertakingInDifficulty: false,
      partners: [],
      linked: [],
    },
    { recordedAt: new Date('2026-02-10T09:00:00+01:00'), userId: user?.id ?? null },
  );
}
