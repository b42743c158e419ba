/**
 * What follows from the hearing steps, in the step's transaction (architecture invariant 1): the
 * notice whether a hearing takes place, with the rule and the reasons (§ 10 Abs. 6 BImSchG, § 12
 * Abs. 1 9. BImSchV); the agenda from the argument catalogue and the invitations; and, when the
 * hearing is recorded, the minutes as a PDF sent to the applicant (§ 19 9. BImSchV).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countNoun, formatGermanDate } from '../../law/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { type ProcedureRow } from '../../permits/permit.queries.ts';
import { berlinDate, procedureParties, recipients } from '../../procedures/case/case.queries.ts';
import type { ProcedureEvent, ProcedureState } from '../../procedures/engine/index.ts';
import { authorityMailFooter } from '../../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { hearingNotice } from '../notice/hearing-notice.ts';
import type { NoticeContent } from '../notice/notice.types.ts';
import { catalogueAgenda } from './hearing.queries.ts';
import { storeMinutes } from './minutes.actions.ts';

type Trx = Transaction<Database>;

export interface HearingEventContext {
  deps: ParticipationDeps;
  trx: Trx;
  row: ProcedureRow;
  state: ProcedureState;
  event: ProcedureEvent;
  now: Date;
}

type StoreNotice = (content: NoticeContent, authorityName: string) => Promise<void>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Objectors who gave an e-mail address. */
async function objectorMails(trx: Trx, procedureId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('objections')
    .select('email')
    .distinct()
    .where('procedure_id', '=', procedureId)
    .where('email', 'is not', null)
    .where('email', '!=', '')
    .execute();
  return rows.map((r) => r.email).filter((e): e is string => e !== null);
}

/** The agenda starts as the catalogue's concerns with confirmed objections; the worker edits it. */
async function seedAgenda(trx: Trx, row: ProcedureRow): Promise<string[]> {
  const existing = await trx
    .selectFrom('hearing_agenda_items')
    .select('title')
    .where('procedure_id', '=', row.id)
    .orderBy('position')
    .execute();
  if (existing.length > 0) return existing.map((e) => e.title);
  const items = await catalogueAgenda(trx, row.id);
  if (items.length > 0) {
    await trx
      .insertInto('hearing_agenda_items')
      .values(
        items.map((item, index) => ({
          procedure_id: row.id,
          tenant_id: row.tenantId,
          position: index + 1,
          concern_id: item.concernId,
          title: item.label,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('hearings')
    .values({ procedure_id: row.id, tenant_id: row.tenantId })
    .onConflict((oc) => oc.column('procedure_id').doNothing())
    .execute();
  return items.map((i) => `${i.label} (${countNoun(i.objections, 'Einwendung', 'Einwendungen')})`);
}

async function publishHearingDecision(ctx: HearingEventContext, storeNotice: StoreNotice) {
  const { trx, row, state, event } = ctx;
  const hearing = state.hearing;
  if (!hearing) return;
  const { authorityName } = await procedureParties(trx, row);
  const agenda = hearing.held ? await seedAgenda(trx, row) : [];
  const place = text(event.data.place) || null;
  const rule = text(event.data.ruleLabel) || null;
  const requestedOn = text(event.data.requestedOn) || null;
  await storeNotice(
    hearingNotice({
      authorityName,
      reference: referenceLabel(row.reference),
      projectTitle: row.title,
      noticeDate: berlinDate(ctx.now),
      held: hearing.held,
      format: hearing.format,
      date: hearing.format === 'in-person' ? hearing.date : null,
      place,
      commentsUntil: hearing.format === 'online' ? hearing.date : null,
      reason: text(event.data.reason),
      agenda,
      rule,
      requestedOn,
    }),
    authorityName,
  );
  if (hearing.held && hearing.date) await invite(ctx, authorityName, place, agenda);
}

/**
 * Invitations: objectors who gave an e-mail, the applicant and the asked agencies by mail; the
 * others by letter from the list on the hearing page (the notice itself invites everybody).
 */
async function invite(
  ctx: HearingEventContext,
  authorityName: string,
  place: string | null,
  agenda: string[],
) {
  const { trx, row, state } = ctx;
  const hearing = state.hearing;
  if (!hearing?.date) return;
  const when =
    hearing.format === 'online'
      ? `als Online-Konsultation; schriftliche Äußerungen bis zum ${formatGermanDate(hearing.date)}${place ? ` unter ${place}` : ''}`
      : `am ${formatGermanDate(hearing.date)} in ${place ?? 'dem in der Bekanntmachung genannten Ort'}`;
  const footer = await authorityMailFooter(trx, row.tenantId);
  const items = agenda.map((i) => `– ${i}`).join('\n') || '– alle erhobenen Einwendungen';
  const subject = `Einladung zur Erörterung: ${row.title}`;
  const az = referenceLabel(row.reference);
  for (const to of await objectorMails(trx, row.id)) {
    await queueMail(trx, {
      to,
      subject,
      text: `Guten Tag,\n\nSie haben im Verfahren „${row.title}“ (Az. ${az}) Einwendungen erhoben. Die Behörde ${authorityName} erörtert die Einwendungen ${when}.\n\nTagesordnung:\n${items}\n\nDie Bekanntmachung finden Sie im Portal unter „Bekanntmachungen“.${footer}`,
    });
  }
  const parties: [string[], 'applicant' | 'agency_member', string][] = [
    [
      row.applicantOrgId ? [row.applicantOrgId] : [],
      'applicant',
      'Als Antragstellerin sind Sie zur Erörterung eingeladen (§ 18 9. BImSchV).',
    ],
    [
      row.agencyOrgIds,
      'agency_member',
      'Als beteiligte Behörde sind Sie zur Erörterung eingeladen (§ 18 Abs. 1 9. BImSchV).',
    ],
  ];
  for (const [orgs, role, line] of parties) {
    for (const to of await recipients(trx, orgs, role)) {
      await queueMail(trx, {
        to,
        subject,
        text: `Guten Tag,\n\ndie Behörde ${authorityName} erörtert im Verfahren „${row.title}“ (Az. ${az}) die Einwendungen ${when}. ${line}\n\nTagesordnung:\n${items}${footer}`,
        link: `${ctx.deps.config.publicUrl}verfahren/${row.id}`,
      });
    }
  }
}

/** Called by the participation events for every committed step of a procedure. */
export async function recordHearingEvent(
  ctx: HearingEventContext,
  storeNotice: StoreNotice,
): Promise<void> {
  switch (ctx.event.type) {
    case 'hearing-skipped':
    case 'hearing-scheduled':
      return publishHearingDecision(ctx, storeNotice);
    case 'hearing-held':
      return storeMinutes(ctx);
    default:
      return undefined;
  }
}
