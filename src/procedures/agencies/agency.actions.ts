import type { Db } from '../../db/database.ts';
import type { AgencyRole } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { administeredAuthorities } from './agency.queries.ts';
import { AGENCY_ROLES, PROJECT_KINDS, type ProjectKind } from './agency.types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The authority named in the form, if the actor is one of its admins (else 403, nothing done). */
export function authorityOf(actor: Actor, body: Record<string, unknown>): string {
  authorize(actor, 'organisation:agencies');
  const id = text(body, 'authorityId');
  if (!administeredAuthorities(actor).some((a) => a.id === id)) {
    throw new AppError(
      'forbidden',
      'Das Verzeichnis der beteiligten Stellen pflegen nur die Administratorinnen und Administratoren dieser Behörde.',
    );
  }
  return id;
}

function projectKinds(value: unknown): ProjectKind[] | null {
  const list = [value ?? []].flat();
  const kinds: ProjectKind[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !Object.hasOwn(PROJECT_KINDS, item)) return null;
    if (!kinds.includes(item as ProjectKind)) kinds.push(item as ProjectKind);
  }
  return kinds;
}

/**
 * Adds an agency to the authority's directory or changes its role and default selection. Only
 * organisations of kind 'agency' qualify: their members receive the requests. Audited with the
 * previous entry, in the same transaction.
 */
export async function saveDirectoryEntry(options: {
  db: Db;
  actor: Actor;
  body: Record<string, unknown>;
}): Promise<{ authorityId: string }> {
  const { db, actor, body } = options;
  const authorityId = authorityOf(actor, body);
  const agencyOrgId = text(body, 'agencyOrgId');
  const role = text(body, 'role') as AgencyRole;
  const defaultFor = projectKinds(body.defaultFor);
  const errors: FieldError[] = [];
  const agency = UUID.test(agencyOrgId)
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', '=', agencyOrgId)
        .where('kind', '=', 'agency')
        .executeTakeFirst()
    : undefined;
  if (!agency) {
    errors.push({
      field: 'agencyOrgId',
      message: 'Bitte wählen Sie eine Fachbehörde aus der Liste der Organisationen.',
    });
  }
  if (!AGENCY_ROLES.includes(role))
    errors.push({ field: 'role', message: 'Bitte wählen Sie die Rolle der Stelle im Verfahren.' });
  if (defaultFor === null)
    errors.push({ field: 'defaultFor', message: 'Diese Vorhabenart ist unbekannt.' });
  if (errors.length > 0 || !agency || defaultFor === null) {
    throw new AppError('validation', 'Die Eingaben sind unvollständig oder fehlerhaft.', errors);
  }
  await db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('agency_directory')
      .select(['role', 'default_for'])
      .where('tenant_id', '=', authorityId)
      .where('agency_org_id', '=', agency.id)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('agency_directory')
      .values({ tenant_id: authorityId, agency_org_id: agency.id, role, default_for: defaultFor })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'agency_org_id'])
          .doUpdateSet({ role, default_for: defaultFor, updated_at: new Date() }),
      )
      .execute();
    await trx
      .insertInto('admin_events')
      .values({
        actor_id: actor.kind === 'user' ? actor.userId : null,
        action: previous ? 'agency-directory:changed' : 'agency-directory:added',
        details: JSON.stringify({
          authorityId,
          agencyOrgId: agency.id,
          agency: agency.name,
          role,
          defaultFor,
          previous: previous ? { role: previous.role, defaultFor: previous.default_for } : null,
        }),
      })
      .execute();
  });
  return { authorityId };
}

/** Removes an agency from the directory; procedures it was asked in keep it. Audited. */
export async function removeDirectoryEntry(options: {
  db: Db;
  actor: Actor;
  body: Record<string, unknown>;
}): Promise<{ authorityId: string }> {
  const { db, actor, body } = options;
  const authorityId = authorityOf(actor, body);
  const agencyOrgId = text(body, 'agencyOrgId');
  await db.transaction().execute(async (trx) => {
    const removed = UUID.test(agencyOrgId)
      ? await trx
          .deleteFrom('agency_directory')
          .where('tenant_id', '=', authorityId)
          .where('agency_org_id', '=', agencyOrgId)
          .returning(['role', 'default_for'])
          .executeTakeFirst()
      : undefined;
    if (!removed) throw new AppError('not_found', 'Diese Stelle steht nicht im Verzeichnis.');
    await trx
      .insertInto('admin_events')
      .values({
        actor_id: actor.kind === 'user' ? actor.userId : null,
        action: 'agency-directory:removed',
        details: JSON.stringify({ authorityId, agencyOrgId, role: removed.role }),
      })
      .execute();
  });
  return { authorityId };
}
