import type { Kysely, Selectable } from 'kysely';
import type { IsoDate } from '../../law/calendar-date.ts';
import type { CompanyProfileInput } from '../../law/funding/index.ts';
import type {
  CompanyProfileRelationsTable,
  CompanyProfileVersionsTable,
  Database,
} from '../../db/schema.ts';
import type { CompanyProfile, ProfileRelation, ProfileValues } from './profile.types.ts';

/** A plain handle or a transaction: the caller owns the transaction (style.md rule 2). */
type Handle = Kysely<Database>;

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (Europe/Berlin) of an instant, 'YYYY-MM-DD'. */
export function berlinDay(at: Date): IsoDate {
  return BERLIN_DAY.format(at);
}

type VersionRow = Selectable<CompanyProfileVersionsTable> & {
  organisation_name: string;
  recorded_by_name: string | null;
};

function relation(row: Selectable<CompanyProfileRelationsTable>): ProfileRelation {
  return {
    name: row.name,
    sharePpm: row.share_ppm,
    staffAwu: Number(row.staff_awu),
    turnoverCents: row.turnover_cents ?? undefined,
    balanceSheetCents: row.balance_sheet_cents ?? undefined,
  };
}

function toProfile(
  row: VersionRow,
  relations: Selectable<CompanyProfileRelationsTable>[],
): CompanyProfile {
  const mine = relations
    .filter((r) => r.version_id === row.id)
    .sort((a, b) => a.position - b.position);
  return {
    organisationId: row.tenant_id,
    organisationName: row.organisation_name,
    versionId: row.id,
    version: row.version,
    validFrom: row.valid_from,
    recordedAt: row.recorded_at,
    recordedBy:
      row.recorded_by && row.recorded_by_name
        ? { userId: row.recorded_by, name: row.recorded_by_name }
        : undefined,
    legalForm: row.legal_form,
    legalFormOther: row.legal_form_other ?? undefined,
    registerCourt: row.register_court ?? undefined,
    registerNumber: row.register_number ?? undefined,
    naceCode: row.nace_code,
    seatAgs: row.seat_ags,
    staffAwu: Number(row.staff_awu),
    turnoverCents: row.turnover_cents ?? undefined,
    balanceSheetCents: row.balance_sheet_cents ?? undefined,
    figuresYear: row.figures_year,
    craftsChamberMember: row.crafts_chamber_member,
    trade: row.crafts_trade ?? undefined,
    publicBodiesSharePpm: row.public_bodies_share_ppm ?? undefined,
    undertakingInDifficulty: row.undertaking_in_difficulty ?? undefined,
    partners: mine.filter((r) => r.kind === 'partner').map(relation),
    linked: mine.filter((r) => r.kind === 'linked').map(relation),
  };
}

function versionsQuery(db: Handle, organisationId: string) {
  return db
    .selectFrom('company_profile_versions as v')
    .innerJoin('organisations as o', 'o.id', 'v.tenant_id')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .selectAll('v')
    .select(['o.name as organisation_name', 'u.display_name as recorded_by_name'])
    .where('v.tenant_id', '=', organisationId);
}

async function withRelations(db: Handle, rows: VersionRow[]): Promise<CompanyProfile[]> {
  if (rows.length === 0) return [];
  const relations = await db
    .selectFrom('company_profile_relations')
    .selectAll()
    .where(
      'version_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => toProfile(row, relations));
}

/**
 * The company's profile as it stood at `asOf`: among the versions recorded by then, the one valid
 * on that day (latest valid-from, and of those the latest saved). Reading at the moment of an
 * application's submission therefore returns exactly the figures it was assessed on, even after
 * later corrections. Without `asOf` the current profile: the latest valid-from of all versions
 * (a valid-from never lies after the day of saving), so a clock that runs ahead in a demo does not
 * hide it. Undefined when the company has no profile (or none valid on that day).
 */
export async function loadCompanyProfile(
  db: Handle,
  organisationId: string,
  asOf?: Date,
): Promise<CompanyProfile | undefined> {
  let query = versionsQuery(db, organisationId);
  if (asOf) {
    query = query.where('v.recorded_at', '<=', asOf).where('v.valid_from', '<=', berlinDay(asOf));
  }
  const row = await query
    .orderBy('v.valid_from', 'desc')
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const [profile] = await withRelations(db, [row]);
  return profile;
}

/** The version saved last (whatever day it is valid from); undefined without a profile. */
export async function loadNewestVersion(
  db: Handle,
  organisationId: string,
): Promise<CompanyProfile | undefined> {
  const row = await versionsQuery(db, organisationId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const [profile] = await withRelations(db, [row]);
  return profile;
}

/** Every version of the company's profile, newest saved first (the history of changes). */
export async function listCompanyProfileVersions(
  db: Handle,
  organisationId: string,
): Promise<CompanyProfile[]> {
  const rows = await versionsQuery(db, organisationId).orderBy('v.version', 'desc').execute();
  return withRelations(db, rows);
}

/**
 * The law layer's input (src/law/funding: determineSmeStatus, companyFacts) from a stored
 * profile, evaluated on `date` (which selects the parameter versions of the rules).
 */
export function companyProfileInput(
  profile: CompanyProfile | ProfileValues,
  date: IsoDate,
): CompanyProfileInput {
  const related = (r: ProfileRelation) => ({
    name: r.name,
    sharePpm: r.sharePpm,
    staffHeadcount: r.staffAwu,
    turnoverCents: r.turnoverCents,
    balanceSheetCents: r.balanceSheetCents,
  });
  return {
    date,
    staffHeadcount: profile.staffAwu,
    turnoverCents: profile.turnoverCents,
    balanceSheetCents: profile.balanceSheetCents,
    partners: profile.partners.map(related),
    linked: profile.linked.map(related),
    publicBodiesSharePpm: profile.publicBodiesSharePpm,
    naceCode: profile.naceCode,
    seatAgs: profile.seatAgs,
    craftsChamberMember: profile.craftsChamberMember,
    trade: profile.trade,
    undertakingInDifficulty: profile.undertakingInDifficulty,
  };
}
