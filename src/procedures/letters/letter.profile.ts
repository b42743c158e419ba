import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';

/** How the letter engine obtains an authority's master data (`loadAuthorityProfile` in use). */
export type LoadProfile = (
  db: Db | Transaction<Database>,
  organisationId: string,
) => Promise<AuthorityProfile>;

/**
 * The profile as far as the organisation table knows it: the name, nothing else. Used where the
 * authority's master data are not available; a letter then has no signatory to choose, so it
 * cannot be submitted for sign-off.
 */
export const organisationOnlyProfile: LoadProfile = async (db, organisationId) => {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return {
    organisationId: org.id,
    name: org.name,
    department: null,
    postalAddress: null,
    visitingAddress: null,
    officeHours: null,
    phone: null,
    email: null,
    website: null,
    logo: null,
    bankAccount: null,
    signatories: [],
    referencePattern: '',
    updatedAt: null,
  };
};
