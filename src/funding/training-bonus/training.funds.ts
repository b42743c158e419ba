import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { AppError } from '../../platform/errors.ts';
import { PROGRES_HEAT_PUMP_TRAINING_2026 } from '../../law/funding/index.ts';
import { deMinimisCheck } from '../de-minimis/de-minimis.check.ts';
import { recordGrantedClaimAids } from '../de-minimis/de-minimis.actions.ts';
import { berlinDay } from '../profile/profile.queries.ts';
import { lockTrainingBonus, type CheckResult } from './training.checks.ts';

/**
 * Binding the funds of claims that passed their checks (automatically or by hand). Such a claim
 * waits in 'awaiting-funds' until this step approves it in the same transaction:
 * 1. de-minimis (if the programme's state-aid basis is de-minimis, VO (EU) 2023/2831): the aid is
 *    granted when the legal right to it is conferred (Art. 3 (4)), here the approval, so it is
 *    checked and recorded now. A claim that does not fit the undertaking's headroom is reduced to
 *    the headroom; with none left it is refused. The figures are recorded as a check result.
 *    [open] whether the right is conferred by the automatic approval or only by the payment;
 * 2. the budget: the commitment is posted on the funding body's line of the programme and the
 *    year of the approval (the ledger's CHECK on the line refuses any over-commitment). Claims
 *    are served in the order they were submitted; when the next one does not fit any line, it and
 *    every later one keep waiting, with the amounts in German, so an earlier claim is never
 *    overtaken by a smaller later one. [open] first come, first served is the funding body's
 *    practice to confirm.
 * Runs under the funding body's training-bonus lock and the lines' row locks; the caller owns the
 * transaction, so a refusal by the database (a limit) leaves nothing half-written.
 */
export const BONUS_PROGRAMME_ID = PROGRES_HEAT_PUMP_TRAINING_2026.programmeId;
const STATE_AID = PROGRES_HEAT_PUMP_TRAINING_2026.stateAid;

export interface BindResult {
  approved: number;
  waiting: number;
  refused: number;
  reduced: number;
}

interface Line {
  id: string;
  budgetLine: string;
  available: number;
}

interface Decision {
  id: string;
  status: 'approved' | 'refused';
  granted: number;
  reason: string;
  extra: CheckResult[];
  lineId: string | null;
}

interface Headroom {
  ceiling: number;
  /** The headroom before this binding; `left` is what remains after the claims bound so far. */
  initial: number;
  used: number;
  left: number;
  windowFrom: string;
  granted: { claimId: string; amountCents: number; reference: string }[];
}

export const AWAITING_FUNDS_NOTE =
  'Der Antrag wird bewilligt, sobald auf der Haushaltsstelle der Bildungsprämie Mittel verfügbar sind.';

export async function bindWaitingClaims(
  trx: Db,
  options: { tenantId: string; now: Date; userId: string | null },
): Promise<BindResult> {
  await lockTrainingBonus(trx, options.tenantId);
  const result: BindResult = { approved: 0, waiting: 0, refused: 0, reduced: 0 };
  const waiting = await trx
    .selectFrom('training_claims')
    .select(['id', 'company_id', 'granted_cents', 'decided_by'])
    .where('tenant_id', '=', options.tenantId)
    .where('status', '=', 'awaiting-funds')
    .orderBy('seq')
    .execute();
  if (waiting.length === 0) return result;
  const grantedOn = berlinDay(options.now);
  const year = Number(grantedOn.slice(0, 4));
  // FOR UPDATE: the lines' row locks order this binding after any other posting on them.
  const lines: Line[] = (
    await trx
      .selectFrom('funding_budget_lines')
      .select(['id', 'budget_line', 'appropriated_cents', 'committed_cents'])
      .where('tenant_id', '=', options.tenantId)
      .where('programme_id', '=', BONUS_PROGRAMME_ID)
      .where('year', '=', year)
      .orderBy('budget_line')
      .forUpdate()
      .execute()
  ).map((l) => ({
    id: l.id,
    budgetLine: l.budget_line,
    available: l.appropriated_cents - l.committed_cents,
  }));

  const headrooms = new Map<string, Headroom>();
  const decisions: Decision[] = [];
  let stoppedAt = waiting.length;
  for (const [index, claim] of waiting.entries()) {
    const asked = claim.granted_cents ?? 0;
    let amount = asked;
    const extra: CheckResult[] = [];
    let headroom: Headroom | undefined;
    if (STATE_AID.kind === 'de-minimis') {
      headroom = headrooms.get(claim.company_id);
      if (!headroom) {
        const check = await deMinimisCheck(trx, claim.company_id, grantedOn, 0);
        headroom = {
          ceiling: check.ceilingCents,
          used: check.usedCents,
          initial: check.headroomCents,
          left: check.headroomCents,
          windowFrom: check.windowFrom,
          granted: [],
        };
        headrooms.set(claim.company_id, headroom);
      }
      amount = Math.min(asked, Math.max(0, headroom.left));
      extra.push({
        id: 'de-minimis',
        outcome: amount === asked ? 'passed' : amount > 0 ? 'reduced' : 'failed',
        facts: {
          ceilingCents: headroom.ceiling,
          usedCents: headroom.used,
          earlierNowCents: headroom.initial - headroom.left,
          headroomCents: Math.max(0, headroom.left),
          windowFrom: headroom.windowFrom,
          grantedOn,
          requestedCents: asked,
          grantedCents: amount,
        },
      });
      if (amount === 0) {
        decisions.push({
          id: claim.id,
          status: 'refused',
          granted: 0,
          reason: `Abgelehnt: Der De-minimis-Höchstbetrag des Unternehmens ist ausgeschöpft. ${deMinimisComputation(headroom, asked, 0)}`,
          extra,
          lineId: null,
        });
        continue;
      }
    }
    const line = lines.find((l) => l.available >= amount);
    if (!line) {
      stoppedAt = index;
      break;
    }
    const how =
      claim.decided_by === null
        ? 'Automatisch bewilligt: alle Prüfungen bestanden'
        : 'Von Hand bewilligt';
    const reason =
      amount === asked
        ? `${how}; ${formatEuro(amount)} gebunden auf der Haushaltsstelle ${line.budgetLine} (${year}).`
        : `${how}, gekürzt auf den De-minimis-Spielraum; ${formatEuro(amount)} gebunden auf der Haushaltsstelle ${line.budgetLine} (${year}). ${deMinimisComputation(headroom!, asked, amount)}`;
    line.available -= amount;
    if (headroom) {
      headroom.left -= amount;
      headroom.granted.push({
        claimId: claim.id,
        amountCents: amount,
        reference: `Bildungsprämie ${claim.id.slice(0, 8)}`,
      });
    }
    decisions.push({
      id: claim.id,
      status: 'approved',
      granted: amount,
      reason,
      extra,
      lineId: line.id,
    });
  }

  await writeDecisions(trx, options, decisions);
  for (const [companyId, h] of headrooms) {
    if (h.granted.length === 0) continue;
    await recordGrantedClaimAids(trx, {
      companyId,
      fundingBodyId: options.tenantId,
      grantedOn,
      grants: h.granted,
      userId: options.userId,
    });
  }
  const left = waiting.slice(stoppedAt);
  if (left.length > 0) {
    const next = left[0]!.granted_cents ?? 0;
    const reason =
      lines.length === 0
        ? `Wartet auf Haushaltsmittel: Für die Bildungsprämie ist im Haushaltsjahr ${year} keine Haushaltsstelle angelegt. ${AWAITING_FUNDS_NOTE}`
        : `Wartet auf Haushaltsmittel: verfügbar ${lines.map((l) => `${formatEuro(l.available)} (${l.budgetLine})`).join(', ')}, benötigt für den nächsten Antrag ${formatEuro(next)}. ${AWAITING_FUNDS_NOTE}`;
    await trx
      .updateTable('training_claims')
      .set({ decision_reason: reason })
      .where(
        'id',
        'in',
        left.map((c) => c.id),
      )
      .where('decision_reason', 'is distinct from', reason)
      .execute();
  }
  for (const d of decisions) {
    if (d.status === 'refused') result.refused += 1;
    else {
      result.approved += 1;
      if (d.extra.some((c) => c.outcome === 'reduced')) result.reduced += 1;
    }
  }
  result.waiting = left.length;
  return result;
}

const germanDay = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The de-minimis computation in German, as the claim's reason shows it: ceiling and window
 * (Art. 3 (2) VO (EU) 2023/2831), aid already counted, claims of the firm approved just before in
 * the same binding, what is left and what is granted. Call before `left` is reduced.
 */
function deMinimisComputation(h: Headroom, asked: number, granted: number): string {
  const earlier = h.initial - h.left;
  return [
    `Rechnung: Höchstbetrag ${formatEuro(h.ceiling)} in drei Jahren (Beihilfen seit dem ${germanDay(h.windowFrom)})`,
    `bereits angerechnet ${formatEuro(h.used)}`,
    ...(earlier > 0 ? [`unmittelbar davor bewilligt ${formatEuro(earlier)}`] : []),
    `Spielraum ${formatEuro(Math.max(0, h.left))}`,
    `beantragt ${formatEuro(asked)}`,
    `bewilligt ${formatEuro(granted)}.`,
  ].join('; ');
}

/** The claims' new status and the commitments, each as one set-based statement per chunk. */
async function writeDecisions(
  trx: Db,
  options: { tenantId: string; now: Date; userId: string | null },
  decisions: readonly Decision[],
): Promise<void> {
  for (let i = 0; i < decisions.length; i += 5_000) {
    const chunk = decisions.slice(i, i + 5_000);
    // By id only: a condition on the status would let the planner, with statistics from before
    // the check run, scan every waiting claim once per chunk. Waiting claims change status only
    // under the training-bonus lock held here, and the row count below proves none was missed.
    const updated = await sql`
      update training_claims c set status = v.status, granted_cents = v.granted,
        decision_reason = v.reason, decided_at = ${options.now}::timestamptz,
        checks = coalesce(c.checks, '[]'::jsonb) || v.extra::jsonb
      from unnest(${chunk.map((d) => d.id)}::uuid[], ${chunk.map((d) => d.status)}::text[],
        ${chunk.map((d) => d.granted)}::int[], ${chunk.map((d) => d.reason)}::text[],
        ${chunk.map((d) => JSON.stringify(d.extra))}::text[]) as v(id, status, granted, reason, extra)
      where c.id = v.id`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0n) !== chunk.length)
      throw new AppError(
        'conflict',
        'Die wartenden Anträge wurden gleichzeitig geändert. Bitte versuchen Sie es erneut.',
      );
    const funded = chunk.filter((d) => d.lineId !== null);
    if (funded.length === 0) continue;
    // One commitment per claim (unique index); the entry trigger keeps the line and the
    // claim's position, and the line's CHECK refuses any over-commitment.
    await sql`
      insert into funding_ledger_entries
        (tenant_id, line_id, kind, amount_cents, claim_id, reason, recorded_by)
      select ${options.tenantId}::uuid, v.line_id, 'commitment', v.amount, v.claim_id,
        'Bildungsprämie Wärmepumpe: Bindung für den bewilligten Antrag', ${options.userId}::uuid
      from unnest(${funded.map((d) => d.lineId!)}::uuid[], ${funded.map((d) => d.granted)}::int[],
        ${funded.map((d) => d.id)}::uuid[]) with ordinality as v(line_id, amount, claim_id, n)
      order by v.n`.execute(trx);
  }
}
