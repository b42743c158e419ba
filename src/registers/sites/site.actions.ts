/** Use cases of the site register: a provider's sites saved from the form and ended; who provides. */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { readSiteFields, isoDate, type SiteFields } from './site.fields.ts';
import { hydrogenNetwork } from './site.hydrogen.ts';
import { findSite, isUuid, sitesToCompare } from './site.queries.ts';
import { LIMITS, type SiteDerived, type SiteInput } from './site.types.ts';
import { checkSite, type SiteIssue } from './site.validate.ts';

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

export interface Provider {
  id: string;
  name: string;
}

/** The organisations whose sites the actor keeps (memberships with the role site_provider). */
export function providersOf(actor: Actor): Provider[] {
  if (actor.kind !== 'user') return [];
  const found = new Map<string, string>();
  for (const m of actor.memberships)
    if (m.role === 'site_provider') found.set(m.organisationId, m.organisationName);
  return [...found].map(([id, name]) => ({ id, name }));
}

/**
 * The provider organisation a request acts for: the one named (if the actor keeps its sites) or
 * the actor's first. Never taken from a file or a site: a provider touches its own sites only.
 */
export function providerFor(actor: Actor, wanted?: unknown): Provider {
  authorize(actor, 'sites:manage');
  const providers = providersOf(actor);
  const provider =
    typeof wanted === 'string' && wanted !== ''
      ? providers.find((p) => p.id === wanted)
      : providers[0];
  if (!provider)
    throw new AppError('forbidden', 'Sie pflegen die Flächen dieser Organisation nicht.');
  return provider;
}

function columns(site: SiteInput, derived: SiteDerived, startDate: string) {
  return {
    reference: site.reference,
    name: site.name,
    geometry: JSON.stringify(site.geometry),
    centre_lon: derived.centre[0],
    centre_lat: derived.centre[1],
    min_lon: derived.bbox[0],
    min_lat: derived.bbox[1],
    max_lon: derived.bbox[2],
    max_lat: derived.bbox[3],
    geometry_ha: derived.geometryHa,
    ags: derived.ags,
    gemeinde: derived.gemeinde,
    gross_ha: site.grossHa,
    net_ha: site.netHa,
    ownership: site.ownership,
    planning_status: site.planningStatus,
    zoning: site.zoning,
    contamination: site.contamination,
    mining_supervision: site.miningSupervision,
    grid_connection: site.gridConnection,
    hydrogen_distance_km: derived.hydrogenDistanceKm,
    readiness: site.readiness,
    available_from: site.availableFrom,
    contact: site.contact,
    start_date: site.startDate ?? startDate,
    end_date: site.endDate,
  };
}

/** Replaces the open problems of a site with its current flags (a fixed flag disappears). */
async function storeFlags(
  trx: Trx,
  providerId: string,
  siteId: string,
  flags: SiteIssue[],
  now: Date,
): Promise<void> {
  await trx.deleteFrom('site_problems').where('site_id', '=', siteId).execute();
  if (flags.length === 0) return;
  await trx
    .insertInto('site_problems')
    .values(
      flags.map((f) => ({
        tenant_id: providerId,
        site_id: siteId,
        rule: f.rule,
        message: f.message,
        detected_at: now,
      })),
    )
    .execute();
}

async function audit(trx: Trx, actor: Actor, action: string, details: object): Promise<void> {
  await trx
    .insertInto('admin_events')
    .values({
      actor_id: actor.kind === 'user' ? actor.userId : null,
      action,
      details: JSON.stringify(details),
    })
    .execute();
}

/** Saves one validated site (insert or update) with its flags and audit event. */
export async function writeSite(
  trx: Trx,
  options: {
    actor: Actor;
    providerId: string;
    siteId?: string;
    site: SiteInput;
    derived: SiteDerived;
    flags: SiteIssue[];
    today: string;
    now: Date;
    example?: boolean;
  },
): Promise<string> {
  const { providerId, site, derived, today, now } = options;
  const values = columns(site, derived, today);
  let id = options.siteId;
  if (id) {
    await trx
      .updateTable('sites')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .where('tenant_id', '=', providerId)
      .execute();
  } else {
    const row = await trx
      .insertInto('sites')
      .values({
        ...values,
        tenant_id: providerId,
        example: options.example ?? false,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await storeFlags(trx, providerId, id, options.flags, now);
  await audit(trx, options.actor, options.siteId ? 'site:changed' : 'site:created', {
    siteId: id,
    providerId,
    reference: site.reference,
    flags: options.flags.map((f) => f.rule),
  });
  return id;
}

const asFieldErrors = (issues: { field: string; message: string }[]): FieldError[] =>
  issues.map((i) => ({ field: i.field, message: i.message }));

/**
 * Creates a site or changes one of the provider's current sites from the form. Refusals: 400 with
 * the fields named, nothing written. Flags are stored as open problems. Load → authorize →
 * validate → write in one transaction.
 */
export async function saveSite(options: {
  db: Db;
  actor: Actor;
  providerId?: unknown;
  siteId?: string;
  fields: SiteFields;
  today: string;
  now: Date;
}): Promise<{ siteId: string; flags: SiteIssue[] }> {
  const { db, actor } = options;
  const provider = providerFor(actor, options.providerId);
  if (options.siteId !== undefined) {
    const stored = await findSite(db, options.siteId);
    // Another provider's site is not there for this one (404, nothing learnt).
    if (!stored || stored.providerId !== provider.id)
      throw new AppError('not_found', 'Diese Fläche gibt es nicht.');
    if (stored.endDate !== null)
      throw new AppError('conflict', 'Die Fläche ist beendet und kann nicht mehr geändert werden.');
  }
  // The form never ends a site: ending has its own action with a reason.
  const read = readSiteFields({ ...options.fields, ende: '' });
  if (!read.site)
    throw new AppError(
      'validation',
      'Die Angaben sind unvollständig oder fehlerhaft.',
      asFieldErrors(read.problems),
    );
  const others = await sitesToCompare(db, provider.id);
  const checked = checkSite({
    site: read.site,
    providerId: provider.id,
    ...(options.siteId ? { selfId: options.siteId } : {}),
    others,
    network: hydrogenNetwork(),
  });
  if (checked.refusals.length > 0)
    throw new AppError(
      'validation',
      'Die Fläche kann so nicht gespeichert werden.',
      asFieldErrors(checked.refusals),
    );
  const site = read.site;
  try {
    const siteId = await db.transaction().execute((trx) =>
      writeSite(trx, {
        actor,
        providerId: provider.id,
        ...(options.siteId ? { siteId: options.siteId } : {}),
        site,
        derived: checked.derived,
        flags: checked.flags,
        today: options.today,
        now: options.now,
      }),
    );
    return { siteId, flags: checked.flags };
  } catch (error) {
    // Two saves of the same new reference at once: the unique constraint decides.
    if ((error as { code?: string }).code === '23505')
      throw new AppError('validation', 'Die Kennung ist bereits vergeben.', [
        { field: 'kennung', message: `Kennung ${site.reference}: ist bereits vergeben.` },
      ]);
    throw error;
  }
}

/** Ends a current site of the provider (sites are never deleted). Audited. */
export async function endSite(options: {
  db: Db;
  actor: Actor;
  siteId: string;
  fields: SiteFields;
  today: string;
  now: Date;
}): Promise<{ siteId: string }> {
  const { db, actor, siteId } = options;
  authorize(actor, 'sites:manage');
  const stored = isUuid(siteId) ? await findSite(db, siteId) : undefined;
  if (!stored || !providersOf(actor).some((p) => p.id === stored.providerId))
    throw new AppError('not_found', 'Diese Fläche gibt es nicht.');
  if (stored.endDate !== null) throw new AppError('conflict', 'Die Fläche ist bereits beendet.');
  const errors: FieldError[] = [];
  const rawDate = (options.fields.ende ?? '').trim();
  const endDate = rawDate === '' ? options.today : isoDate(rawDate);
  if (!endDate) errors.push({ field: 'ende', message: 'Ende: kein gültiges Datum (TT.MM.JJJJ).' });
  else if (endDate < stored.startDate)
    errors.push({ field: 'ende', message: 'Ende: liegt vor dem Beginn der Fläche.' });
  const reason = (options.fields.grund ?? '').trim();
  if (reason === '')
    errors.push({ field: 'grund', message: 'Grund: bitte angeben, warum die Fläche endet.' });
  else if (reason.length > LIMITS.endReason || /\p{Cc}/u.test(reason))
    errors.push({ field: 'grund', message: `Grund: höchstens ${LIMITS.endReason} Zeichen.` });
  if (errors.length > 0 || !endDate)
    throw new AppError('validation', 'Die Fläche kann so nicht beendet werden.', errors);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sites')
      .set({ end_date: endDate, end_reason: reason, updated_at: options.now })
      .where('id', '=', siteId)
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Die Fläche ist bereits beendet.');
    await trx.deleteFrom('site_problems').where('site_id', '=', siteId).execute();
    await audit(trx, actor, 'site:ended', {
      siteId,
      providerId: stored.providerId,
      reference: stored.reference,
      endDate,
      reason,
    });
  });
  return { siteId };
}
