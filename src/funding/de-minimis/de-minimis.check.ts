/**
 * The de-minimis check for a new grant: all aid of the single undertaking (the company and every
 * enterprise linked with it, Art. 2 (2) VO (EU) 2023/2831) in the rolling three years before the
 * grant (Art. 3 (2)), against the ceiling of the law layer (src/law/funding/de-minimis.ts, which
 * also fixes the window). The result carries the computation as German trace lines.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import { addDays } from '../../law/calendar-date.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { deMinimisHeadroom } from '../../law/funding/index.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCompanyProfile } from '../profile/profile.queries.ts';
import {
  countsAgainstGeneralCeiling,
  regulationLabel,
  type DeMinimisEntry,
} from './de-minimis.types.ts';

type Trx = Kysely<Database>;

export type DeMinimisOutcome = 'allowed' | 'reduce' | 'refuse';

export interface CountedEntry extends DeMinimisEntry {
  /** in: counted; outside: before the window; dawi: own ceiling, not counted here. */
  status: 'in' | 'outside' | 'dawi';
}

export interface DeMinimisCheck {
  outcome: DeMinimisOutcome;
  requestedCents: number;
  /** What may be granted: the request, the headroom when it must be reduced, or 0. */
  allowedCents: number;
  ceilingCents: number;
  usedCents: number;
  headroomCents: number;
  windowFrom: string;
  grantDate: string;
  undertaking: { id: string; name: string }[];
  /** Linked enterprises the company names in its profile (by name; not on the platform). */
  profileLinked: string[];
  entries: CountedEntry[];
  trace: string[];
}

/**
 * The organisations that form one single undertaking with the company: links count both ways
 * and chains are followed (if A controls B and B controls C, all three are one undertaking).
 */
export async function singleUndertaking(
  db: Trx,
  companyId: string,
): Promise<{ id: string; name: string }[]> {
  const result = await sql<{ id: string; name: string }>`
    with recursive u(id) as (
      select ${companyId}::uuid
      union
      select case when l.tenant_id = u.id then l.linked_organisation_id else l.tenant_id end
        from de_minimis_links l join u on l.tenant_id = u.id or l.linked_organisation_id = u.id
    )
    select o.id, o.name from u join organisations o on o.id = u.id
    order by (o.id = ${companyId}::uuid) desc, o.name`.execute(db);
  return result.rows;
}

const day = (d: string) => formatGermanDateShort(d);

/**
 * Checks a grant of `amountCents` to the company on `grantDate` (the day the legal right to the
 * aid is conferred, Art. 3 VO (EU) 2023/2831; paragraph [open]). Amount 0 gives the current headroom. Within a transaction, the
 * undertaking's organisations are locked (advisory locks, in id order against deadlocks) so that
 * two grants to the same undertaking are checked one after the other when the caller records
 * the grant in the same transaction (recordGrantedDeMinimisAid does).
 */
export async function deMinimisCheck(
  trx: Trx,
  companyOrgId: string,
  grantDate: string,
  amountCents: number,
): Promise<DeMinimisCheck> {
  if (!isUuid(companyOrgId)) throw new AppError('not_found', 'Dieses Unternehmen gibt es nicht.');
  if (!isIsoDate(grantDate)) {
    throw new AppError('validation', 'Der Tag der Gewährung ist kein gültiges Datum (JJJJ-MM-TT).');
  }
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > 100_000_000_000) {
    throw new AppError('validation', 'Der Betrag muss zwischen 0,00 € und 1 Mrd. € liegen.');
  }
  const undertaking = await singleUndertaking(trx, companyOrgId);
  if (undertaking.length === 0) {
    throw new AppError('not_found', 'Dieses Unternehmen gibt es nicht.');
  }
  const ids = undertaking.map((u) => u.id);
  for (const id of [...ids].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`de-minimis:${id}`}, 0))`.execute(
      trx,
    );
  }
  const names = new Map(undertaking.map((u) => [u.id, u.name]));
  // Four years back is enough to show the aid that just left the window.
  const rows = await trx
    .selectFrom('de_minimis_aid')
    .selectAll()
    .where('tenant_id', 'in', ids)
    .where('granted_on', '<=', grantDate)
    .where('granted_on', '>', addDays(grantDate, -4 * 366))
    .orderBy('granted_on')
    .orderBy('recorded_at')
    .execute();
  const entries: DeMinimisEntry[] = rows.map((r) => ({
    id: r.id,
    organisationId: r.tenant_id,
    recipient: r.recipient_name ?? names.get(r.tenant_id) ?? '',
    grantingBody: r.granting_body,
    grantedOn: r.granted_on,
    amountCents: r.amount_cents,
    regulation: r.regulation,
    aidInstrument: r.aid_instrument,
    source: r.source,
    reference: r.reference,
  }));
  const counted = entries.filter((e) => countsAgainstGeneralCeiling(e.regulation));
  const headroom = deMinimisHeadroom(
    counted.map((e) => ({ grantedOn: e.grantedOn, amountCents: e.amountCents })),
    grantDate,
  );
  const withStatus: CountedEntry[] = entries.map((e) => ({
    ...e,
    status: !countsAgainstGeneralCeiling(e.regulation)
      ? 'dawi'
      : e.grantedOn >= headroom.windowFrom
        ? 'in'
        : 'outside',
  }));
  const outcome: DeMinimisOutcome =
    amountCents <= headroom.headroomCents
      ? 'allowed'
      : headroom.headroomCents > 0
        ? 'reduce'
        : 'refuse';
  const allowedCents =
    outcome === 'allowed' ? amountCents : outcome === 'reduce' ? headroom.headroomCents : 0;
  const profileLinked = ((await loadCompanyProfile(trx, companyOrgId))?.linked ?? []).map(
    (l) => l.name,
  );
  const trace = traceLines(withStatus, undertaking, headroom, grantDate, amountCents, outcome);
  if (profileLinked.length > 0) {
    // The profile names linked enterprises (Anhang I Art. 3 Abs. 3 AGVO); their aid counts as
    // well, but is known here only when declared or linked on the platform.
    trace.splice(
      1,
      0,
      `Im Unternehmensprofil als verbunden angegeben: ${profileLinked.join('; ')}. Deren De-minimis-Beihilfen zählen mit; angerechnet werden die hier bewilligten und die erklärten.`,
    );
  }
  return {
    outcome,
    requestedCents: amountCents,
    allowedCents,
    ceilingCents: headroom.ceilingCents,
    usedCents: headroom.usedCents,
    headroomCents: headroom.headroomCents,
    windowFrom: headroom.windowFrom,
    grantDate,
    undertaking,
    profileLinked,
    entries: withStatus,
    trace,
  };
}

function traceLines(
  entries: CountedEntry[],
  undertaking: { id: string; name: string }[],
  headroom: ReturnType<typeof deMinimisHeadroom>,
  grantDate: string,
  amountCents: number,
  outcome: DeMinimisOutcome,
): string[] {
  const lines = [
    `Ein einziges Unternehmen (Art. 2 Abs. 2 VO (EU) 2023/2831): ${undertaking.map((u) => u.name).join('; ')}.`,
    `Zeitraum von drei Jahren, fortlaufend (Art. 3 Abs. 2 VO (EU) 2023/2831): es zählen Beihilfen, die vom ${day(headroom.windowFrom)} bis zum ${day(grantDate)} gewährt wurden; eine Beihilfe genau drei Jahre vor dem Tag der Gewährung zählt nicht mehr [open].`,
  ];
  if (entries.length === 0) lines.push('Keine De-minimis-Beihilfen erfasst.');
  for (const e of entries) {
    const note =
      e.status === 'in'
        ? 'angerechnet'
        : e.status === 'outside'
          ? 'außerhalb des Zeitraums, nicht angerechnet'
          : 'DAWI-De-minimis mit eigenem Höchstbetrag (Art. 5 Abs. 1), hier nicht angerechnet';
    lines.push(
      `${day(e.grantedOn)}: ${formatEuro(e.amountCents)} an ${e.recipient} von ${e.grantingBody} (${regulationLabel(e.regulation)}, ${e.source === 'granted' ? 'hier bewilligt' : 'vom Unternehmen erklärt'}) – ${note}.`,
    );
  }
  lines.push(
    `Summe im Zeitraum ${formatEuro(headroom.usedCents)}; Höchstbetrag ${formatEuro(headroom.ceilingCents)} (${headroom.parameter.source}); Spielraum ${formatEuro(headroom.headroomCents)}.`,
  );
  if (amountCents > 0) {
    lines.push(
      outcome === 'allowed'
        ? `Beantragt ${formatEuro(amountCents)}: passt in den Spielraum.`
        : outcome === 'reduce'
          ? `Beantragt ${formatEuro(amountCents)}: übersteigt den Spielraum. Eine Beihilfe, die den Höchstbetrag überschreiten würde, ist insgesamt keine De-minimis-Beihilfe (Art. 3 VO (EU) 2023/2831, Absatz [open]); bewilligt werden kann höchstens ${formatEuro(headroom.headroomCents)}.`
          : `Beantragt ${formatEuro(amountCents)}: der Höchstbetrag ist ausgeschöpft; eine De-minimis-Beihilfe ist nicht möglich.`,
    );
  }
  return lines;
}
