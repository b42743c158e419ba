/**
 * Blacking out personal data in objections before they leave the authority: published
 * (§ 10 Abs. 3 BImSchG, Art. 5 Abs. 1 lit. c DSGVO) or passed on to the applicant (§ 12 Abs. 2
 * 9. BImSchV). The detector proposes, a case worker confirms; only confirmed text is ever
 * disclosed. The original body is never changed: it is the evidence of what was received.
 */
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  applyRedaction,
  detectPersonalData,
  KIND_LABELS,
  mergeSpans,
  type PersonalDataKind,
  type RedactionSpan,
} from '../redaction/index.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { requireCaseWorker } from './staff-access.ts';

/** The columns of an objection the redaction rules look at. */
export interface RedactableObjection {
  readonly id: string;
  readonly body: string;
  readonly name: string | null;
  readonly address: string | null;
  readonly email: string | null;
  readonly redactIdentity: boolean;
  readonly redactedBody: string | null;
  readonly redactionConfirmedAt: Date | null;
}

/** Spans as the case worker chose them; offsets are re-checked against the stored body. */
export interface ChosenSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: PersonalDataKind;
}

/** What the detector finds, with the identity the objector gave us as extra evidence. */
export function proposeRedaction(
  objection: Pick<RedactableObjection, 'body' | 'name' | 'address' | 'email'>,
): RedactionSpan[] {
  return detectPersonalData(objection.body, {
    name: objection.name,
    address: objection.address,
    email: objection.email,
  });
}

/** Text for any public page, feed or export: the confirmed redaction, otherwise nothing. */
export function publicText(
  objection: Pick<RedactableObjection, 'redactedBody' | 'redactionConfirmedAt'>,
): string | null {
  if (objection.redactionConfirmedAt === null || objection.redactedBody === null) return null;
  return objection.redactedBody;
}

export interface ApplicantView {
  readonly name: string | null;
  readonly address: string | null;
  /** null: the redaction is not confirmed yet, so the text cannot be passed on. */
  readonly text: string | null;
  readonly identityWithheld: boolean;
}

/**
 * § 12 Abs. 2 S. 2 und 3 9. BImSchV: the applicant receives the objections; on the objector's
 * request name and address are made unrecognisable. The text is passed on only in its confirmed
 * redacted form, whatever the objector asked: special categories of personal data (Art. 9 Abs. 1
 * DSGVO, e.g. health) and the names of third persons are not the objector's to give away, and
 * contact data and bank details are not needed by the applicant (Art. 5 Abs. 1 lit. c DSGVO).
 * The objector's own name in the text is blacked out too even without a request; the fields
 * carry it. [open] legal sign-off: scope of what the applicant receives when no request was made.
 * The e-mail address is never passed on.
 */
export function applicantView(
  objection: Pick<
    RedactableObjection,
    'name' | 'address' | 'redactIdentity' | 'redactedBody' | 'redactionConfirmedAt'
  >,
): ApplicantView {
  const text = publicText(objection);
  if (objection.redactIdentity) return { name: null, address: null, text, identityWithheld: true };
  return { name: objection.name, address: objection.address, text, identityWithheld: false };
}

/** Validates chosen spans against the body; nothing outside the text, no unknown kinds. */
export function checkSpans(body: string, spans: readonly ChosenSpan[]): RedactionSpan[] {
  const errors: FieldError[] = [];
  const checked: RedactionSpan[] = [];
  for (const span of spans) {
    const valid =
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= 0 &&
      span.end > span.start &&
      span.end <= body.length &&
      Object.hasOwn(KIND_LABELS, span.kind);
    if (!valid) {
      errors.push({
        field: 'spans',
        message: `Die gewählte Stelle (${span.start}–${span.end}) liegt nicht im Text der Einwendung oder ihre Art ist unbekannt. Bitte laden Sie die Seite neu.`,
      });
      continue;
    }
    checked.push({ ...span, text: body.slice(span.start, span.end) });
  }
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  return checked.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Further words the case worker wants blacked out: every occurrence, case-insensitive. */
export function spansForTerms(
  body: string,
  terms: readonly string[],
  kind: PersonalDataKind,
): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  const missing: string[] = [];
  for (const term of terms.map((t) => t.trim()).filter((t) => t !== '')) {
    const pattern = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
    let found = false;
    for (const match of body.matchAll(pattern)) {
      found = true;
      spans.push({ start: match.index, end: match.index + match[0].length, kind, text: match[0] });
    }
    if (!found) missing.push(term);
  }
  if (missing.length > 0) {
    const message = `Nicht im Text gefunden: „${missing.join('“, „')}“. Es wurde nichts gespeichert.`;
    throw new AppError('validation', message, [{ field: 'weitere', message }]);
  }
  return spans;
}

/**
 * Stores the redacted text for one objection (again if it was confirmed before). `terms` are
 * further words to black out wherever they occur.
 */
export async function confirmRedaction(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  objectionId: string;
  spans: readonly ChosenSpan[];
  terms?: { words: readonly string[]; kind: PersonalDataKind };
}): Promise<void> {
  const { deps, actor, procedureId, objectionId } = options;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Working data of one objection, not a step of the procedure: the row keeps who confirmed
    // it and when, and the procedure's audit chain (and its version) stays untouched.
    const procedure = await requireCaseWorker(trx, actor, procedureId);
    const objection = await trx
      .selectFrom('objections')
      .select(['id', 'body'])
      .where('id', '=', objectionId)
      .where('procedure_id', '=', procedure.id)
      .forUpdate()
      .executeTakeFirst();
    if (!objection) throw new AppError('not_found', 'Diese Einwendung gibt es nicht.');
    const chosen = checkSpans(objection.body, options.spans);
    if (options.terms)
      chosen.push(...spansForTerms(objection.body, options.terms.words, options.terms.kind));
    const spans = mergeSpans(objection.body, chosen);
    await trx
      .updateTable('objections')
      .set({
        redacted_body: applyRedaction(objection.body, spans),
        redaction_spans: JSON.stringify(spans),
        redaction_confirmed_at: now,
        redaction_confirmed_by: procedure.actorId,
      })
      .where('id', '=', objection.id)
      .execute();
  });
}
