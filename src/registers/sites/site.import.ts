/** The import of a provider's sites from a CSV or GeoJSON file: all rows checked, all or nothing. */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { readSiteFields, type SiteFields } from './site.fields.ts';
import { hydrogenNetwork } from './site.hydrogen.ts';
import { sitesToCompare } from './site.queries.ts';
import { LIMITS, type SiteDerived, type SiteInput } from './site.types.ts';
import { checkSite, type SiteIssue } from './site.validate.ts';
import { providerFor, writeSite } from './site.actions.ts';

/** One row of a CSV file or one feature of a GeoJSON file, numbered as the provider sees it. */
export interface ImportRow {
  /** 'Zeile 3' or 'Feature 2'. */
  label: string;
  fields: SiteFields;
  geometry?: unknown;
}

export interface ImportRefusal {
  label: string;
  message: string;
}

/** Refusals by line or feature number, the file-wide ones first; stable within one row. */
function inFileOrder(refusals: ImportRefusal[]): ImportRefusal[] {
  const position = (label: string) => Number(/\d+/.exec(label)?.[0] ?? 0);
  return refusals
    .map((r, i) => ({ r, i }))
    .sort((a, b) => position(a.r.label) - position(b.r.label) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Imports a provider's sites from a file: a row whose reference the provider already uses
 * updates that site, any other row creates one. All or nothing: a single refusal stores nothing
 * and every refusal is listed with its line or feature number and reason.
 */
export async function importSites(options: {
  db: Db;
  actor: Actor;
  providerId?: unknown;
  rows: readonly ImportRow[];
  /** Refusals found while reading the file (unknown columns, broken rows), listed with the rest. */
  fileRefusals?: readonly ImportRefusal[];
  today: string;
  now: Date;
  example?: boolean;
}): Promise<
  | { ok: true; created: number; updated: number; flagged: number }
  | { ok: false; refusals: ImportRefusal[] }
> {
  const { db, actor, rows } = options;
  const provider = providerFor(actor, options.providerId);
  const fileRefusals = options.fileRefusals ?? [];
  if (rows.length === 0)
    return {
      ok: false,
      refusals:
        fileRefusals.length > 0
          ? [...fileRefusals]
          : [{ label: 'Datei', message: 'Die Datei enthält keine Flächen.' }],
    };
  if (rows.length > LIMITS.rows)
    return {
      ok: false,
      refusals: [{ label: 'Datei', message: `Höchstens ${LIMITS.rows} Flächen je Datei.` }],
    };
  const stored = await sitesToCompare(db, provider.id);
  const own = new Map(
    stored.filter((s) => s.providerId === provider.id).map((s) => [s.reference, s]),
  );
  const others = [...stored];
  const refusals: ImportRefusal[] = [...fileRefusals];
  const accepted: {
    siteId?: string;
    site: SiteInput;
    derived: SiteDerived;
    flags: SiteIssue[];
  }[] = [];
  const network = hydrogenNetwork();
  for (const row of rows) {
    const read = readSiteFields(row.fields, row.geometry);
    if (!read.site) {
      for (const p of read.problems) refusals.push({ label: row.label, message: p.message });
      continue;
    }
    const existing = own.get(read.site.reference);
    if (existing?.ended) {
      refusals.push({
        label: row.label,
        message: `Kennung ${read.site.reference}: die Fläche ist beendet und wird nicht mehr geändert.`,
      });
      continue;
    }
    const checked = checkSite({
      site: read.site,
      providerId: provider.id,
      ...(existing?.id ? { selfId: existing.id } : {}),
      others,
      network,
    });
    for (const r of checked.refusals) refusals.push({ label: row.label, message: r.message });
    // Later rows are compared with this one: a reference twice in one file is refused.
    others.push({
      providerId: provider.id,
      provider: provider.name,
      reference: read.site.reference,
      name: read.site.name,
      geometry: read.site.geometry,
      origin: row.label,
    });
    if (checked.refusals.length === 0)
      accepted.push({
        ...(existing?.id ? { siteId: existing.id } : {}),
        site: read.site,
        derived: checked.derived,
        flags: checked.flags,
      });
  }
  if (refusals.length > 0) return { ok: false, refusals: inFileOrder(refusals) };
  await db.transaction().execute(async (trx) => {
    for (const entry of accepted)
      await writeSite(trx, {
        actor,
        providerId: provider.id,
        ...entry,
        today: options.today,
        now: options.now,
        ...(options.example ? { example: true } : {}),
      });
  });
  return {
    ok: true,
    created: accepted.filter((a) => !a.siteId).length,
    updated: accepted.filter((a) => a.siteId).length,
    flagged: accepted.filter((a) => a.flags.length > 0).length,
  };
}
