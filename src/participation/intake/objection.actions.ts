/**
 * Receiving an objection (§ 10 Abs. 3 S. 4 BImSchG, § 12 9. BImSchV) from the public, by form or
 * API. Durable before acknowledged: the 201 is sent only after the commit, so a crash right after
 * it loses nothing. One INSERT in the common case keeps intake fast under load; late objections
 * are stored and marked (formal preclusion, § 10 Abs. 3 S. 5 BImSchG), never refused.
 */
import { sql } from 'kysely';
import { isUuid } from '../../db/ids.ts';
import { executePrepared } from '../../db/database.ts';
import { formatGermanDate } from '../../law/index.ts';
import { AppError } from '../../platform/errors.ts';
import { promoteFiles } from '../../platform/file-orphans.ts';
import { queueMail } from '../../platform/mail.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { purposeKey, type ParticipationDeps } from '../participation.types.ts';
import { findPublicProcedure, type PublicProcedure } from '../public-procedure.queries.ts';
import type { StagedAttachment } from './attachments.ts';
import { CURRENT_RECEIPT_HASH_VERSION, receiptHashV2 } from './objection-hash.ts';
import { receiptHashCovers, receiptHashHowToCheck } from '../receipt/receipt-hash.text.ts';
import type { ObjectionFields } from './objection-input.ts';
import { countSubmission, settleCount, type RateBucket } from './rate-limit.ts';
import { statusToken } from './status-token.ts';
import type { EarlyIntake, ObjectionChannel } from '../../db/schema.ts';
import { earlyIntake, earlyNotice } from './intake-rules.ts';

export interface ReceivedAttachment {
  readonly filename: string;
  /** The name exactly as sent (the receipt hash covers it); `filename` is cleaned for display. */
  readonly nameAsSent: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
}

export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: Date;
  readonly sha256: string;
  readonly late: boolean;
  /** Received before the notice or before the display began (intake-rules.ts). */
  readonly early: EarlyIntake | null;
  readonly statusToken: string;
  /** True when a retried submission found the objection stored before. */
  readonly replay: boolean;
}

/** The procedure must be public and not closed; otherwise nothing can be objected to. */
export async function procedureOpenForObjections(
  deps: ParticipationDeps,
  procedureId: string,
): Promise<PublicProcedure> {
  const procedure = await findPublicProcedure(deps.db, procedureId);
  if (!procedure) {
    throw new AppError(
      'not_found',
      'Zu diesem Verfahren gibt es keine öffentliche Bekanntmachung.',
    );
  }
  if (procedure.closed) {
    throw new AppError(
      'conflict',
      'Das Verfahren ist abgeschlossen; Einwendungen können nicht mehr erhoben werden.',
    );
  }
  return procedure;
}

/** After the objection period (end of its last day, Europe/Berlin) an objection is late. */
export function isLate(procedure: PublicProcedure, receivedAt: Date): boolean {
  return berlinDate(receivedAt) > procedure.participation.objectionEnd;
}

export async function submitObjection(options: {
  deps: ParticipationDeps;
  procedure: PublicProcedure;
  fields: ObjectionFields;
  /** Checked attachments in the staging area; promoted to the store only when the row commits. */
  attachments: readonly StagedAttachment[];
  channel: Extract<ObjectionChannel, 'web' | 'api'>;
  submissionKey: string | null;
  /** The proof-of-work challenge spent on this submission (once per procedure). */
  challengeId?: string | null;
}): Promise<Receipt> {
  const { deps, procedure, fields, attachments } = options;
  const receivedAt = deps.clock.now();
  const sha256 = receiptHashV2(
    fields.receivedText,
    attachments.map((a) => ({ name: a.nameAsSent, sha256: a.sha256 })),
  );
  const late = isLate(procedure, receivedAt);
  const early = earlyIntake(procedure.participation, berlinDate(receivedAt));
  const key = purposeKey(deps, 'objection-status');
  const insert = async (db: typeof deps.db) =>
    db
      .insertInto('objections')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        reference: nextReference(receivedAt),
        received_at: receivedAt,
        channel: options.channel,
        body: fields.text,
        name: fields.name,
        address: fields.address,
        email: fields.email,
        redact_identity: fields.redactIdentity,
        late,
        early,
        signatures: fields.signatures,
        signatures_confirmed: fields.signaturesConfirmed,
        representative_name: fields.representative?.name ?? null,
        representative_profession: fields.representative?.profession ?? null,
        representative_address: fields.representative?.address ?? null,
        sha256,
        receipt_hash_version: CURRENT_RECEIPT_HASH_VERSION,
        received_text: receivedTextToKeep(fields),
        submission_key: options.submissionKey,
        challenge_id: options.challengeId ?? null,
        entered_by: null,
      })
      // A key or a challenge used before: replayed() tells a retry from a conflict.
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'reference'])
      .executeTakeFirst();
  const needsTransaction = attachments.length > 0 || fields.email !== null;
  const inserted = needsTransaction
    ? await deps.db.transaction().execute(async (trx) => {
        const row = await insert(trx);
        if (!row) return undefined;
        if (attachments.length > 0) {
          await trx
            .insertInto('objection_attachments')
            .values(
              attachments.map((a, position) => ({
                objection_id: row.id,
                position,
                tenant_id: procedure.tenantId,
                filename: a.filename,
                name_as_sent: a.nameAsSent === a.filename ? null : a.nameAsSent,
                media_type: a.mediaType,
                sha256: a.sha256,
                size: a.size,
              })),
            )
            .execute();
          // Last step before the commit: a stored file always has its row (file-orphans.ts).
          await promoteFiles(
            trx,
            deps.store,
            attachments.map((a) => a.file),
          );
        }
        if (fields.email !== null) {
          const receipt = {
            ...row,
            receivedAt,
            sha256,
            late,
            early,
            statusToken: statusToken(key, row.id),
          };
          await queueMail(trx, receiptMail(deps, procedure, receipt, fields.email));
        }
        return row;
      })
    : await insert(deps.db);
  if (inserted) {
    return {
      ...inserted,
      receivedAt,
      sha256,
      late,
      early,
      statusToken: statusToken(key, inserted.id),
      replay: false,
    };
  }
  return replayed(deps, procedure, options.submissionKey, { sha256, fields });
}

/** The text as received, kept only where it differs from the stored (trimmed) body. */
function receivedTextToKeep(fields: ObjectionFields): string | null {
  return fields.receivedText === fields.text ? null : fields.receivedText;
}

/** The next reference number, EW-<year of receipt>-<7 digits>, drawn in the inserting statement. */
function nextReference(receivedAt: Date) {
  return sql<string>`'EW-' || to_char(${receivedAt}::timestamptz at time zone 'Europe/Berlin', 'YYYY') || '-' || lpad(nextval('objection_number_seq')::text, 7, '0')`;
}

/**
 * The common case under load — text and identity only, no attachments, no receipt mail — in a
 * single statement and commit: it counts the submission for the rate limit, checks that the
 * procedure is public and open (as procedureOpenForObjections does), decides lateness from the
 * stored objection period and stores the objection, all against the same snapshot. Returns
 * undefined when it stored nothing because the procedure is unknown, not public or closed, or
 * the submission key was used before; the caller then takes the full path, which gives the
 * precise answer (404, 409 or the first receipt). Above the rate limit it refuses (429).
 */
export async function submitPlainObjection(options: {
  deps: ParticipationDeps;
  procedureId: string;
  fields: ObjectionFields;
  channel: Extract<ObjectionChannel, 'web' | 'api'>;
  submissionKey: string | null;
  challengeId: string | null;
  rate: RateBucket | undefined;
}): Promise<Receipt | undefined> {
  const { deps, procedureId, fields, rate } = options;
  // Signature counts and representatives are rare: the full path stores them.
  const plain = fields.signatures === 1 && fields.representative === null;
  if (fields.email !== null || !plain || !isUuid(procedureId)) return undefined;
  const receivedAt = deps.clock.now();
  const sha256 = receiptHashV2(fields.receivedText, []);
  const today = berlinDate(receivedAt);
  const statement = sql<{
    id: string | null;
    reference: string;
    late: boolean;
    early: EarlyIntake | null;
    count: number;
  }>`
    with counted as (${rate ? countSubmission(rate) : sql`select 0 as count`}),
    stored as (
      insert into objections (procedure_id, tenant_id, reference, received_at, channel, body,
        name, address, email, redact_identity, late, early, sha256, receipt_hash_version,
        received_text, submission_key, challenge_id, entered_by)
      select p.id, p.tenant_id, ${nextReference(receivedAt)}, ${receivedAt}, ${options.channel},
        ${fields.text}, ${fields.name}, ${fields.address}, null, ${fields.redactIdentity},
        ${today} > p.state->'participation'->>'objectionEnd',
        case when ${today} < p.state->'participation'->>'noticeDate' then 'before-notice'
          when ${today} < p.state->'participation'->>'displayStart' then 'before-display' end,
        ${sha256},
        ${CURRENT_RECEIPT_HASH_VERSION}, ${receivedTextToKeep(fields)}, ${options.submissionKey}, ${options.challengeId}, null
      from procedures p
      where p.id = ${procedureId} and p.closed_at is null
        and jsonb_typeof(p.state->'participation') = 'object'
        and coalesce((select count from counted), 0) <= ${rate?.perHour ?? 0}
      on conflict do nothing
      returning id, reference, late, early
    )
    select stored.id, stored.reference, stored.late, stored.early, coalesce((select count from counted), 0) as count
    from (values (1)) as one left join stored on true`;
  // Prepared: under load, planning this statement anew each time would cost more than running it.
  const [row] = await executePrepared(deps.db, statement.compile(deps.db));
  if (!row) throw new Error('objection intake statement returned no row');
  if (rate && row.count > rate.perHour) await procedureOpenForObjections(deps, procedureId);
  if (rate) await settleCount(deps.db, rate, row.count);
  if (row.id === null) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    receivedAt,
    sha256,
    late: row.late,
    early: row.early,
    statusToken: statusToken(purposeKey(deps, 'objection-status'), row.id),
    replay: false,
  };
}

/**
 * One idempotency rule for the API and the form: a submission's key is the client's
 * Idempotency-Key, or else its proof-of-work challenge (the form's token). The same key with the
 * same content gets the first receipt again; with other content — the text, an attachment, a name,
 * the address, the e-mail or the redaction wish — it is refused (409) and nothing is stored or
 * dropped. A challenge buys one objection: spent on another key, it is refused too.
 */
async function replayed(
  deps: ParticipationDeps,
  procedure: PublicProcedure,
  submissionKey: string | null,
  content: { sha256: string; fields: ObjectionFields },
): Promise<Receipt> {
  const existing =
    submissionKey === null
      ? undefined
      : await deps.db
          .selectFrom('objections')
          .select(['id', 'reference', 'received_at', 'sha256', 'late', 'early'])
          .select(['name', 'address', 'email', 'redact_identity', 'signatures'])
          .select(['representative_name', 'representative_profession', 'representative_address'])
          .where('procedure_id', '=', procedure.id)
          .where('submission_key', '=', submissionKey)
          .executeTakeFirst();
  if (!existing) throw new AppError('conflict', CHALLENGE_SPENT);
  const { fields } = content;
  const same =
    existing.sha256 === content.sha256 &&
    existing.name === fields.name &&
    existing.address === fields.address &&
    existing.email === fields.email &&
    existing.redact_identity === fields.redactIdentity &&
    existing.signatures === fields.signatures &&
    existing.representative_name === (fields.representative?.name ?? null) &&
    existing.representative_profession === (fields.representative?.profession ?? null) &&
    existing.representative_address === (fields.representative?.address ?? null);
  if (!same) throw new AppError('conflict', KEY_REUSED);
  return {
    id: existing.id,
    reference: existing.reference,
    receivedAt: existing.received_at,
    sha256: existing.sha256,
    late: existing.late,
    early: existing.early,
    statusToken: statusToken(purposeKey(deps, 'objection-status'), existing.id),
    replay: true,
  };
}

export const KEY_REUSED =
  'Mit diesem Formular oder diesem Idempotency-Key wurde bereits eine andere Einwendung eingereicht; diese wurde nicht gespeichert. Für eine weitere Einwendung öffnen Sie bitte das Formular neu (API: ein neuer Idempotency-Key).';
const CHALLENGE_SPENT =
  'Diese Sicherheitsprüfung wurde bereits für eine andere Einwendung verwendet; diese wurde nicht gespeichert. Bitte laden Sie das Formular neu (API: eine neue Aufgabe von …/objections/challenge holen).';

export function statusUrl(deps: ParticipationDeps, token: string): string {
  return `${deps.config.publicUrl}eingang/${token}`;
}

function receiptMail(
  deps: ParticipationDeps,
  procedure: PublicProcedure,
  receipt: Omit<Receipt, 'replay'>,
  to: string,
) {
  const when = receipt.receivedAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' });
  const lines = [
    'Guten Tag,',
    '',
    `Ihre Einwendung zum Verfahren „${procedure.title}“ (Az. ${procedure.reference}) ist bei der Behörde ${procedure.authorityName} eingegangen.`,
    '',
    `Eingangsnummer: ${receipt.reference}`,
    `Eingang: ${when} Uhr`,
    `Prüfsumme (SHA-256, Prüfverfahren Version ${CURRENT_RECEIPT_HASH_VERSION}): ${receipt.sha256}`,
    receiptHashCovers(CURRENT_RECEIPT_HASH_VERSION),
    receiptHashHowToCheck(deps.config.publicUrl),
    '',
    receipt.early ? `Hinweis: ${earlyNotice(receipt.early, procedure.participation)}` : '',
    receipt.late
      ? `Hinweis: Die Einwendungsfrist endete am ${formatGermanDate(procedure.participation.objectionEnd)}. Ihre Einwendung ist gespeichert, im Genehmigungsverfahren aber ausgeschlossen (§ 10 Abs. 3 S. 5 BImSchG).`
      : `Die Einwendungsfrist endet am ${formatGermanDate(procedure.participation.objectionEnd)}.`,
    '',
    'Den Stand der Bearbeitung und die Eingangsbestätigung als PDF finden Sie unter Ihrem persönlichen Link. Geben Sie ihn nicht weiter:',
    statusUrl(deps, receipt.statusToken),
  ];
  return {
    to,
    subject: `Eingangsbestätigung ${receipt.reference}`,
    text: lines.join('\n'),
    link: statusUrl(deps, receipt.statusToken),
  };
}
