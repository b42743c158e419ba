/**
 * Passing the objections on to the applicant (§ 12 Abs. 2 9. BImSchV): only when the authority
 * releases them, in numbered batches, and only in the redacted version the case worker reviewed.
 * Each batch stores the very version passed on and is recorded in the procedure's audit chain.
 * [open] legal sign-off: whether a redaction corrected after a release must be sent again as a
 * corrected version (today the batch keeps what was passed on), and by when before the hearing
 * (§ 14 9. BImSchV) the objections must have reached the applicant.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { requireParticipationWork } from '../participation-work.ts';
import { applyRedaction, type PersonalDataKind, type RedactionSpan } from '../redaction/index.ts';
import { applicantView, proposeRedaction } from '../review/redaction.actions.ts';
import { requireCaseWorker } from '../review/staff-access.ts';

/**
 * `all`: every objection not released yet, refused while one of them is not reviewed;
 * `reviewed`: only those whose redaction is reviewed, the others stay for a later batch.
 */
export type ReleaseScope = 'all' | 'reviewed';

export interface ReleaseResult {
  readonly number: number;
  readonly count: number;
  /** Objections not released because their redaction is not reviewed yet. */
  readonly heldBack: number;
}

const CHUNK = 1000;

/**
 * Blacked out for the applicant whatever the review decided: special categories of personal data
 * (Art. 9 Abs. 1 DSGVO) and names, which in the text are often third persons'. A proposal of
 * these kinds the case worker left unchecked is still applied here; blacking out too much is the
 * safe mistake.
 */
const ALWAYS_REDACTED: ReadonlySet<PersonalDataKind> = new Set(['health', 'special', 'name']);

/** The confirmed text, with the detector's spans of the always-redacted kinds added. */
export function releasedText(objection: {
  body: string;
  name: string | null;
  address: string | null;
  email: string | null;
  redactionSpans: readonly RedactionSpan[];
}): string {
  const always = proposeRedaction(objection).filter((s) => ALWAYS_REDACTED.has(s.kind));
  return applyRedaction(objection.body, [...objection.redactionSpans, ...always]);
}
const NAMED = 20;

function listed(references: readonly string[], total: number): string {
  const more = total > references.length ? ` und ${total - references.length} weitere` : '';
  return `${references.join(', ')}${more}`;
}

export async function releaseObjections(options: {
  deps: ParticipationDeps;
  actor: Actor;
  procedureId: string;
  scope: ReleaseScope;
}): Promise<ReleaseResult> {
  const { deps, actor, procedureId, scope } = options;
  return deps.db.transaction().execute(async (trx) => {
    // The procedure's lock serialises releases: batch numbers stay gapless and no objection is
    // passed on twice.
    const procedure = await requireCaseWorker(trx, actor, procedureId, { lock: true });
    requireParticipationWork(procedure);
    const unreleased = trx
      .selectFrom('objections as o')
      .leftJoin('objection_release_items as i', 'i.objection_id', 'o.id')
      .where('o.procedure_id', '=', procedure.id)
      .where('i.objection_id', 'is', null);
    const open = await unreleased
      .select(['o.reference', sql<number>`count(*) over ()::int`.as('total')])
      .where((eb) =>
        eb.or([eb('o.redaction_confirmed_at', 'is', null), eb('o.redacted_body', 'is', null)]),
      )
      .orderBy('o.received_at')
      .orderBy('o.id')
      .limit(NAMED)
      .execute();
    const openTotal = open[0]?.total ?? 0;
    if (scope === 'all' && openTotal > 0) {
      const message = `Nicht freigegeben: Die Schwärzung dieser Einwendungen ist noch nicht geprüft: ${listed(
        open.map((o) => o.reference),
        openTotal,
      )}. Prüfen Sie sie oder geben Sie nur die geprüften frei. Es wurde nichts freigegeben.`;
      throw new AppError('conflict', message, [{ field: 'umfang', message }]);
    }
    const ready = await unreleased
      .select(sql<number>`count(*)::int`.as('n'))
      .where('o.redaction_confirmed_at', 'is not', null)
      .where('o.redacted_body', 'is not', null)
      .executeTakeFirst();
    const count = ready?.n ?? 0;
    if (count === 0) {
      const message =
        openTotal > 0
          ? `Es gibt keine Einwendung mit geprüfter Schwärzung, die noch nicht freigegeben ist. Noch nicht geprüft: ${listed(
              open.map((o) => o.reference),
              openTotal,
            )}. Es wurde nichts freigegeben.`
          : 'Es gibt keine Einwendung, die noch nicht freigegeben ist. Es wurde nichts freigegeben.';
      throw new AppError('conflict', message, [{ field: 'umfang', message }]);
    }
    const last = await trx
      .selectFrom('objection_releases')
      .select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirst();
    const number = (last?.n ?? 0) + 1;
    const now = deps.clock.now();
    const release = await trx
      .insertInto('objection_releases')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        number,
        released_at: now,
        released_by: procedure.actorId,
        objection_count: count,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // In chunks, each through the same rule the case worker's preview uses (applicantView).
    let after: { receivedAt: Date; id: string } | null = null;
    let copied = 0;
    for (;;) {
      let query = trx
        .selectFrom('objections as o')
        .leftJoin('objection_release_items as i', 'i.objection_id', 'o.id')
        .select([
          'o.id',
          'o.reference',
          'o.received_at',
          'o.body',
          'o.email',
          'o.redaction_spans',
          'o.name',
          'o.address',
          'o.redact_identity',
          'o.redacted_body',
          'o.redaction_confirmed_at',
        ])
        .where('o.procedure_id', '=', procedure.id)
        .where('i.objection_id', 'is', null)
        .where('o.redaction_confirmed_at', 'is not', null)
        .where('o.redacted_body', 'is not', null)
        .orderBy('o.received_at')
        .orderBy('o.id')
        .limit(CHUNK);
      const cursor: { receivedAt: Date; id: string } | null = after;
      if (cursor !== null)
        query = query.where(
          sql<boolean>`(o.received_at, o.id) > (${cursor.receivedAt}, ${cursor.id})`,
        );
      const rows = await query.execute();
      if (rows.length === 0) break;
      await trx
        .insertInto('objection_release_items')
        .values(
          rows.map((r) => {
            const view = applicantView({
              name: r.name,
              address: r.address,
              redactIdentity: r.redact_identity,
              // The stored spans are those the redacted text was made from (confirmRedaction).
              redactedBody: releasedText({
                body: r.body,
                name: r.name,
                address: r.address,
                email: r.email,
                redactionSpans: (r.redaction_spans as RedactionSpan[] | null) ?? [],
              }),
              redactionConfirmedAt: r.redaction_confirmed_at,
            });
            return {
              release_id: release.id,
              objection_id: r.id,
              tenant_id: procedure.tenantId,
              reference: r.reference,
              received_at: r.received_at,
              name: view.name,
              address: view.address,
              text: view.text!,
            };
          }),
        )
        .execute();
      copied += rows.length;
      const lastRow = rows.at(-1)!;
      after = { receivedAt: lastRow.received_at, id: lastRow.id };
      if (rows.length < CHUNK) break;
    }
    if (copied !== count) throw new Error(`Freigabe: ${copied} statt ${count} Einwendungen`);
    await appendAuditEvent(trx, {
      procedureId: procedure.id,
      tenantId: procedure.tenantId,
      at: now,
      actorId: procedure.actorId,
      actorRole: 'case_worker',
      type: 'objections-released',
      data: { releaseId: release.id, number, count },
    });
    return { number, count, heldBack: openTotal };
  });
}
