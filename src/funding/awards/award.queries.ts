/**
 * Reading the public award list: only rows whose publication has begun, with the filters of the
 * page. What may be shown of a recipient is decided once here (publicAward), so the page, the
 * CSV and the JSON cannot differ in what they reveal.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AidInstrument, AwardRecipientSize, Database } from '../../db/schema.ts';
import { loadGemeinden } from '../../registers/geo/data-files.ts';
import type { AwardFilters } from './award.filters.ts';

type Db = Kysely<Database>;

/** One published award as every public output shows it. */
export interface PublicAward {
  id: string;
  fundingBodyId: string;
  fundingBody: string;
  /** Null for a natural person (sole trader): no platform identifier is published either. */
  recipientOrgId: string | null;
  recipientName: string;
  naturalPerson: boolean;
  /** Gemeinde key; withheld (null) for a natural person, whose Kreis alone is shown. */
  ags: string | null;
  gemeinde: string | null;
  kreisKey: string | null;
  kreis: string | null;
  size: AwardRecipientSize | null;
  naceCode: string | null;
  programmeId: string;
  programmeTitle: string;
  aidBasis: string;
  aidInstrument: AidInstrument;
  amountCents: number;
  grantedOn: string;
  purpose: string;
  reference: string | null;
  publishedFrom: Date;
}

/** [open] How a sole trader is named in public; see docs/award-list.md. */
export const NATURAL_PERSON_LABEL = 'Einzelunternehmen (Name wird nicht veröffentlicht)';

let places: { gemeinden: Map<string, string>; kreise: Map<string, string> } | undefined;

/** NRW Gemeinden and Kreise by key, from the shipped VG250 list. */
export function nrwPlaces() {
  if (!places) {
    const gemeinden = new Map<string, string>();
    const kreise = new Map<string, string>();
    for (const g of loadGemeinden()) {
      gemeinden.set(g.ags, g.name);
      kreise.set(g.ags.slice(0, 5), g.kreis);
    }
    places = { gemeinden, kreise };
  }
  return places;
}

type AwardQuery = SelectQueryBuilder<
  Database & { a: Database['funding_awards']; o: Database['organisations'] },
  'a' | 'o',
  object
>;

function publishedAwards(db: Db, filters: AwardFilters, now: Date): AwardQuery {
  let query = db
    .selectFrom('funding_awards as a')
    .innerJoin('organisations as o', 'o.id', 'a.tenant_id')
    .where('a.published_from', 'is not', null)
    .where('a.published_from', '<=', now);
  if (filters.programme) query = query.where('a.programme_id', '=', filters.programme);
  if (filters.year) {
    query = query
      .where('a.granted_on', '>=', `${filters.year}-01-01`)
      .where('a.granted_on', '<=', `${filters.year}-12-31`);
  }
  if (filters.kreis) query = query.where(sql<string>`left(a.recipient_ags, 5)`, '=', filters.kreis);
  return query;
}

const COLUMNS = [
  'a.id',
  'a.tenant_id',
  'o.name as funding_body',
  'a.recipient_org_id',
  'a.recipient_name',
  'a.recipient_natural_person',
  'a.recipient_ags',
  'a.recipient_size',
  'a.nace_code',
  'a.programme_id',
  'a.programme_title',
  'a.aid_basis',
  'a.aid_instrument',
  'a.amount_cents',
  'a.granted_on',
  'a.purpose',
  'a.reference',
  'a.published_from',
] as const;

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function selectRows(query: AwardQuery) {
  return query.select(COLUMNS).orderBy('a.granted_on', 'desc').orderBy('a.id', 'desc');
}

function publicAward(r: Row): PublicAward {
  const { gemeinden, kreise } = nrwPlaces();
  const natural = r.recipient_natural_person;
  const kreisKey = r.recipient_ags?.slice(0, 5) ?? null;
  const ags = natural ? null : r.recipient_ags;
  return {
    id: r.id,
    fundingBodyId: r.tenant_id,
    fundingBody: r.funding_body,
    recipientOrgId: natural ? null : r.recipient_org_id,
    recipientName: natural ? NATURAL_PERSON_LABEL : r.recipient_name,
    naturalPerson: natural,
    ags,
    gemeinde: ags ? (gemeinden.get(ags) ?? null) : null,
    kreisKey,
    kreis: kreisKey ? (kreise.get(kreisKey) ?? null) : null,
    size: r.recipient_size,
    naceCode: r.nace_code,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    aidBasis: r.aid_basis,
    aidInstrument: r.aid_instrument,
    amountCents: r.amount_cents,
    grantedOn: r.granted_on,
    purpose: r.purpose,
    reference: r.reference,
    publishedFrom: r.published_from!,
  };
}

export const PAGE_SIZE = 50;

export interface AwardPage {
  awards: PublicAward[];
  count: number;
  totalCents: number;
}

export async function listAwards(
  db: Db,
  options: { filters: AwardFilters; page: number; now: Date },
): Promise<AwardPage> {
  const base = publishedAwards(db, options.filters, options.now);
  const [rows, totals] = await Promise.all([
    selectRows(base)
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        sql<string>`coalesce(sum(a.amount_cents), 0)`.as('total'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    awards: rows.map(publicAward),
    count: Number(totals.n),
    totalCents: Number(totals.total),
  };
}

/** Every published award matching the filters, batch by batch (keyset paging, constant memory). */
export async function* allAwards(
  db: Db,
  options: { filters: AwardFilters; now: Date; batch?: number },
): AsyncGenerator<PublicAward[], void, undefined> {
  const size = options.batch ?? 1000;
  let after: { grantedOn: string; id: string } | undefined;
  for (;;) {
    let query = publishedAwards(db, options.filters, options.now);
    if (after) {
      const { grantedOn, id } = after;
      query = query.where(sql<boolean>`(a.granted_on, a.id) < (${grantedOn}::date, ${id}::uuid)`);
    }
    const rows = await selectRows(query).limit(size).execute();
    if (rows.length === 0) return;
    yield rows.map(publicAward);
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { grantedOn: last.granted_on, id: last.id };
  }
}

export interface FilterOptions {
  programmes: { id: string; title: string }[];
  years: number[];
  kreise: { key: string; name: string }[];
}

/** What the filter lists offer: only values that occur in the published list. */
export async function filterOptions(db: Db, now: Date): Promise<FilterOptions> {
  const base = publishedAwards(db, {}, now);
  const [programmes, years, kreise] = await Promise.all([
    base
      .select(['a.programme_id', sql<string>`min(a.programme_title)`.as('title')])
      .groupBy('a.programme_id')
      .orderBy('title')
      .execute(),
    base
      .select(sql<number>`extract(year from a.granted_on)::int`.as('year'))
      .distinct()
      .orderBy('year', 'desc')
      .execute(),
    base
      .select(sql<string>`left(a.recipient_ags, 5)`.as('kreis'))
      .where('a.recipient_ags', 'is not', null)
      .distinct()
      .execute(),
  ]);
  const names = nrwPlaces().kreise;
  return {
    programmes: programmes.map((p) => ({ id: p.programme_id, title: p.title })),
    years: years.map((y) => Number(y.year)),
    kreise: kreise
      .map((k) => ({ key: k.kreis, name: names.get(k.kreis) ?? `Kreisschlüssel ${k.kreis}` }))
      .sort((x, y) => x.name.localeCompare(y.name, 'de')),
  };
}
