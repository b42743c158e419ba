import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { CHECK_LABELS, type CheckId, type CheckResult } from './training.checks.ts';
import { bindWaitingClaims, type BindResult } from './training.funds.ts';

/**
 * Use cases of the funding body's staff: the manual QA of claims (approve or refuse with a reason,
 * checks passed by hand named), the course list and the settings. A staff member acts only for
 * their own funding body: every query names its tenant, so another body's claim is "not found".
 */
export type StaffRole = 'case_worker' | 'supervisor';

export function fundingBodyOf(
  actor: Actor,
  roles: readonly StaffRole[] = ['case_worker', 'supervisor'],
): { id: string; name: string; userId: string; userName: string } {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const m = actor.memberships.find(
    (x) => x.organisationKind === 'funding-body' && (roles as string[]).includes(x.role),
  );
  if (!m)
    throw new AppError(
      'forbidden',
      roles.length === 1 && roles[0] === 'supervisor'
        ? 'Das darf nur die Leitung der Förderstelle.'
        : 'Nur Beschäftigte der Förderstelle haben hierauf Zugriff.',
    );
  return {
    id: m.organisationId,
    name: m.organisationName,
    userId: actor.userId,
    userName: actor.displayName,
  };
}

const REASON_MAX = 2_000;

/**
 * Decides a claim held for manual QA. Approving requires that every failed check is named as
 * passed by hand (the reviewer confirms it against the documents); a refusal releases the amount
 * held against the employee's cap (the ledger trigger). Audited in training_claim_events.
 */
export async function decideTrainingClaim(options: {
  db: Db;
  actor: Actor;
  claimId: string;
  decision: string;
  reason: string;
  passedByHand: readonly string[];
  now: Date;
}): Promise<void> {
  const body = fundingBodyOf(options.actor);
  const reason = options.reason.trim();
  const errors: FieldError[] = [];
  if (options.decision !== 'approve' && options.decision !== 'refuse')
    errors.push({
      field: 'decision',
      message: 'Entscheidung: Bitte „bewilligen“ oder „ablehnen“ wählen.',
    });
  if (reason === '' || reason.length > REASON_MAX)
    errors.push({
      field: 'reason',
      message: `Begründung: Bitte eine Begründung angeben (höchstens ${REASON_MAX} Zeichen).`,
    });
  await options.db.transaction().execute(async (trx) => {
    const claim = await trx
      .selectFrom('training_claims')
      .select(['id', 'status', 'checks'])
      .where('id', '=', options.claimId)
      .where('tenant_id', '=', body.id)
      .forUpdate()
      .executeTakeFirst();
    if (!claim) throw new AppError('not_found', 'Der Antrag wurde nicht gefunden.');
    if (claim.status !== 'qa')
      throw new AppError('conflict', 'Der Antrag ist nicht (mehr) in der manuellen Prüfung.');
    const checks = (claim.checks ?? []) as CheckResult[];
    const failed = checks.filter((c) => c.outcome === 'failed').map((c) => c.id);
    const byHand = options.passedByHand.filter((id): id is CheckId => id in CHECK_LABELS);
    if (byHand.length !== options.passedByHand.length)
      errors.push({ field: 'passedByHand', message: 'Prüfungen: unbekannte Prüfung angegeben.' });
    if (options.decision === 'approve') {
      const open = failed.filter((id) => !byHand.includes(id));
      if (open.length > 0)
        errors.push({
          field: 'passedByHand',
          message: `Prüfungen: Vor der Bewilligung bitte bestätigen, dass diese Prüfungen von Hand bestanden sind: ${open.map((id) => CHECK_LABELS[id]).join('; ')}.`,
        });
      // The cap and the duplicate check are the database's and the list's, not a judgement.
      for (const id of ['cap', 'duplicate', 'de-minimis'] as const)
        if (byHand.includes(id) && failed.includes(id))
          errors.push({
            field: 'passedByHand',
            message: `Prüfungen: „${CHECK_LABELS[id]}“ kann nicht von Hand als bestanden gelten.`,
          });
    }
    if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
    const approve = options.decision === 'approve';
    const marked = checks.map((c) =>
      approve && c.outcome === 'failed' && byHand.includes(c.id)
        ? { ...c, outcome: 'passed-by-hand' as const }
        : c,
    );
    await trx
      .updateTable('training_claims')
      .set({
        // An approval binds the funds first (training.funds.ts): it waits until they are there.
        status: approve ? 'awaiting-funds' : 'refused',
        checks: JSON.stringify(marked),
        decided_by: body.userId,
        decided_at: options.now,
        decision_reason: reason,
      })
      .where('id', '=', claim.id)
      .execute();
    await trx
      .insertInto('training_claim_events')
      .values({
        tenant_id: body.id,
        claim_id: claim.id,
        kind: approve ? 'approved-by-hand' : 'refused-by-hand',
        reason,
        passed_by_hand: approve ? byHand.filter((id) => failed.includes(id)) : [],
        actor_id: body.userId,
        actor_name: body.userName,
        at: options.now,
      })
      .execute();
    if (approve)
      await bindWaitingClaims(trx, { tenantId: body.id, now: options.now, userId: body.userId });
  });
}

/**
 * Binds the funds of the claims that wait for them, e.g. after a new appropriation on the
 * bonus's budget line: in order of submission, as far as the money goes (training.funds.ts).
 */
export async function bindWaitingTrainingClaims(options: {
  db: Db;
  actor: Actor;
  now: Date;
}): Promise<BindResult> {
  const body = fundingBodyOf(options.actor);
  return options.db
    .transaction()
    .execute((trx) =>
      bindWaitingClaims(trx, { tenantId: body.id, now: options.now, userId: body.userId }),
    );
}

export interface CourseDraft {
  code: string;
  title: string;
  provider: string;
  standard: string;
  days: string;
}

/** Adds a course to the funding body's list; German errors per field, nothing saved on error. */
export async function addTrainingCourse(options: {
  db: Db;
  actor: Actor;
  draft: CourseDraft;
}): Promise<string> {
  const body = fundingBodyOf(options.actor);
  const d = {
    code: options.draft.code.trim().toUpperCase(),
    title: options.draft.title.trim(),
    provider: options.draft.provider.trim(),
    standard: options.draft.standard,
    days: options.draft.days.trim(),
  };
  const errors: FieldError[] = [];
  const unsafe = /[\p{Cc}]/u;
  if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(d.code))
    errors.push({
      field: 'code',
      message: 'Kennung: 2 bis 40 Zeichen, Buchstaben, Ziffern und Bindestrich.',
    });
  if (d.title.length < 3 || d.title.length > 200 || unsafe.test(d.title))
    errors.push({ field: 'title', message: 'Titel: Bitte 3 bis 200 Zeichen angeben.' });
  if (d.provider.length < 2 || d.provider.length > 200 || unsafe.test(d.provider))
    errors.push({ field: 'provider', message: 'Anbieter: Bitte 2 bis 200 Zeichen angeben.' });
  if (d.standard !== 'vdi-4645' && d.standard !== 'equivalent')
    errors.push({
      field: 'standard',
      message: 'Grundlage: Bitte „VDI 4645“ oder „gleichwertig“ wählen.',
    });
  const days = /^\d{1,2}$/.test(d.days) ? Number(d.days) : NaN;
  if (!(days >= 1 && days <= 30))
    errors.push({
      field: 'days',
      message: 'Kurstage: Bitte eine ganze Zahl von 1 bis 30 angeben.',
    });
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  const inserted = await options.db
    .insertInto('training_courses')
    .values({
      tenant_id: body.id,
      code: d.code,
      title: d.title,
      provider: d.provider,
      standard: d.standard as 'vdi-4645' | 'equivalent',
      days,
      created_by: body.userId,
    })
    .onConflict((oc) => oc.constraint('training_courses_code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted)
    throw new AppError('conflict', `Kennung: Den Kurs „${d.code}“ gibt es auf der Liste schon.`, [
      { field: 'code', message: `Kennung: Den Kurs „${d.code}“ gibt es auf der Liste schon.` },
    ]);
  return inserted.id;
}

/** Takes a course off the list (or back on): claims already checked keep their result. */
export async function setTrainingCourseActive(options: {
  db: Db;
  actor: Actor;
  courseId: string;
  active: boolean;
}): Promise<void> {
  const body = fundingBodyOf(options.actor);
  const result = await options.db
    .updateTable('training_courses')
    .set({ active: options.active })
    .where('id', '=', options.courseId)
    .where('tenant_id', '=', body.id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new AppError('not_found', 'Der Kurs wurde nicht gefunden.');
}

/** The share sampled for QA and the paying account; the supervisor keeps them. */
export async function saveTrainingSettings(options: {
  db: Db;
  actor: Actor;
  draft: { samplePermille: string; debtorName: string; debtorIban: string; debtorBic: string };
}): Promise<void> {
  const body = fundingBodyOf(options.actor, ['supervisor']);
  const d = options.draft;
  const errors: FieldError[] = [];
  const permille = /^\d{1,4}$/.test(d.samplePermille.trim()) ? Number(d.samplePermille) : NaN;
  if (!(permille >= 0 && permille <= 1000))
    errors.push({
      field: 'samplePermille',
      message: 'Stichprobe: Bitte 0 bis 1000 Promille angeben.',
    });
  const name = d.debtorName.trim();
  if (name.length < 2 || name.length > 70 || /[\p{Cc}<>]/u.test(name))
    errors.push({ field: 'debtorName', message: 'Kontoinhaber: Bitte 2 bis 70 Zeichen angeben.' });
  const iban = electronicFormatIBAN(d.debtorIban) ?? '';
  if (!isValidIBAN(iban))
    errors.push({
      field: 'debtorIban',
      message: 'IBAN: Die IBAN ist ungültig (Länge oder Prüfziffer stimmen nicht).',
    });
  const bic = d.debtorBic.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic))
    errors.push({ field: 'debtorBic', message: 'BIC: Der BIC ist ungültig (8 oder 11 Zeichen).' });
  else if (isValidIBAN(iban) && bic.slice(4, 6) !== iban.slice(0, 2))
    errors.push({
      field: 'debtorBic',
      message: 'BIC: Der BIC gehört zu einem anderen Land als die IBAN.',
    });
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  const values = {
    qa_sample_permille: permille,
    debtor_name: name,
    debtor_iban: iban,
    debtor_bic: bic,
  };
  await options.db
    .insertInto('training_bonus_settings')
    .values({ tenant_id: body.id, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
