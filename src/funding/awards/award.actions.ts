/** Recording a grant in the award list, in the transaction of the signed grant decision. */
import type { Kysely } from 'kysely';
import type { AidInstrument, AwardRecipientSize, Database } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import type { StateAidBasis } from '../../law/funding/programme.types.ts';
import type { SizeClass } from '../../law/funding/sme-status.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { aidBasisLabel, publicationDecision } from './award.publication.ts';

type Db = Kysely<Database>;

const INSTRUMENTS: readonly AidInstrument[] = [
  'grant',
  'loan',
  'guarantee',
  'tax',
  'equity',
  'other',
];
const SIZES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large'];
/** Legal forms under which the undertaking is a natural person (its name is personal data). */
const NATURAL_PERSON_FORMS = new Set(['einzelunternehmen', 'ek']);
const MAX_CENTS = 100_000_000_000;

export interface AwardInput {
  /** The funding body that granted the aid (tenant of the row). */
  fundingBodyId: string;
  procedureId: string | null;
  /** The recipient on the platform; its name, seat, sector and legal form fill what is missing. */
  recipientOrgId: string | null;
  recipientName?: string;
  recipientAgs?: string | null;
  /** The SME test's class (ApplicantSnapshot.sizeClass); a micro enterprise is listed as small. */
  recipientSize?: SizeClass | null;
  naceCode?: string | null;
  /** Overrides the legal form of the profile: true for a sole trader (a natural person). */
  recipientNaturalPerson?: boolean;
  programme: { programmeId: string; title: string; stateAid: StateAidBasis };
  aidInstrument?: AidInstrument;
  /** The aid granted (for a grant its amount; for other instruments the gross grant equivalent). */
  amountCents: number;
  /** Day of the grant decision (YYYY-MM-DD). */
  grantedOn: string;
  /** What the aid is for, in a sentence (Annex III: objective of the aid). */
  purpose: string;
  reference?: string | null;
  /** The decision's time: publication begins with the commit of its transaction. */
  now: Date;
}

/** Annex III AGVO distinguishes SMEs from large enterprises; micro enterprises are small ones. */
function listedSize(size: SizeClass | null | undefined): AwardRecipientSize | null {
  if (size === undefined || size === null) return null;
  return size === 'micro' ? 'small' : size;
}

const clean = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');

interface RecipientFacts {
  name: string | undefined;
  ags: string | null;
  nace: string | null;
  naturalPerson: boolean;
}

async function recipientFacts(trx: Db, orgId: string): Promise<RecipientFacts> {
  const org = await trx
    .selectFrom('organisations')
    .select(['name', 'kind'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org || org.kind !== 'company') {
    throw new AppError(
      'validation',
      'Der Zuwendungsempfänger ist kein Unternehmen der Plattform.',
      [{ field: 'recipientOrgId', message: 'Der Zuwendungsempfänger ist kein Unternehmen.' }],
    );
  }
  const profile = await trx
    .selectFrom('company_profile_versions')
    .select(['seat_ags', 'nace_code', 'legal_form'])
    .where('tenant_id', '=', orgId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    name: org.name,
    ags: profile?.seat_ags ?? null,
    nace: profile?.nace_code ?? null,
    naturalPerson: profile ? NATURAL_PERSON_FORMS.has(profile.legal_form) : false,
  };
}

function validate(input: AwardInput, name: string, ags: string | null, nace: string | null) {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!isUuid(input.fundingBodyId)) add('fundingBodyId', 'Die Förderstelle fehlt.');
  if (input.procedureId !== null && !isUuid(input.procedureId))
    add('procedureId', 'Die Kennung des Förderverfahrens ist ungültig.');
  if (name.length < 2 || name.length > 200)
    add('recipientName', 'Der Name des Zuwendungsempfängers hat 2 bis 200 Zeichen.');
  if (ags !== null && !/^\d{8}$/.test(ags))
    add('recipientAgs', 'Der Gemeindeschlüssel des Sitzes hat genau 8 Ziffern.');
  if (nace !== null && !/^\d{2}(\.\d{1,3})?$/.test(nace))
    add('naceCode', 'Der Wirtschaftszweig (NACE) hat die Form „35.11“.');
  if (input.recipientSize != null && !SIZES.includes(input.recipientSize))
    add('recipientSize', 'Die Unternehmensgröße ist Kleinst-, klein, mittel oder groß.');
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(input.programme.programmeId))
    add('programmeId', 'Die Kennung des Förderprogramms ist ungültig.');
  const title = clean(input.programme.title);
  if (title.length < 2 || title.length > 300)
    add('programmeTitle', 'Der Titel des Förderprogramms hat 2 bis 300 Zeichen.');
  if (input.aidInstrument !== undefined && !INSTRUMENTS.includes(input.aidInstrument))
    add('aidInstrument', 'Die Form der Beihilfe ist unbekannt.');
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1)
    add('amountCents', 'Der Betrag der Zuwendung muss größer als 0,00 € sein (in ganzen Cent).');
  else if (input.amountCents > MAX_CENTS)
    add('amountCents', 'Der Betrag der Zuwendung ist höher als 1 Mrd. €.');
  if (!isIsoDate(input.grantedOn) || input.grantedOn < '2000-01-01')
    add('grantedOn', 'Der Tag der Bewilligung ist kein gültiges Datum (JJJJ-MM-TT).');
  const purpose = clean(input.purpose);
  if (purpose.length < 3 || purpose.length > 500)
    add('purpose', 'Der Zweck der Zuwendung hat 3 bis 500 Zeichen.');
  const reference = clean(input.reference);
  if (reference.length > 80) add('reference', 'Das Aktenzeichen hat höchstens 80 Zeichen.');
  if (Number.isNaN(input.now.getTime())) add('now', 'Der Zeitpunkt der Entscheidung fehlt.');
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  return { title, purpose, reference: reference === '' ? null : reference };
}

/**
 * Records the grant and decides whether it is published (award.publication.ts). Call it inside
 * the transaction of the signed grant decision, beside the ledger commitment: the row becomes
 * public when that transaction commits (published_from = the decision's time), i.e. at once,
 * well within a day and the six months of Art. 9 (4) AGVO. Nothing is written on invalid input;
 * a second award for the same procedure is a conflict.
 */
export async function recordAward(
  trx: Db,
  input: AwardInput,
): Promise<{ id: string; published: boolean }> {
  if (input.recipientOrgId !== null && !isUuid(input.recipientOrgId)) {
    throw new AppError('validation', 'Die Kennung des Zuwendungsempfängers ist ungültig.', [
      { field: 'recipientOrgId', message: 'Die Kennung des Zuwendungsempfängers ist ungültig.' },
    ]);
  }
  const facts: RecipientFacts =
    input.recipientOrgId === null
      ? { name: undefined, ags: null, nace: null, naturalPerson: false }
      : await recipientFacts(trx, input.recipientOrgId);
  const name = clean(input.recipientName ?? facts.name);
  const ags = input.recipientAgs === undefined ? facts.ags : input.recipientAgs;
  const nace = input.naceCode === undefined ? facts.nace : input.naceCode;
  const checked = validate(input, name, ags, nace);
  const body = isUuid(input.fundingBodyId)
    ? await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', input.fundingBodyId)
        .where('kind', '=', 'funding-body')
        .executeTakeFirst()
    : undefined;
  if (!body) throw new AppError('not_found', 'Diese Förderstelle gibt es nicht.');
  const decision = publicationDecision(input.programme.stateAid, input.amountCents);
  const row = await trx
    .insertInto('funding_awards')
    .values({
      tenant_id: input.fundingBodyId,
      procedure_id: input.procedureId,
      recipient_org_id: input.recipientOrgId,
      recipient_name: name,
      recipient_natural_person: input.recipientNaturalPerson ?? facts.naturalPerson,
      recipient_ags: ags,
      recipient_size: listedSize(input.recipientSize),
      nace_code: nace,
      programme_id: input.programme.programmeId,
      programme_title: checked.title,
      aid_basis: aidBasisLabel(input.programme.stateAid),
      aid_instrument: input.aidInstrument ?? 'grant',
      amount_cents: input.amountCents,
      granted_on: input.grantedOn,
      purpose: checked.purpose,
      reference: checked.reference,
      recorded_at: input.now,
      published_from: decision.publish ? input.now : null,
    })
    // Concurrent decisions on one procedure: the second waits for the first and inserts nothing.
    .onConflict((oc) => oc.column('procedure_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw new AppError('conflict', 'Für dieses Förderverfahren ist die Zuwendung schon erfasst.');
  }
  return { id: row.id, published: decision.publish };
}
