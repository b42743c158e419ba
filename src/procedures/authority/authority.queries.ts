import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_REFERENCE_PATTERN, formatReference } from '../reference.ts';
import type { AuthorityProfile, PostalAddress, ProfileField } from './authority.types.ts';

type Handle = Db | Transaction<Database>;

function address(
  street: string | null,
  postalCode: string | null,
  city: string | null,
): PostalAddress | null {
  if (!street || !postalCode || !city) return null;
  return { street, postalCode, city };
}

/**
 * The authority's master data as every document reads it; fields not entered are null (an
 * organisation without a row gets all nulls and the default Aktenzeichen pattern). Signatories in
 * their order, inactive ones included (letters choose among the active ones).
 */
export async function loadAuthorityProfile(
  db: Handle,
  organisationId: string,
): Promise<AuthorityProfile> {
  const organisation = /^[0-9a-f-]{36}$/i.test(organisationId)
    ? await db
        .selectFrom('organisations as o')
        .leftJoin('authority_profiles as p', 'p.organisation_id', 'o.id')
        .select([
          'o.id',
          'o.name',
          'p.department',
          'p.postal_street',
          'p.postal_code',
          'p.postal_city',
          'p.visiting_street',
          'p.visiting_code',
          'p.visiting_city',
          'p.office_hours',
          'p.phone',
          'p.email',
          'p.website',
          'p.logo_sha256',
          'p.logo_media_type',
          'p.bank_holder',
          'p.bank_name',
          'p.bank_iban',
          'p.bank_bic',
          'p.reference_pattern',
          'p.updated_at',
        ])
        .where('o.id', '=', organisationId)
        .executeTakeFirst()
    : undefined;
  if (!organisation) throw new AppError('not_found', 'Diese Organisation gibt es nicht.');
  const signatories = await db
    .selectFrom('authority_signatories')
    .select(['id', 'name', 'function', 'active'])
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const o = organisation;
  return {
    organisationId: o.id,
    name: o.name,
    department: o.department ?? null,
    postalAddress: address(o.postal_street, o.postal_code, o.postal_city),
    visitingAddress: address(o.visiting_street, o.visiting_code, o.visiting_city),
    officeHours: o.office_hours ?? null,
    phone: o.phone ?? null,
    email: o.email ?? null,
    website: o.website ?? null,
    logo:
      o.logo_sha256 && o.logo_media_type
        ? { sha256: o.logo_sha256, mediaType: o.logo_media_type }
        : null,
    bankAccount:
      o.bank_holder && o.bank_name && o.bank_iban
        ? { holder: o.bank_holder, bankName: o.bank_name, iban: o.bank_iban, bic: o.bank_bic }
        : null,
    signatories: signatories.map((s) => ({ ...s })),
    referencePattern: o.reference_pattern ?? DEFAULT_REFERENCE_PATTERN,
    updatedAt: o.updated_at ?? null,
  };
}

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  postalAddress: 'Postanschrift',
  visitingAddress: 'Besucheranschrift',
  officeHours: 'Öffnungszeiten',
  phone: 'Telefon',
  email: 'E-Mail-Adresse',
  bankAccount: 'Bankverbindung',
  signatories: 'Zeichnungsberechtigte Person',
  department: 'Organisationseinheit',
};

export type ProfilePurpose = 'notice' | 'letter' | 'fee-letter';

function present(profile: AuthorityProfile, field: ProfileField): boolean {
  switch (field) {
    case 'signatories':
      return profile.signatories.some((s) => s.active);
    default:
      return profile[field] !== null && profile[field] !== '';
  }
}

/**
 * What a document needs from the master data and is missing, in the order of the form. Only
 * what the law or the document's purpose requires; a missing website or logo never blocks.
 */
export function missingProfileFields(
  profile: AuthorityProfile,
  purpose: ProfilePurpose,
): { field: ProfileField; label: string }[] {
  const needed: ProfileField[] = [];
  if (purpose === 'notice') {
    // § 10 Abs. 4 Nr. 2 BImSchG, § 9 Abs. 1 and § 12 Abs. 1 9. BImSchV: the notice names the
    // authority at which objections can be filed in writing or electronically — its postal
    // address, and its e-mail address as the electronic channel besides the portal's form.
    // § 10 Abs. 3 S. 2–3 BImSchG, § 10 Abs. 1 9. BImSchV: besides the internet, the documents can
    // be inspected on request at the authority (the easy alternative access), so the notice names
    // where (visiting address) and when (office hours).
    // [open] Whether the e-mail address is strictly required when the portal's own form is the
    // electronic channel needs legal sign-off; it is asked for as the fallback channel.
    needed.push('postalAddress', 'visitingAddress', 'officeHours', 'email');
  } else {
    // A letter of an authority shows who issued it and how to reach it (§ 37 Abs. 3 VwVfG NRW:
    // a written administrative act names the issuing authority and bears the signature or the
    // name of its head, their deputy or an authorised person): postal address, phone and e-mail,
    // and an active signatory.
    needed.push('postalAddress', 'phone', 'email', 'signatories');
    // A fee decision (GebG NRW, AVerwGebO NRW) is paid to the authority's cash office; without
    // its account the letter cannot say where to pay. [open] the exact norm for the payment
    // details in the fee decision needs legal sign-off.
    if (purpose === 'fee-letter') needed.push('bankAccount');
  }
  return needed
    .filter((field) => !present(profile, field))
    .map((field) => ({ field, label: PROFILE_FIELD_LABELS[field] }));
}

/** "Postanschrift, Öffnungszeiten" for messages that list what is missing. */
export function missingLabels(missing: { label: string }[]): string {
  return missing.map((m) => m.label).join(', ');
}

export function formatAddress(a: PostalAddress): string {
  return `${a.street}, ${a.postalCode} ${a.city}`;
}

/** The contact block under a mail or letter of the authority, one line each. */
export function contactLines(profile: AuthorityProfile): string[] {
  return [
    profile.name,
    ...(profile.department ? [profile.department] : []),
    ...(profile.postalAddress ? [formatAddress(profile.postalAddress)] : []),
    ...(profile.phone ? [`Telefon: ${profile.phone}`] : []),
    ...(profile.email ? [`E-Mail: ${profile.email}`] : []),
    ...(profile.website ? [`Internet: ${profile.website}`] : []),
  ];
}

/** The contact block that ends every mail of the authority, after the usual "-- " separator. */
export async function authorityMailFooter(db: Handle, organisationId: string): Promise<string> {
  const profile = await loadAuthorityProfile(db, organisationId);
  return `\n\n-- \n${contactLines(profile).join('\n')}`;
}

/**
 * Gives the next Aktenzeichen of the authority for the year: one upsert … returning on the
 * counter row, inside the caller's transaction, so concurrent submissions wait for each other on
 * that row only and each gets its own number; the unique index (tenant_id, reference) on
 * procedures guarantees that no number is given twice.
 */
export async function nextReference(
  trx: Transaction<Database>,
  tenantId: string,
  year: number,
): Promise<string> {
  const counter = await trx
    .insertInto('reference_counters')
    .values({ tenant_id: tenantId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb('reference_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  const profile = await trx
    .selectFrom('authority_profiles')
    .select('reference_pattern')
    .where('organisation_id', '=', tenantId)
    .executeTakeFirst();
  return formatReference(
    profile?.reference_pattern ?? DEFAULT_REFERENCE_PATTERN,
    year,
    counter.last_number,
  );
}
