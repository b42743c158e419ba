import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, OrganisationKind } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { canManageOrganisation } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/errors.ts';
import { withStaging, type FileStore } from '../../platform/storage.ts';
import {
  PROFILE_FORM_FIELDS,
  parseProfileForm,
  parseSignatoryForm,
  type ProfileInput,
} from './authority.validation.ts';
import { checkLogo, LOGO_READ_LIMIT } from './logo.ts';

/**
 * Changes of an authority's master data by its own admins or the platform admin: each one
 * validated, written in one transaction with its entry in the admin audit trail (who, when, which
 * fields, before and after).
 */
type Handle = Db | Transaction<Database>;

export interface ManagedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** The organisation, if the actor may manage it; others learn nothing about it (404). */
export async function requireManagedOrganisation(
  db: Handle,
  actor: Actor,
  organisationId: string,
): Promise<ManagedOrganisation> {
  if (actor.kind === 'anonymous')
    throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const row =
    /^[0-9a-f-]{36}$/i.test(organisationId) && canManageOrganisation(actor, organisationId)
      ? await db
          .selectFrom('organisations')
          .select(['id', 'name', 'kind'])
          .where('id', '=', organisationId)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new AppError('not_found', 'Diese Organisation gibt es nicht.');
  return row;
}

/** The organisation an admin administers: an authority first, if they administer several. */
export function ownOrganisationId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const admin = actor.memberships.filter((m) => m.role === 'admin');
  const chosen = admin.find((m) => m.organisationKind === 'authority') ?? admin[0];
  if (!chosen)
    throw new AppError('forbidden', 'Sie haben keine Berechtigung für diese Seite oder Aktion.');
  return chosen.organisationId;
}

async function audit(
  trx: Transaction<Database>,
  actor: Actor,
  action: string,
  details: object,
): Promise<void> {
  await trx
    .insertInto('admin_events')
    .values({
      actor_id: actor.kind === 'user' ? actor.userId : null,
      action,
      details: JSON.stringify(details),
    })
    .execute();
}

/** The IBAN is bank data of the authority: the trail names that it changed, not its digits. */
function forTrail(field: keyof ProfileInput, value: string | null): string | null {
  if (field === 'bank_iban' && value) return `…${value.slice(-4)}`;
  return value;
}

export async function updateProfile(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  body: Record<string, unknown>;
}): Promise<{ changed: string[] }> {
  const { db, actor } = options;
  const organisation = await requireManagedOrganisation(db, actor, options.organisationId);
  const { input, errors } = parseProfileForm(options.body);
  if (errors.length > 0)
    throw new AppError('validation', 'Die Stammdaten enthalten fehlerhafte Angaben.', errors);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('authority_profiles')
      .selectAll()
      .where('organisation_id', '=', organisation.id)
      .forUpdate()
      .executeTakeFirst();
    const changed = PROFILE_FORM_FIELDS.filter(
      (field) => (before?.[field] ?? null) !== input[field],
    );
    if (before && changed.length === 0) return { changed: [] };
    const userId = actor.kind === 'user' ? actor.userId : null;
    await trx
      .insertInto('authority_profiles')
      .values({ organisation_id: organisation.id, ...input, updated_by: userId })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({
          ...input,
          updated_at: new Date(),
          updated_by: userId,
        }),
      )
      .execute();
    await audit(trx, actor, 'authority-profile.updated', {
      organisationId: organisation.id,
      changed,
      before: Object.fromEntries(changed.map((f) => [f, forTrail(f, before?.[f] ?? null)])),
      after: Object.fromEntries(changed.map((f) => [f, forTrail(f, input[f])])),
    });
    return { changed };
  });
}

/** Creates the profile row with its defaults, so that signatories and a logo can hang on it. */
async function ensureProfile(trx: Transaction<Database>, organisationId: string): Promise<void> {
  await trx
    .insertInto('authority_profiles')
    .values({ organisation_id: organisationId })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
}

export async function addSignatory(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  body: Record<string, unknown>;
}): Promise<string> {
  const { db, actor } = options;
  const organisation = await requireManagedOrganisation(db, actor, options.organisationId);
  const { input, errors } = parseSignatoryForm(options.body, 'neu.');
  if (errors.length > 0)
    throw new AppError('validation', 'Die Angaben zur Person sind fehlerhaft.', errors);
  return db.transaction().execute(async (trx) => {
    await ensureProfile(trx, organisation.id);
    const last = await trx
      .selectFrom('authority_signatories')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirst();
    const row = await trx
      .insertInto('authority_signatories')
      .values({
        organisation_id: organisation.id,
        name: input.name,
        function: input.function,
        active: true,
        position: (last?.max ?? 0) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'authority-signatory.added', {
      organisationId: organisation.id,
      signatoryId: row.id,
      after: { name: input.name, function: input.function, active: true },
    });
    return row.id;
  });
}

export async function updateSignatory(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  signatoryId: string;
  body: Record<string, unknown>;
}): Promise<void> {
  const { db, actor } = options;
  const organisation = await requireManagedOrganisation(db, actor, options.organisationId);
  const { input, errors } = parseSignatoryForm(options.body, `${options.signatoryId}.`);
  if (errors.length > 0)
    throw new AppError('validation', 'Die Angaben zur Person sind fehlerhaft.', errors);
  await db.transaction().execute(async (trx) => {
    const before = /^[0-9a-f-]{36}$/i.test(options.signatoryId)
      ? await trx
          .selectFrom('authority_signatories')
          .select(['id', 'name', 'function', 'active'])
          .where('id', '=', options.signatoryId)
          .where('organisation_id', '=', organisation.id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!before)
      throw new AppError('not_found', 'Diese zeichnungsberechtigte Person gibt es nicht.');
    const changed = (['name', 'function', 'active'] as const).filter((f) => before[f] !== input[f]);
    if (changed.length === 0) return;
    await trx
      .updateTable('authority_signatories')
      .set({ name: input.name, function: input.function, active: input.active })
      .where('id', '=', before.id)
      .execute();
    await audit(trx, actor, 'authority-signatory.updated', {
      organisationId: organisation.id,
      signatoryId: before.id,
      changed,
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, input[f]])),
    });
  });
}

/**
 * Stores a checked logo: nothing is written for a refused one (no file, no row). The file is
 * staged, and promoted to its content address as the last step of the transaction that records it.
 */
export async function setLogo(options: {
  db: Db;
  store: FileStore;
  actor: Actor;
  organisationId: string;
  filename: string;
  content: Buffer;
}): Promise<void> {
  const { db, store, actor } = options;
  const organisation = await requireManagedOrganisation(db, actor, options.organisationId);
  const check = checkLogo(options.filename, options.content);
  if (!check.ok)
    throw new AppError('validation', check.message, [{ field: 'logo', message: check.message }]);
  await withStaging(store, async (stage) => {
    const staged = await stage(Readable.from([options.content]), { maxBytes: LOGO_READ_LIMIT });
    await db.transaction().execute(async (trx) => {
      await ensureProfile(trx, organisation.id);
      const before = await trx
        .selectFrom('authority_profiles')
        .select(['logo_sha256', 'logo_media_type'])
        .where('organisation_id', '=', organisation.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('authority_profiles')
        .set({
          logo_sha256: staged.sha256,
          logo_media_type: check.mediaType,
          updated_at: new Date(),
          updated_by: actor.kind === 'user' ? actor.userId : null,
        })
        .where('organisation_id', '=', organisation.id)
        .execute();
      await audit(trx, actor, 'authority-profile.logo-set', {
        organisationId: organisation.id,
        changed: ['logo'],
        before: { sha256: before.logo_sha256, mediaType: before.logo_media_type },
        after: { sha256: staged.sha256, mediaType: check.mediaType, size: staged.size },
      });
      await store.promote(staged);
    });
  });
}

export async function removeLogo(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
}): Promise<void> {
  const { db, actor } = options;
  const organisation = await requireManagedOrganisation(db, actor, options.organisationId);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('authority_profiles')
      .select(['logo_sha256', 'logo_media_type'])
      .where('organisation_id', '=', organisation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!before?.logo_sha256) return;
    await trx
      .updateTable('authority_profiles')
      .set({
        logo_sha256: null,
        logo_media_type: null,
        updated_at: new Date(),
        updated_by: actor.kind === 'user' ? actor.userId : null,
      })
      .where('organisation_id', '=', organisation.id)
      .execute();
    await audit(trx, actor, 'authority-profile.logo-removed', {
      organisationId: organisation.id,
      changed: ['logo'],
      before: { sha256: before.logo_sha256, mediaType: before.logo_media_type },
      after: null,
    });
  });
}
