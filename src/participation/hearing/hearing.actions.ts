/**
 * The authority's record of the hearing: agenda order and items, minutes per item, attendance,
 * the written comments of an online consultation, and copies of the minutes sent to objectors
 * on request (§§ 18, 19 9. BImSchV). Each use case: load → check the hearing's state → validate →
 * write in one transaction; a refusal writes nothing.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail.ts';
import type { ProcedureRow } from '../../permits/permit.queries.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import { authorityMailFooter } from '../../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { purposeKey, type ParticipationDeps } from '../participation.types.ts';
import { statusToken } from '../intake/status-token.ts';
import { hearingDetails, listAgenda, objectionByReference } from './hearing.queries.ts';

type Trx = Transaction<Database>;
type Body = Record<string, unknown>;

const MAX_MINUTES = 20_000;
const MAX_TITLE = 300;

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation', errors[0]?.message ?? 'Ungültige Eingabe.', errors);
}

const str = (body: Body, name: string): string => {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof value === 'string' ? value.trim() : '';
};

/** The hearing is scheduled and not yet recorded: agenda, minutes and attendance may change. */
export function requireOpenHearing(row: ProcedureRow): void {
  const hearing = row.state.hearing;
  if (row.step !== 'hearing' || !hearing?.held || hearing.heldAt) {
    throw new AppError(
      'conflict',
      'Tagesordnung, Teilnahme und Niederschrift können nur bei einem angesetzten, noch nicht abgeschlossenen Erörterungstermin bearbeitet werden; es wurde nichts gespeichert.',
    );
  }
}

/** Order, titles and minutes of the agenda items, and the number of public attendees. */
export async function saveAgenda(options: {
  db: ParticipationDeps['db'];
  row: ProcedureRow;
  body: Body;
}): Promise<void> {
  const { row, body } = options;
  requireOpenHearing(row);
  const items = await listAgenda(options.db, row.id);
  const errors: FieldError[] = [];
  const updates = items.map((item) => {
    const title = str(body, `title.${item.id}`) || item.title;
    const positionText = str(body, `position.${item.id}`);
    const position = positionText === '' ? item.position : Number(positionText);
    const minutes = Object.hasOwn(body, `minutes.${item.id}`)
      ? str(body, `minutes.${item.id}`)
      : item.minutes;
    if (!Number.isInteger(position) || position < 1 || position > 999)
      errors.push({
        field: `position.${item.id}`,
        message: `Die Reihenfolge von „${item.title}“ muss eine ganze Zahl von 1 bis 999 sein.`,
      });
    if (title.length > MAX_TITLE)
      errors.push({
        field: `title.${item.id}`,
        message: `Der Titel von „${item.title}“ ist zu lang (höchstens ${MAX_TITLE} Zeichen).`,
      });
    if (minutes.length > MAX_MINUTES)
      errors.push({
        field: `minutes.${item.id}`,
        message: `Die Niederschrift zu „${item.title}“ ist zu lang (höchstens 20.000 Zeichen).`,
      });
    return { id: item.id, title, position, minutes };
  });
  const known = new Set(items.map((i) => i.id));
  const unknown = Object.keys(body).find((key) => {
    const match = /^(?:title|position|minutes)\.(.+)$/.exec(key);
    return match !== null && !known.has(match[1] ?? '');
  });
  if (unknown)
    errors.push({
      field: unknown,
      message:
        'Ein Tagesordnungspunkt gehört nicht zu diesem Verfahren; es wurde nichts gespeichert.',
    });
  const publicText = str(body, 'publicCount');
  const publicCount = publicText === '' ? null : Number(publicText);
  if (
    publicCount !== null &&
    (!Number.isInteger(publicCount) || publicCount < 0 || publicCount > 100_000)
  )
    errors.push({
      field: 'publicCount',
      message:
        'Die Zahl der Personen aus der Öffentlichkeit muss eine ganze Zahl von 0 bis 100.000 sein.',
    });
  if (errors.length > 0) throw invalid(errors);
  await options.db.transaction().execute(async (trx) => {
    for (const u of updates) {
      await trx
        .updateTable('hearing_agenda_items')
        .set({ title: u.title, position: u.position, minutes: u.minutes })
        .where('id', '=', u.id)
        .where('procedure_id', '=', row.id)
        .execute();
    }
    if (publicCount !== null) await upsertHearing(trx, row, { public_count: publicCount });
  });
}

async function upsertHearing(trx: Trx, row: ProcedureRow, set: { public_count: number }) {
  await trx
    .insertInto('hearings')
    .values({ procedure_id: row.id, tenant_id: row.tenantId, ...set })
    .onConflict((oc) => oc.column('procedure_id').doUpdateSet(set))
    .execute();
}

/** An item the catalogue does not have (e.g. "Allgemeines", "Verfahrensfragen"). */
export async function addAgendaItem(options: {
  db: ParticipationDeps['db'];
  row: ProcedureRow;
  body: Body;
}): Promise<void> {
  const { row, body } = options;
  requireOpenHearing(row);
  const title = str(body, 'title');
  if (title === '')
    throw invalid([
      { field: 'title', message: 'Bitte den Titel des Tagesordnungspunkts angeben.' },
    ]);
  if (title.length > MAX_TITLE)
    throw invalid([
      { field: 'title', message: `Der Titel ist zu lang (höchstens ${MAX_TITLE} Zeichen).` },
    ]);
  const items = await listAgenda(options.db, row.id);
  await options.db
    .insertInto('hearing_agenda_items')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      position: Math.max(0, ...items.map((i) => i.position)) + 1,
      concern_id: null,
      title,
    })
    .execute();
}

const CATEGORIES = ['applicant', 'objector', 'agency', 'authority'] as const;

/**
 * Who attended. Objectors are named by the reference of their objection (the minutes print only
 * that); applicant's representatives, agencies and staff by name and function.
 */
export async function addAttendee(options: {
  db: ParticipationDeps['db'];
  row: ProcedureRow;
  body: Body;
}): Promise<void> {
  const { row, body } = options;
  requireOpenHearing(row);
  const category = CATEGORIES.find((c) => c === str(body, 'category'));
  if (!category)
    throw invalid([{ field: 'category', message: 'Bitte angeben, für wen die Person teilnahm.' }]);
  let name = str(body, 'name');
  let objectionId: string | null = null;
  if (category === 'objector') {
    const reference = str(body, 'objectionReference');
    const objection = reference ? await objectionByReference(options.db, row.id, reference) : null;
    if (!objection)
      throw invalid([
        {
          field: 'objectionReference',
          message:
            'Bitte das Aktenzeichen einer Einwendung dieses Verfahrens angeben (z. B. EW-2026-0000001).',
        },
      ]);
    objectionId = objection.id;
    name = name || objection.reference;
  }
  if (name === '')
    throw invalid([{ field: 'name', message: 'Bitte Name und Funktion der Person angeben.' }]);
  if (name.length > MAX_TITLE)
    throw invalid([{ field: 'name', message: 'Die Angabe ist zu lang (höchstens 300 Zeichen).' }]);
  await options.db
    .insertInto('hearing_attendees')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      category,
      name,
      objection_id: objectionId,
    })
    .execute();
}

const AUTHOR_KINDS = ['applicant', 'objector', 'agency'] as const;

/** A written comment of the online consultation, recorded for one agenda item. */
export async function addComment(options: {
  db: ParticipationDeps['db'];
  row: ProcedureRow;
  body: Body;
  actorId: string;
  today: string;
}): Promise<void> {
  const { row, body } = options;
  requireOpenHearing(row);
  if (row.state.hearing?.format !== 'online')
    throw new AppError(
      'conflict',
      'Schriftliche Äußerungen werden nur bei einer Online-Konsultation erfasst; es wurde nichts gespeichert.',
    );
  const errors: FieldError[] = [];
  const itemId = str(body, 'agendaItemId');
  const items = await listAgenda(options.db, row.id);
  if (!isUuid(itemId) || !items.some((i) => i.id === itemId))
    errors.push({ field: 'agendaItemId', message: 'Bitte einen Tagesordnungspunkt wählen.' });
  const kind = AUTHOR_KINDS.find((k) => k === str(body, 'authorKind'));
  if (!kind) errors.push({ field: 'authorKind', message: 'Bitte angeben, wer sich geäußert hat.' });
  let label = str(body, 'authorLabel');
  let objectionId: string | null = null;
  if (kind === 'objector') {
    const objection = await objectionByReference(
      options.db,
      row.id,
      str(body, 'objectionReference'),
    );
    if (!objection)
      errors.push({
        field: 'objectionReference',
        message: 'Bitte das Aktenzeichen einer Einwendung dieses Verfahrens angeben.',
      });
    else {
      objectionId = objection.id;
      label = objection.reference;
    }
  } else if (kind && label === '')
    errors.push({ field: 'authorLabel', message: 'Bitte angeben, wer sich geäußert hat.' });
  const receivedOn = str(body, 'receivedOn');
  const until = row.state.hearing?.date ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || Number.isNaN(Date.parse(receivedOn)))
    errors.push({
      field: 'receivedOn',
      message: 'Bitte den Tag des Eingangs angeben (TT.MM.JJJJ).',
    });
  else if (receivedOn > options.today)
    errors.push({ field: 'receivedOn', message: 'Der Tag des Eingangs liegt in der Zukunft.' });
  else if (receivedOn > until)
    // [open] Comments after the written period are not part of the consultation (§ 10 Abs. 6 BImSchG).
    errors.push({
      field: 'receivedOn',
      message:
        'Die Äußerung ging nach dem Ende der Äußerungsfrist ein und gehört nicht zur Online-Konsultation.',
    });
  const text = str(body, 'body');
  if (text === '') errors.push({ field: 'body', message: 'Bitte den Text der Äußerung angeben.' });
  if (text.length > MAX_MINUTES)
    errors.push({ field: 'body', message: 'Die Äußerung ist zu lang (höchstens 20.000 Zeichen).' });
  if (label.length > MAX_TITLE)
    errors.push({
      field: 'authorLabel',
      message: 'Die Angabe ist zu lang (höchstens 300 Zeichen).',
    });
  if (errors.length > 0 || !kind) throw invalid(errors);
  await options.db
    .insertInto('hearing_comments')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      agenda_item_id: itemId,
      author_kind: kind,
      objection_id: objectionId,
      author_label: label,
      body: text,
      received_on: receivedOn,
      entered_by: options.actorId,
    })
    .execute();
}

/**
 * § 19 Abs. 2 S. 2 9. BImSchV: whoever objected in time receives a copy of the minutes on
 * request. By mail where the objection gave an address, else marked as sent by letter; recorded
 * in the copies list and in the case's audit log.
 */
export async function sendMinutesCopy(options: {
  deps: ParticipationDeps;
  row: ProcedureRow;
  body: Body;
  actorId: string;
  now: Date;
  today: string;
}): Promise<{ channel: 'mail' | 'letter'; reference: string }> {
  const { deps, row, body } = options;
  const details = await hearingDetails(deps.db, row.id);
  if (!details?.minutes_document_id)
    throw new AppError(
      'conflict',
      'Eine Abschrift kann erst versandt werden, wenn die Niederschrift erstellt ist; es wurde nichts gespeichert.',
    );
  const errors: FieldError[] = [];
  const objection = await objectionByReference(deps.db, row.id, str(body, 'objectionReference'));
  if (!objection)
    errors.push({
      field: 'objectionReference',
      message: 'Bitte das Aktenzeichen einer Einwendung dieses Verfahrens angeben.',
    });
  const requestedOn = str(body, 'requestedOn');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(requestedOn) || Number.isNaN(Date.parse(requestedOn)))
    errors.push({ field: 'requestedOn', message: 'Bitte den Tag der Anforderung angeben.' });
  else if (requestedOn > options.today)
    errors.push({ field: 'requestedOn', message: 'Der Tag der Anforderung liegt in der Zukunft.' });
  if (errors.length > 0 || !objection) throw invalid(errors);
  const channel = objection.email ? 'mail' : 'letter';
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hearing_minutes_copies')
      .values({
        procedure_id: row.id,
        tenant_id: row.tenantId,
        objection_id: objection.id,
        requested_on: requestedOn,
        channel,
        sent_at: options.now,
        sent_by: options.actorId,
      })
      .execute();
    if (objection.email) {
      await queueMail(trx, {
        to: objection.email,
        subject: `Abschrift der Niederschrift der Erörterung: ${row.title}`,
        text: `Guten Tag,\n\nSie haben im Verfahren „${row.title}“ (Az. ${referenceLabel(row.reference)}) eine Abschrift der Niederschrift über die Erörterung angefordert (§ 19 Abs. 2 9. BImSchV). Sie können sie über den folgenden Link abrufen; er gilt nur für Sie.${await authorityMailFooter(trx, row.tenantId)}`,
        link: `${deps.config.publicUrl}beteiligung/${row.id}/niederschrift/${minutesCopyToken(deps, objection.id)}`,
      });
    }
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: options.now,
      actorId: options.actorId,
      actorRole: 'case_worker',
      type: 'hearing-minutes-copy-sent',
      data: { objection: objection.reference, requestedOn, channel },
    });
  });
  return { channel, reference: objection.reference };
}

/** The personal link to the copy: its own purpose key, so an objection's status link cannot open it. */
export function minutesCopyToken(
  deps: Pick<ParticipationDeps, 'config'>,
  objectionId: string,
): string {
  return statusToken(purposeKey(deps, 'hearing-minutes-copy'), objectionId);
}
