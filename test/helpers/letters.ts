/**
 * Signs a permit letter of a case the way the authority does it: the case worker drafts it and
 * submits it for sign-off, a supervisor of the same authority signs it (second pair of eyes).
 * Gives the authority the master data a letter needs (address, bank, a signatory) if it has none.
 */
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { userActor } from '../../src/platform/auth/auth.queries.ts';
import { PERMIT_LETTER_BUILDERS } from '../../src/permits/letters/letter-builder.ts';
import { loadAuthorityProfile } from '../../src/procedures/authority/authority.queries.ts';
import { draftLetter, requestSignOff } from '../../src/procedures/letters/letter.actions.ts';
import { signOff } from '../../src/procedures/letters/letter.signing.ts';
import { type LetterDeps } from '../../src/procedures/letters/letter.work.ts';
import type { LetterKind } from '../../src/procedures/letters/letter.types.ts';
import { DEMO_PASSWORD, type TestApp } from './app.ts';

export const SIGNATORY = { name: 'Dr. Hanna Zeichner', function: 'Leiterin des Umweltamts' };

export function letterDeps(t: TestApp): LetterDeps {
  return {
    db: t.database.db,
    clock: t.deps.clock,
    store: t.deps.store,
    config: t.deps.config,
    builders: PERMIT_LETTER_BUILDERS,
    loadProfile: loadAuthorityProfile,
  };
}

async function actorOf(t: TestApp, email: string) {
  const user = await t.database.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return userActor(t.database.db, user, 'session');
}

/** The authority's supervisor who signs, its signatory and master data; created once. */
export async function prepareSigning(
  t: TestApp,
  tenantId: string,
): Promise<{ signer: string; signatoryId: string }> {
  const db = t.database.db;
  const signer = `zeichnung-${tenantId.slice(0, 8)}@behoerde.example`;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', signer)
    .executeTakeFirst();
  if (!existing) {
    const user = await db
      .insertInto('users')
      .values({
        email: signer,
        display_name: SIGNATORY.name,
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: tenantId, role: 'supervisor' })
      .execute();
  }
  await db
    .insertInto('authority_profiles')
    .values({
      organisation_id: tenantId,
      department: 'Untere Immissionsschutzbehörde',
      postal_street: 'Aldegreverstraße 10–14',
      postal_code: '33102',
      postal_city: 'Paderborn',
      phone: '05251 308-0',
      email: 'umwelt@kreis-paderborn.example',
      bank_holder: 'Kreiskasse Paderborn',
      bank_name: 'Sparkasse Paderborn-Detmold-Höxter',
      bank_iban: 'DE21476501300000012345',
      bank_bic: 'WELADE3LXXX',
    })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  let signatory = await db
    .selectFrom('authority_signatories')
    .select('id')
    .where('organisation_id', '=', tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  signatory ??= await db
    .insertInto('authority_signatories')
    .values({
      organisation_id: tenantId,
      name: SIGNATORY.name,
      function: SIGNATORY.function,
      position: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { signer, signatoryId: signatory.id };
}

/** Drafts, submits and signs a letter of the case; returns its id and the signed PDF. */
export async function signLetter(
  t: TestApp,
  procedureId: string,
  kind: LetterKind,
  drafter = 'sachbearbeitung@kreis-paderborn.example',
): Promise<{ letterId: string; pdf: Buffer }> {
  const procedure = await t.database.db
    .selectFrom('procedures')
    .select('tenant_id')
    .where('id', '=', procedureId)
    .executeTakeFirstOrThrow();
  const { signer, signatoryId } = await prepareSigning(t, procedure.tenant_id);
  const deps = letterDeps(t);
  const drafterActor = await actorOf(t, drafter);
  const letterId = await draftLetter({ deps, actor: drafterActor, procedureId, kind });
  await requestSignOff({ deps, actor: drafterActor, procedureId, letterId, signatoryId });
  const { sha256 } = await signOff({
    deps,
    actor: await actorOf(t, signer),
    procedureId,
    letterId,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of t.deps.store.open(sha256)) chunks.push(chunk as Buffer);
  return { letterId, pdf: Buffer.concat(chunks) };
}
