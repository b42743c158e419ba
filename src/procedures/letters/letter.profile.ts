import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';

/**
 * How the letter engine obtains an authority's master data: `loadAuthorityProfile` in the app,
 * a fixed profile in tests of the engine.
 */
export type LoadProfile = (
  db: Db | Transaction<Database>,
  organisationId: string,
) => Promise<AuthorityProfile>;
