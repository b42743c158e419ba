/** Recording de-minimis aid: declared by the company, granted here, and linked enterprises. */
import type { Kysely } from 'kysely';
import type { AidInstrument, Database, DeMinimisRegulation } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import { deMinimisCheck, type DeMinimisCheck } from './de-minimis.check.ts';
import { AID_INSTRUMENTS, REGULATIONS } from './de-minimis.types.ts';

type Db = Kysely<Database>;

/** The declaration form as typed (strings), kept for the page after an error. */
export interface DeclarationInput {
  grantingBody: string;
  grantedOn: string;
  amount: string;
  regulation: string;
  aidInstrument: string;
  recipientName: string;
  reference: string;
}

const text = (value: string) => value.trim().replace(/\s+/g, ' ');

/** '2025-03-31' as a date field sends it, or '31.03.2025' as people type it. */
function isoOf(value: string): string {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!german) return value.trim();
  return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
}

/**
 * Aid the company received from other bodies (or a linked enterprise received), as it declares
 * it: the information the former de-minimis declaration asked for. `today` is the Berlin day:
 * aid cannot be declared for a day that has not come yet.
 */
export async function declareDeMinimisAid(options: {
  db: Db;
  companyId: string;
  userId: string;
  today: string;
  input: DeclarationInput;
}): Promise<string> {
  const { input } = options;
  const errors: FieldError[] = [];
  const grantingBody = text(input.grantingBody);
  if (grantingBody.length < 2 || grantingBody.length > 200) {
    errors.push({
      field: 'grantingBody',
      message: 'Geben Sie die Stelle an, die die Beihilfe gewährt hat (2 bis 200 Zeichen).',
    });
  }
  const grantedOn = isoOf(input.grantedOn);
  if (!isIsoDate(grantedOn) || grantedOn < '2000-01-01') {
    errors.push({
      field: 'grantedOn',
      message: 'Geben Sie den Tag der Gewährung als Datum an (TT.MM.JJJJ bzw. JJJJ-MM-TT).',
    });
  } else if (grantedOn > options.today) {
    errors.push({ field: 'grantedOn', message: 'Der Tag der Gewährung liegt in der Zukunft.' });
  }
  const amount = parseEuroToCents(input.amount);
  if (amount === undefined || Number.isNaN(amount) || amount < 1 || amount > 100_000_000_000) {
    errors.push({
      field: 'amount',
      message: `Geben Sie den Betrag (Bruttosubventionsäquivalent) in Euro an, z. B. 12.500,00; höchstens ${formatEuro(100_000_000_000)}.`,
    });
  }
  const regulation = REGULATIONS.find((r) => r.value === input.regulation)?.value;
  if (!regulation) {
    errors.push({ field: 'regulation', message: 'Wählen Sie die De-minimis-Verordnung aus.' });
  }
  const instrument = AID_INSTRUMENTS.find((i) => i.value === input.aidInstrument)?.value;
  if (!instrument) {
    errors.push({ field: 'aidInstrument', message: 'Wählen Sie die Form der Beihilfe aus.' });
  }
  const recipientName = text(input.recipientName);
  if (recipientName !== '' && (recipientName.length < 2 || recipientName.length > 200)) {
    errors.push({
      field: 'recipientName',
      message: 'Der Name des verbundenen Unternehmens hat 2 bis 200 Zeichen.',
    });
  }
  const reference = text(input.reference);
  if (reference.length > 80) {
    errors.push({ field: 'reference', message: 'Das Aktenzeichen hat höchstens 80 Zeichen.' });
  }
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  const row = await options.db
    .insertInto('de_minimis_aid')
    .values({
      tenant_id: options.companyId,
      source: 'declared',
      recipient_name: recipientName === '' ? null : recipientName,
      granting_body: grantingBody,
      granted_on: grantedOn,
      amount_cents: amount!,
      regulation: regulation!,
      aid_instrument: instrument!,
      reference: reference === '' ? null : reference,
      recorded_by: options.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records de-minimis aid this funding body grants, after checking it in the same transaction
 * (the check locks the single undertaking, so concurrent grants cannot both use the same
 * headroom). Call it in the transaction of the signed grant decision, beside postCommitment.
 */
export async function recordGrantedDeMinimisAid(
  trx: Db,
  input: {
    companyId: string;
    fundingBodyId: string;
    procedureId: string | null;
    grantedOn: string;
    amountCents: number;
    regulation?: DeMinimisRegulation;
    aidInstrument?: AidInstrument;
    naceCode?: string;
    reference?: string;
    userId: string | null;
  },
): Promise<{ id: string; check: DeMinimisCheck }> {
  if (input.amountCents < 1) {
    throw new AppError('validation', 'Der Betrag der Beihilfe muss größer als 0,00 € sein.');
  }
  const check = await deMinimisCheck(trx, input.companyId, input.grantedOn, input.amountCents);
  if (check.outcome !== 'allowed') {
    throw new AppError(
      'conflict',
      check.outcome === 'reduce'
        ? `Der De-minimis-Höchstbetrag reicht nicht: Spielraum ${formatEuro(check.headroomCents)}, beantragt ${formatEuro(input.amountCents)}.`
        : `Der De-minimis-Höchstbetrag ist ausgeschöpft (${formatEuro(check.usedCents)} in drei Jahren).`,
    );
  }
  const body = await trx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', input.fundingBodyId)
    .where('kind', '=', 'funding-body')
    .executeTakeFirst();
  if (!body) throw new AppError('not_found', 'Diese Förderstelle gibt es nicht.');
  const row = await trx
    .insertInto('de_minimis_aid')
    .values({
      tenant_id: input.companyId,
      source: 'granted',
      granting_body: body.name,
      funding_body_id: input.fundingBodyId,
      procedure_id: input.procedureId,
      granted_on: input.grantedOn,
      amount_cents: input.amountCents,
      regulation: input.regulation ?? '2023/2831',
      aid_instrument: input.aidInstrument ?? 'grant',
      nace_code: input.naceCode ?? null,
      reference: input.reference ?? null,
      recorded_by: input.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, check };
}

/**
 * Records several de-minimis aids the funding body grants one company on one day (the
 * training-bonus claims of a check run), each naming its claim. Checked together in the same
 * transaction like recordGrantedDeMinimisAid: the sum must fit the undertaking's headroom, or
 * nothing is recorded. A claim is recorded once (unique claim_id).
 */
export async function recordGrantedClaimAids(
  trx: Db,
  input: {
    companyId: string;
    fundingBodyId: string;
    grantedOn: string;
    grants: readonly { claimId: string; amountCents: number; reference: string }[];
    userId: string | null;
  },
): Promise<{ check: DeMinimisCheck }> {
  const total = input.grants.reduce((sum, g) => sum + g.amountCents, 0);
  if (input.grants.some((g) => g.amountCents < 1)) {
    throw new AppError('validation', 'Der Betrag der Beihilfe muss größer als 0,00 € sein.');
  }
  const check = await deMinimisCheck(trx, input.companyId, input.grantedOn, total);
  if (check.outcome !== 'allowed') {
    throw new AppError(
      'conflict',
      `Der De-minimis-Höchstbetrag reicht nicht: Spielraum ${formatEuro(check.headroomCents)}, zusammen beantragt ${formatEuro(total)}.`,
    );
  }
  const body = await trx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', input.fundingBodyId)
    .where('kind', '=', 'funding-body')
    .executeTakeFirst();
  if (!body) throw new AppError('not_found', 'Diese Förderstelle gibt es nicht.');
  for (let i = 0; i < input.grants.length; i += 2_000) {
    await trx
      .insertInto('de_minimis_aid')
      .values(
        input.grants.slice(i, i + 2_000).map((g) => ({
          tenant_id: input.companyId,
          source: 'granted' as const,
          granting_body: body.name,
          funding_body_id: input.fundingBodyId,
          claim_id: g.claimId,
          granted_on: input.grantedOn,
          amount_cents: g.amountCents,
          regulation: '2023/2831' as const,
          aid_instrument: 'grant' as const,
          reference: g.reference,
          recorded_by: input.userId,
        })),
      )
      .execute();
  }
  return { check };
}

/**
 * Records that two organisations on the platform form one single undertaking (Art. 2 (2)
 * VO (EU) 2023/2831). Who confirms such a link (the company's declaration, the funding body's
 * review of the shareholdings) is [open]; the funding procedure calls this after its review.
 */
export async function linkEnterprises(
  db: Db,
  input: { companyId: string; linkedId: string; userId: string | null },
): Promise<void> {
  if (!isUuid(input.companyId) || !isUuid(input.linkedId) || input.companyId === input.linkedId) {
    throw new AppError('validation', 'Ein Unternehmen kann nur mit einem anderen verbunden sein.');
  }
  const found = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [input.companyId, input.linkedId])
    .where('kind', '=', 'company')
    .execute();
  if (found.length !== 2) throw new AppError('not_found', 'Dieses Unternehmen gibt es nicht.');
  await db
    .insertInto('de_minimis_links')
    .values({
      tenant_id: input.companyId,
      linked_organisation_id: input.linkedId,
      recorded_by: input.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
