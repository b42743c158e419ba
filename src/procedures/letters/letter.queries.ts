import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, LetterStatus, Role } from '../../db/schema.ts';
import { LETTER_KINDS } from './letter.kinds.ts';
import { DEFAULT_TEMPLATES, type TemplateTexts } from './letter.templates.ts';
import type { LetterContent, LetterKind } from './letter.types.ts';

type Handle = Db | Transaction<Database>;

/** The procedure as the letter engine needs it; with `lock`, FOR UPDATE (writers serialise). */
export async function findProcedureHead(db: Handle, procedureId: string, lock = false) {
  let query = db
    .selectFrom('procedures')
    .select([
      'id',
      'tenant_id',
      'applicant_org_id',
      'reference',
      'title',
      'type_key',
      'submitted_at',
    ])
    .where('id', '=', procedureId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? {
        id: row.id,
        tenantId: row.tenant_id,
        applicantOrgId: row.applicant_org_id,
        reference: row.reference,
        title: row.title,
        typeKey: row.type_key,
        submitted: row.submitted_at !== null,
      }
    : undefined;
}
export type ProcedureHead = NonNullable<Awaited<ReturnType<typeof findProcedureHead>>>;

export interface LetterSignatory {
  id: string;
  name: string;
  function: string;
}

export interface LetterRow {
  id: string;
  procedureId: string;
  tenantId: string;
  kind: LetterKind;
  series: number;
  version: number;
  status: LetterStatus;
  content: LetterContent;
  signatoryId: string | null;
  signatory: LetterSignatory | null;
  draftedBy: string;
  draftedByName: string;
  draftedAt: Date;
  reviewRequestedBy: string | null;
  reviewRequestedAt: Date | null;
  reviewerComment: string | null;
  returnedAt: Date | null;
  signedBy: string | null;
  signedByName: string | null;
  signedAt: Date | null;
  letterDate: string | null;
  pdfSha256: string | null;
  pdfSize: number | null;
  deliveredAt: Date | null;
  supersedesId: string | null;
  changeReason: string | null;
}

function letterQuery(db: Handle) {
  return db
    .selectFrom('letters as l')
    .innerJoin('users as d', 'd.id', 'l.drafted_by')
    .leftJoin('users as s', 's.id', 'l.signed_by')
    .selectAll('l')
    .select(['d.display_name as drafted_by_name', 's.display_name as signed_by_name']);
}

type Raw = Awaited<ReturnType<ReturnType<typeof letterQuery>['executeTakeFirstOrThrow']>>;

function toLetter(r: Raw): LetterRow {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    tenantId: r.tenant_id,
    kind: r.kind as LetterKind,
    series: r.series,
    version: r.version,
    status: r.status,
    content: r.content as LetterContent,
    signatoryId: r.signatory_id,
    signatory: (r.signatory as LetterSignatory | null) ?? null,
    draftedBy: r.drafted_by,
    draftedByName: r.drafted_by_name,
    draftedAt: r.drafted_at,
    reviewRequestedBy: r.review_requested_by,
    reviewRequestedAt: r.review_requested_at,
    reviewerComment: r.reviewer_comment,
    returnedAt: r.returned_at,
    signedBy: r.signed_by,
    signedByName: r.signed_by_name,
    signedAt: r.signed_at,
    letterDate: r.letter_date,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    deliveredAt: r.delivered_at,
    supersedesId: r.supersedes_id,
    changeReason: r.change_reason,
  };
}

export async function findLetter(
  db: Handle,
  procedureId: string,
  letterId: string,
): Promise<LetterRow | undefined> {
  const row = await letterQuery(db)
    .where('l.procedure_id', '=', procedureId)
    .where('l.id', '=', letterId)
    .executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

export async function listLetters(db: Handle, procedureId: string): Promise<LetterRow[]> {
  const rows = await letterQuery(db)
    .where('l.procedure_id', '=', procedureId)
    .orderBy('l.drafted_at')
    .orderBy('l.kind')
    .orderBy('l.series')
    .orderBy('l.version')
    .execute();
  return rows.map(toLetter);
}

/** The newest letter of a kind (its latest series, latest version). */
export async function latestOfKind(
  db: Handle,
  procedureId: string,
  kind: LetterKind,
): Promise<LetterRow | undefined> {
  const row = await letterQuery(db)
    .where('l.procedure_id', '=', procedureId)
    .where('l.kind', '=', kind)
    .orderBy('l.series', 'desc')
    .orderBy('l.version', 'desc')
    .executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

/** Letters submitted for sign-off in the given authorities, oldest first. */
export async function listAwaitingSignOff(db: Handle, tenantIds: string[]) {
  if (tenantIds.length === 0) return [];
  const rows = await letterQuery(db)
    .innerJoin('procedures as p', 'p.id', 'l.procedure_id')
    .select(['p.reference', 'p.title'])
    .where('l.tenant_id', 'in', tenantIds)
    .where('l.status', '=', 'in-review')
    .orderBy('l.review_requested_at')
    .execute();
  return rows.map((r) => ({ ...toLetter(r), reference: r.reference, title: r.title }));
}

/** The authority's current texts per kind: the highest version, or the default. */
export async function loadTemplates(
  db: Handle,
  tenantId: string,
): Promise<Record<LetterKind, TemplateTexts & { version: number }>> {
  const rows = await db
    .selectFrom('letter_templates')
    .select(['kind', 'version', 'texts'])
    .distinctOn('kind')
    .where('tenant_id', '=', tenantId)
    .orderBy('kind')
    .orderBy('version', 'desc')
    .execute();
  const result = {} as Record<LetterKind, TemplateTexts & { version: number }>;
  for (const kind of LETTER_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    result[kind] = row
      ? {
          ...DEFAULT_TEMPLATES[kind],
          ...(row.texts as Partial<TemplateTexts>),
          version: row.version,
        }
      : { ...DEFAULT_TEMPLATES[kind], version: 0 };
  }
  return result;
}

/** E-mail addresses of the active members with `role` in the organisations. */
export async function memberEmails(
  db: Handle,
  organisationIds: string[],
  role: Role,
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .distinct()
    .where('m.organisation_id', 'in', organisationIds)
    .where('m.role', '=', role)
    .where('u.disabled', '=', false)
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

export async function userEmail(db: Handle, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['email', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && !row.disabled ? row.email : undefined;
}

/** Whether a database error is the freeze trigger refusing a change to a signed letter. */
export function isFreezeViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { constraint?: unknown }).constraint === 'letters_frozen'
  );
}

/** Whether a database error is one of the letter uniqueness rules (a concurrent writer won). */
export function isLetterUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return (
    e?.code === '23505' &&
    typeof e.constraint === 'string' &&
    ['letters_one_open', 'letters_one_valid', 'letters_version'].includes(e.constraint)
  );
}

/** Kinds with a signed or delivered (not superseded) letter, for 'letter-signed' guards. */
export async function signedLetterKinds(
  db: Db | Transaction<Database>,
  procedureId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('letters')
    .select('kind')
    .distinct()
    .where('procedure_id', '=', procedureId)
    .where('status', 'in', ['signed', 'delivered'])
    .execute();
  return rows.map((r) => r.kind);
}
