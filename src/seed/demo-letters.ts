/**
 * The demo signs its decisions the way an authority does: a case worker drafts the letter, a
 * second person (a supervisor of the same authority, created here for the demo) signs it off,
 * then the procedure action that delivers, publishes, refuses or rejects may pass.
 */
import type { Db } from '../db/database.ts';
import { closingLetterKind } from '../permits/decision.actions.ts';
import { PERMIT_LETTER_BUILDERS } from '../permits/letters/letter-builder.ts';
import { findProcedure } from '../permits/permit.queries.ts';
import type { PermitDeps } from '../permits/permit.types.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { userActor } from '../platform/auth/auth.queries.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { loadAuthorityProfile } from '../procedures/authority/authority.queries.ts';
import { draftLetter, requestSignOff } from '../procedures/letters/letter.actions.ts';
import { signOff } from '../procedures/letters/letter.signing.ts';
import type { LetterKind } from '../procedures/letters/letter.types.ts';
import { DEMO_PASSWORD } from './demo.ts';

/** The letter an action waits for, or null (see letterSigned in the procedure types). */
export async function letterForAction(
  db: Db,
  procedureId: string,
  action: string,
): Promise<LetterKind | null> {
  if (action === 'refuse') return 'refusal';
  if (action === 'reject-incomplete') return 'rejection';
  if (action !== 'deliver-decision' && action !== 'publish-decision') return null;
  const row = await findProcedure(db, procedureId);
  return row ? closingLetterKind(row.state) : null;
}

/** A signing supervisor and a signatory for the authority, created once. */
async function signer(db: Db, tenantId: string): Promise<{ actor: Actor; signatoryId: string }> {
  const email = `zeichnung-${tenantId.slice(0, 8)}@demo.example`;
  // The authority's own head (demo login "Leitung …") signs where there is one.
  let user =
    (await db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['users.id', 'users.email', 'users.display_name'])
      .where('memberships.organisation_id', '=', tenantId)
      .where('memberships.role', '=', 'supervisor')
      .orderBy('users.email')
      .executeTakeFirst()) ??
    (await db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', email)
      .executeTakeFirst());
  if (!user) {
    user = await db
      .insertInto('users')
      .values({
        email,
        display_name: 'Dr. Hanna Zeichner',
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning(['id', 'email', 'display_name'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: tenantId, role: 'supervisor' })
      .execute();
  }
  const profile = await loadAuthorityProfile(db, tenantId);
  let signatoryId = profile.signatories.find((s) => s.active)?.id;
  signatoryId ??= (
    await db
      .insertInto('authority_signatories')
      .values({
        organisation_id: tenantId,
        name: 'Dr. Hanna Zeichner',
        function: 'Leiterin der Unteren Immissionsschutzbehörde',
        position: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return { actor: await userActor(db, user, 'session'), signatoryId };
}

export async function signDemoLetter(
  deps: PermitDeps,
  procedureId: string,
  kind: LetterKind,
  drafter: Actor,
  options: { sign?: boolean } = {},
): Promise<void> {
  const row = await findProcedure(deps.db, procedureId);
  if (!row) return;
  const letterDeps = {
    ...deps,
    builders: PERMIT_LETTER_BUILDERS,
    loadProfile: loadAuthorityProfile,
  };
  const { actor, signatoryId } = await signer(deps.db, row.tenantId);
  const letterId = await draftLetter({ deps: letterDeps, actor: drafter, procedureId, kind });
  await requestSignOff({ deps: letterDeps, actor: drafter, procedureId, letterId, signatoryId });
  if (options.sign === false) return;
  await signOff({ deps: letterDeps, actor, procedureId, letterId });
}
