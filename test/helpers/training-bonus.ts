import type { Actor } from '../../src/platform/auth/actor.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { userActor } from '../../src/platform/auth/auth.queries.ts';
import { insertProfileVersion } from '../../src/funding/profile/profile.actions.ts';
import type { ProfileValues } from '../../src/funding/profile/profile.types.ts';
import type { ClaimDraft } from '../../src/funding/training-bonus/training.rules.ts';
import type { Db } from '../../src/db/database.ts';
import { createBudgetLine } from '../../src/funding/ledger/budget-lines.ts';
import { postAppropriation } from '../../src/funding/ledger/ledger.actions.ts';
import { BONUS_PROGRAMME_ID } from '../../src/funding/training-bonus/training.funds.ts';
import type { OrganisationKind, Role } from '../../src/db/schema.ts';

/** An SHK firm in NRW, member of a chamber of crafts: passes the firm checks. */
export const SHK_PROFILE: ProfileValues = {
  validFrom: '2025-12-31',
  legalForm: 'gmbh',
  registerCourt: 'Amtsgericht Arnsberg',
  registerNumber: 'HRB 1234',
  naceCode: '43.22',
  seatAgs: '05958004',
  staffAwu: 12,
  turnoverCents: 150_000_000,
  balanceSheetCents: 80_000_000,
  figuresYear: 2025,
  craftsChamberMember: true,
  trade: 'shk',
  undertakingInDifficulty: false,
  partners: [],
  linked: [],
};

/** An organisation with one member; returns both ids and the member's actor. */
export async function addMember(
  db: Db,
  options: { org: string; kind: OrganisationKind; email: string; role: Role; orgId?: string },
): Promise<{ orgId: string; userId: string; actor: () => Promise<Actor> }> {
  const orgId =
    options.orgId ??
    (
      await db
        .insertInto('organisations')
        .values({ name: options.org, kind: options.kind })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const user = await db
    .insertInto('users')
    .values({
      email: options.email,
      display_name: options.org,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning(['id', 'email', 'display_name'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ user_id: user.id, organisation_id: orgId, role: options.role })
    .execute();
  return { orgId, userId: user.id, actor: () => userActor(db, user, 'session') };
}

export async function addProfile(db: Db, companyId: string, values: Partial<ProfileValues> = {}) {
  await db.transaction().execute((trx) =>
    insertProfileVersion(
      trx,
      companyId,
      { ...SHK_PROFILE, ...values },
      {
        recordedAt: new Date('2026-01-05T09:00:00Z'),
        userId: null,
      },
    ),
  );
}

export function claimDraft(overrides: Partial<ClaimDraft> = {}): ClaimDraft {
  return {
    familyName: 'Beispiel',
    givenName: 'Erika',
    birthDate: '1985-04-12',
    role: 'planner',
    courseCode: 'VDI4645-GRUNDLAGEN',
    courseStart: '2026-10-05',
    courseEnd: '2026-10-07',
    trainingDays: '3',
    iban: 'DE89 3704 0044 0532 0130 00',
    bic: 'COBADEFFXXX',
    accountHolder: 'Heizung Beispiel GmbH',
    ...overrides,
  };
}

/**
 * The funding body's budget line of the training bonus for `year` with `cents` appropriated;
 * claims that pass their checks are approved only with funds bound on it.
 */
export async function bonusLine(
  db: Db,
  tenantId: string,
  budgetLine: string,
  cents: number,
  year = '2026',
): Promise<string> {
  const lineId = await createBudgetLine({
    db,
    tenantId,
    userId: null,
    input: { programmeId: BONUS_PROGRAMME_ID, budgetLine, year, label: 'Bildungsprämie' },
  });
  if (cents > 0)
    await db.transaction().execute((trx) =>
      postAppropriation(trx, {
        tenantId,
        lineId,
        amountCents: cents,
        reason: 'Haushaltsansatz Bildungsprämie',
        userId: null,
      }),
    );
  return lineId;
}
