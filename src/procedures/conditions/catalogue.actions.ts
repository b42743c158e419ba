/**
 * The authority's catalogue of conditions (Nebenbestimmungen): entries with category, title,
 * wording and citation, kept by the admins of that authority. Entries are deactivated, never
 * deleted: conditions already taken into a case point to them. Every change is one transaction
 * with its entry in the admin log.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { MAX_CATEGORY, MAX_CONDITION_TEXT } from './conditions.actions.ts';

export interface CatalogueInput {
  category: string;
  title: string;
  text: string;
  citation: string;
}

export interface CatalogueEntry extends CatalogueInput {
  id: string;
  key: string;
  active: boolean;
}

const MAX_TITLE = 200;
const MAX_CITATION = 200;

/** The authorities whose catalogue the actor may keep: those it is an admin of. */
export function catalogueOrganisations(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter((m) => m.role === 'admin' && m.organisationKind === 'authority')
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

function requireCatalogueAdmin(actor: Actor, organisationId: string): string {
  if (actor.kind !== 'user' || !hasRole(actor, 'admin', organisationId))
    throw new AppError(
      'forbidden',
      'Nur die Administration dieser Behörde kann ihren Katalog der Nebenbestimmungen bearbeiten.',
    );
  if (!catalogueOrganisations(actor).some((o) => o.id === organisationId))
    throw new AppError(
      'forbidden',
      'Einen Katalog der Nebenbestimmungen führen nur Genehmigungsbehörden.',
    );
  return actor.userId;
}

export function catalogueInputErrors(input: CatalogueInput): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: keyof CatalogueInput, label: string, max: number, required: boolean) => {
    const value = input[field].trim();
    if (required && value === '') errors.push({ field, message: `Bitte geben Sie ${label} an.` });
    else if (value.length > max)
      errors.push({
        field,
        message: `${label.replace(/^(den|die|das) /, '').replace(/^./, (c) => c.toUpperCase())} darf höchstens ${max.toLocaleString('de-DE')} Zeichen lang sein.`,
      });
  };
  check('category', 'die Kategorie', MAX_CATEGORY, true);
  check('title', 'den Titel', MAX_TITLE, true);
  check('text', 'den Wortlaut', MAX_CONDITION_TEXT, true);
  check('citation', 'die Rechtsgrundlage', MAX_CITATION, false);
  return errors;
}

function clean(input: CatalogueInput): CatalogueInput {
  return {
    category: input.category.trim(),
    title: input.title.trim(),
    text: input.text.trim(),
    citation: input.citation.trim(),
  };
}

export async function listCatalogue(db: Db, organisationId: string): Promise<CatalogueEntry[]> {
  const rows = await db
    .selectFrom('condition_catalogue')
    .select(['id', 'key', 'category', 'title', 'text', 'citation', 'active'])
    .where('tenant_id', '=', organisationId)
    .orderBy('category')
    .orderBy('title')
    .execute();
  return rows.map((r) => ({ ...r, citation: r.citation ?? '' }));
}

/** Creates an entry (id undefined) or changes one of the same authority. */
export async function saveCatalogueEntry(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  id?: string;
  input: CatalogueInput;
}): Promise<string> {
  const actorId = requireCatalogueAdmin(options.actor, options.organisationId);
  const errors = catalogueInputErrors(options.input);
  if (errors.length > 0)
    throw new AppError('validation', 'Der Eintrag ist unvollständig oder fehlerhaft.', errors);
  const input = clean(options.input);
  return options.db.transaction().execute(async (trx) => {
    let id = options.id;
    if (id === undefined) {
      const row = await trx
        .insertInto('condition_catalogue')
        .values({
          tenant_id: options.organisationId,
          key: `nb-${randomUUID()}`,
          category: input.category,
          title: input.title,
          text: input.text,
          citation: input.citation || null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const updated = await trx
        .updateTable('condition_catalogue')
        .set({
          category: input.category,
          title: input.title,
          text: input.text,
          citation: input.citation || null,
        })
        .where('id', '=', id)
        .where('tenant_id', '=', options.organisationId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        throw new AppError('not_found', 'Diesen Eintrag gibt es im Katalog Ihrer Behörde nicht.');
    }
    await trx
      .insertInto('admin_events')
      .values({
        actor_id: actorId,
        action:
          options.id === undefined ? 'condition-catalogue-created' : 'condition-catalogue-changed',
        details: JSON.stringify({ organisationId: options.organisationId, entryId: id, ...input }),
      })
      .execute();
    return id;
  });
}

/** Deactivates or reactivates an entry; deactivated entries are no longer offered to cases. */
export async function setCatalogueEntryActive(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  id: string;
  active: boolean;
}): Promise<void> {
  const actorId = requireCatalogueAdmin(options.actor, options.organisationId);
  await options.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('condition_catalogue')
      .set({ active: options.active })
      .where('id', '=', options.id)
      .where('tenant_id', '=', options.organisationId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new AppError('not_found', 'Diesen Eintrag gibt es im Katalog Ihrer Behörde nicht.');
    await trx
      .insertInto('admin_events')
      .values({
        actor_id: actorId,
        action: options.active
          ? 'condition-catalogue-activated'
          : 'condition-catalogue-deactivated',
        details: JSON.stringify({ organisationId: options.organisationId, entryId: options.id }),
      })
      .execute();
  });
}

/** Seeds entries (demo and first setup); existing keys stay as they are. */
export async function seedCatalogue(
  db: Db,
  organisationId: string,
  entries: readonly (CatalogueInput & { key: string })[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('condition_catalogue')
    .values(
      entries.map((e) => ({
        tenant_id: organisationId,
        key: e.key,
        category: e.category,
        title: e.title,
        text: e.text,
        citation: e.citation || null,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .execute();
}
