import type { Db } from '../../db/database.ts';
import type { OrganisationKind, Role } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';
import type { LetterBuilder } from './letter.builder.ts';
import { contentFixture, PROFILE_FIXTURE } from './letter.fixtures.ts';
import { LETTER_KINDS, LETTER_KIND_LABELS } from './letter.kinds.ts';
import type { LoadProfile } from './letter.profile.ts';
import { fillPlaceholders } from './letter.templates.ts';

/** A procedure type of the tests only, with a builder that writes every letter kind. */
export const TEST_TYPE = 'letter-test';
export const TEST_PASSWORD = 'Test-Passwort-2026';

/** Builds every kind; the authority's intro text with its placeholders filled opens the letter. */
export const testBuilder: LetterBuilder = {
  availableKinds: () => [...LETTER_KINDS],
  async build(kind, ctx) {
    const procedure = await ctx.db
      .selectFrom('procedures')
      .select(['reference', 'title'])
      .where('id', '=', ctx.procedureId)
      .executeTakeFirstOrThrow();
    const base = contentFixture();
    const intro = fillPlaceholders(ctx.templates[kind].intro, {
      aktenzeichen: procedure.reference ?? undefined,
      vorhaben: procedure.title,
      antragsteller: base.addressee.name,
    });
    return {
      ...base,
      kind,
      subject: `${LETTER_KIND_LABELS[kind]} – ${procedure.title}`,
      blocks: [{ kind: 'paragraph', text: intro }, ...base.blocks],
    };
  },
};

export interface LetterWorld {
  tenantId: string;
  otherTenantId: string;
  applicantOrgId: string;
  agencyOrgId: string;
  procedureId: string;
  reference: string;
  users: Record<
    | 'drafter'
    | 'drafter2'
    | 'supervisor'
    | 'dual'
    | 'otherSupervisor'
    | 'applicant'
    | 'agency'
    | 'admin',
    { id: string; email: string; actor: Actor }
  >;
  profile: AuthorityProfile;
  loadProfile: LoadProfile;
}

/**
 * Two authorities, an applicant and an agency, their people, and one submitted procedure at the
 * first authority: what the letter tests need, written straight into the database.
 */
export async function seedLetterWorld(db: Db, typeKey = TEST_TYPE): Promise<LetterWorld> {
  const org = async (name: string, kind: OrganisationKind) =>
    (
      await db
        .insertInto('organisations')
        .values({ name, kind })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const tenantId = await org('Kreis Lippe (Test)', 'authority');
  const otherTenantId = await org('Kreis Höxter (Test)', 'authority');
  const applicantOrgId = await org('Windpark Egge GmbH & Co. KG (Test)', 'company');
  const agencyOrgId = await org('Wasserbehörde (Test)', 'agency');
  const names: Record<string, string> = {
    [tenantId]: 'Kreis Lippe (Test)',
    [otherTenantId]: 'Kreis Höxter (Test)',
    [applicantOrgId]: 'Windpark Egge GmbH & Co. KG (Test)',
    [agencyOrgId]: 'Wasserbehörde (Test)',
  };
  const kinds: Record<string, OrganisationKind> = {
    [tenantId]: 'authority',
    [otherTenantId]: 'authority',
    [applicantOrgId]: 'company',
    [agencyOrgId]: 'agency',
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const person = async (email: string, name: string, roles: [string, Role][]) => {
    const user = await db
      .insertInto('users')
      .values({ email, display_name: name, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [organisation_id, role] of roles)
      await db
        .insertInto('memberships')
        .values({ user_id: user.id, organisation_id, role })
        .execute();
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      email,
      displayName: name,
      via: 'session',
      memberships: roles.map(([organisationId, role]) => ({
        organisationId,
        organisationName: names[organisationId]!,
        organisationKind: kinds[organisationId]!,
        role,
      })),
    };
    return { id: user.id, email, actor };
  };
  const users = {
    drafter: await person('sb@lippe.test', 'Sina Bearbeiterin', [[tenantId, 'case_worker']]),
    drafter2: await person('sb2@lippe.test', 'Theo Bearbeiter', [[tenantId, 'case_worker']]),
    supervisor: await person('leitung@lippe.test', 'Lena Leitung', [[tenantId, 'supervisor']]),
    dual: await person('beides@lippe.test', 'Doris Doppelrolle', [
      [tenantId, 'case_worker'],
      [tenantId, 'supervisor'],
    ]),
    otherSupervisor: await person('leitung@hoexter.test', 'Hugo Höxter', [
      [otherTenantId, 'supervisor'],
    ]),
    applicant: await person('antrag@egge.test', 'Anna Antrag', [[applicantOrgId, 'applicant']]),
    agency: await person('toeb@wasser.test', 'Willi Wasser', [[agencyOrgId, 'agency_member']]),
    admin: await person('admin@lippe.test', 'Ada Admin', [[tenantId, 'admin']]),
  };
  const reference = '53.0007/2026-BImSchG';
  const procedure = await db
    .insertInto('procedures')
    .values({
      tenant_id: tenantId,
      applicant_org_id: applicantOrgId,
      reference,
      title: 'Windpark Egge',
      type_key: typeKey,
      type_version: '2026-01',
      step: 'review',
      state: JSON.stringify({}),
      submitted_at: new Date('2026-11-02T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const profile: AuthorityProfile = {
    ...PROFILE_FIXTURE,
    organisationId: tenantId,
    name: 'Kreis Lippe',
  };
  return {
    tenantId,
    otherTenantId,
    applicantOrgId,
    agencyOrgId,
    procedureId: procedure.id,
    reference,
    users,
    profile,
    loadProfile: async () => profile,
  };
}
