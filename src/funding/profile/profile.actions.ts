import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { berlinDay, loadNewestVersion } from './profile.queries.ts';
import { sameValues } from './profile.history.ts';
import { checkProfileDraft, type ProfileDraft } from './profile.validation.ts';
import type { ProfileValues } from './profile.types.ts';

export interface CompanyOrganisation {
  id: string;
  name: string;
}

/**
 * The company whose profile the actor keeps: an organisation of kind 'company' in which they
 * hold the role 'applicant'. Everyone else (authorities, agencies, the platform's admins, other
 * companies' staff for this company) is refused; the policy action guards the routes, this the
 * use case.
 */
export function ownCompany(actor: Actor): CompanyOrganisation {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const membership = actor.memberships.find(
    (m) => m.role === 'applicant' && m.organisationKind === 'company',
  );
  if (!membership) {
    throw new AppError(
      'forbidden',
      'Das Unternehmensprofil führen nur Mitglieder eines Unternehmens (Antragstellung).',
    );
  }
  return { id: membership.organisationId, name: membership.organisationName };
}

/**
 * Saves the profile as a new version: load → authorize → check → write, in one transaction. The
 * company's row is locked so that two saves at once get consecutive version numbers. A save that
 * changes nothing (same values, same valid-from as the version saved last) writes none. Returns
 * the new version's number, or undefined when nothing was saved.
 */
export async function saveCompanyProfile(options: {
  db: Db;
  actor: Actor;
  draft: ProfileDraft;
  now: Date;
}): Promise<{ version: number | undefined }> {
  const { db, actor, draft, now } = options;
  const company = ownCompany(actor);
  const checked = checkProfileDraft(draft, {
    organisationName: company.name,
    today: berlinDay(now),
  });
  if (checked.errors.length > 0 || !checked.values) {
    throw new AppError(
      'validation',
      checked.errors.map((e) => e.message).join(' '),
      checked.errors,
    );
  }
  const values = checked.values;
  const userId = actor.kind === 'user' ? actor.userId : null;
  const created = await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', company.id)
      .where('kind', '=', 'company')
      .forUpdate()
      .executeTakeFirstOrThrow();
    const newest = await loadNewestVersion(trx, company.id);
    if (newest && sameValues(newest, values)) return undefined;
    return insertProfileVersion(trx, company.id, values, { recordedAt: now, userId });
  });
  return { version: created };
}

/**
 * Writes one new version with its partner and linked enterprises; the caller holds the lock on
 * the company's row (version numbers are consecutive) and owns the transaction.
 */
export async function insertProfileVersion(
  trx: Transaction<Database>,
  companyId: string,
  values: ProfileValues,
  meta: { recordedAt: Date; userId: string | null },
): Promise<number> {
  const next = await trx
    .selectFrom('company_profile_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('tenant_id', '=', companyId)
    .executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('company_profile_versions')
    .values({
      tenant_id: companyId,
      version: next.next,
      valid_from: values.validFrom,
      recorded_at: meta.recordedAt,
      recorded_by: meta.userId,
      legal_form: values.legalForm,
      legal_form_other: values.legalFormOther ?? null,
      register_court: values.registerCourt ?? null,
      register_number: values.registerNumber ?? null,
      nace_code: values.naceCode,
      seat_ags: values.seatAgs,
      staff_awu: values.staffAwu.toFixed(2),
      turnover_cents: values.turnoverCents ?? null,
      balance_sheet_cents: values.balanceSheetCents ?? null,
      figures_year: values.figuresYear,
      crafts_chamber_member: values.craftsChamberMember,
      crafts_trade: values.trade ?? null,
      public_bodies_share_ppm: values.publicBodiesSharePpm ?? null,
      undertaking_in_difficulty: values.undertakingInDifficulty ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const relations = [
    ...values.partners.map((r, position) => ({ r, position, kind: 'partner' as const })),
    ...values.linked.map((r, position) => ({ r, position, kind: 'linked' as const })),
  ];
  if (relations.length > 0) {
    await trx
      .insertInto('company_profile_relations')
      .values(
        relations.map(({ r, position, kind }) => ({
          tenant_id: companyId,
          version_id: version.id,
          kind,
          position,
          name: r.name,
          share_ppm: r.sharePpm,
          staff_awu: r.staffAwu.toFixed(2),
          turnover_cents: r.turnoverCents ?? null,
          balance_sheet_cents: r.balanceSheetCents ?? null,
        })),
      )
      .execute();
  }
  return version.version;
}
