/**
 * The minutes of the hearing (§ 19 9. BImSchV), generated when the hearing is recorded: one PDF
 * with the authority's header, filed in the case (the applicant sees it on its case page, § 19
 * Abs. 2 S. 1) and announced to the applicant by mail. Free text typed by staff passes through
 * the redaction detector and a sweep for the names and addresses of objectors who asked to stay
 * unrecognisable, so that the copy the applicant and objectors receive cannot leak them.
 */
import { Readable } from 'node:stream';
import { countNoun } from '../../law/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { berlinDate, procedureParties, recipients } from '../../procedures/case/case.queries.ts';
import { MAX_UPLOAD_BYTES } from '../../permits/permit.types.ts';
import {
  authorityMailFooter,
  contactLines,
  loadAuthorityProfile,
} from '../../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import type { HearingEventContext } from './hearing.events.ts';
import {
  hearingDetails,
  listAgenda,
  listAttendees,
  listComments,
  protectedIdentities,
} from './hearing.queries.ts';
import { renderMinutesPdf, type MinutesInput } from './minutes.pdf.ts';
import { minutesScrubber } from './scrub.ts';

const CATEGORY_HEADINGS = {
  applicant: 'Für die Antragstellerin',
  agency: 'Beteiligte Behörden',
  authority: 'Für die Genehmigungsbehörde',
  objector: 'Einwendende (nach Aktenzeichen der Einwendung)',
} as const;

const AUTHOR_LABELS = {
  applicant: 'Antragstellerin',
  agency: 'Behörde',
  objector: 'Einwendung',
} as const;

export async function storeMinutes(ctx: HearingEventContext): Promise<void> {
  const { deps, trx, row, state, event, now } = ctx;
  const hearing = state.hearing;
  if (!hearing?.held || !hearing.date || !hearing.format) return;
  const [parties, profile, agenda, attendees, comments, details, scheduled, recorder] =
    await Promise.all([
      procedureParties(trx, row),
      loadAuthorityProfile(trx, row.tenantId),
      listAgenda(trx, row.id),
      listAttendees(trx, row.id),
      listComments(trx, row.id),
      hearingDetails(trx, row.id),
      trx
        .selectFrom('procedure_events')
        .select('data')
        .where('procedure_id', '=', row.id)
        .where('type', '=', 'hearing-scheduled')
        .orderBy('seq', 'desc')
        .executeTakeFirst(),
      trx
        .selectFrom('procedure_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select('u.display_name')
        .where('e.procedure_id', '=', row.id)
        .orderBy('e.seq', 'desc')
        .executeTakeFirst(),
    ]);
  const { scrub, sweep } = minutesScrubber(await protectedIdentities(trx, row.id));
  const place = (scheduled?.data as { place?: unknown } | undefined)?.place;
  const chair =
    (typeof event.data.chair === 'string' && event.data.chair.trim()) ||
    recorder?.display_name ||
    parties.authorityName;
  const group = (category: keyof typeof CATEGORY_HEADINGS) =>
    attendees
      .filter((a) => a.category === category)
      .map((a) => (category === 'objector' ? (a.reference ?? 'ohne Aktenzeichen') : sweep(a.name)));
  const input: MinutesInput = {
    authorityName: parties.authorityName,
    authorityContact: contactLines(profile).slice(1),
    reference: referenceLabel(row.reference),
    issuedOn: berlinDate(now),
    format: hearing.format,
    date: hearing.date,
    place: typeof place === 'string' && place !== '' ? sweep(place) : null,
    chair: sweep(chair),
    subject: [
      `Antrag der ${parties.applicantName} auf Genehmigung nach § 4 BImSchG: ${row.title}`,
      `${row.application.turbines.length} Windenergieanlage(n); Standort ${row.application.site.gemeinde}, Gemarkung ${row.application.site.gemarkung}`,
    ],
    attendance: (['applicant', 'agency', 'authority', 'objector'] as const).map((c) => ({
      heading: CATEGORY_HEADINGS[c],
      entries: group(c),
    })),
    publicCount: details?.public_count ?? 0,
    summary: scrub(typeof event.data.minutes === 'string' ? event.data.minutes : ''),
    items: agenda.map((item) => ({
      title: sweep(item.title),
      concern: item.concernId
        ? `${countNoun(item.objections, 'Einwendung', 'Einwendungen')} im Belange-Katalog`
        : null,
      minutes: scrub(item.minutes),
      comments: comments
        .filter((c) => c.agenda_item_id === item.id)
        .map((c) => ({
          author: `${AUTHOR_LABELS[c.author_kind]} ${c.author_kind === 'objector' ? c.author_label : sweep(c.author_label)}`,
          receivedOn: c.received_on,
          body: scrub(c.body),
        })),
    })),
  };
  const pdf = await renderMinutesPdf(input, now);
  const stored = await deps.store.put(Readable.from([pdf]), { maxBytes: MAX_UPLOAD_BYTES });
  const document = await trx
    .insertInto('documents')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      doc_type: 'hearing-minutes',
      filename: `Niederschrift-Eroerterung-${referenceLabel(row.reference).replace(/[^\p{L}\p{N}.-]+/gu, '-')}.pdf`,
      media_type: 'application/pdf',
      sha256: stored.sha256,
      size: stored.size,
      uploaded_by: null,
      uploaded_at: now,
      audience: 'case',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('hearings')
    .values({ procedure_id: row.id, tenant_id: row.tenantId, minutes_document_id: document.id })
    .onConflict((oc) => oc.column('procedure_id').doUpdateSet({ minutes_document_id: document.id }))
    .execute();
  // § 19 Abs. 2 S. 1 9. BImSchV: the applicant receives a copy; the mail points to the case page.
  const footer = await authorityMailFooter(trx, row.tenantId);
  for (const to of await recipients(
    trx,
    row.applicantOrgId ? [row.applicantOrgId] : [],
    'applicant',
  )) {
    await queueMail(trx, {
      to,
      subject: `Niederschrift der Erörterung: ${row.title}`,
      text: `Guten Tag,\n\ndie Niederschrift über die Erörterung im Verfahren „${row.title}“ (Az. ${referenceLabel(row.reference)}) liegt vor (§ 19 Abs. 2 9. BImSchV). Sie finden sie als PDF unter den Unterlagen Ihres Verfahrens.${footer}`,
      link: `${deps.config.publicUrl}verfahren/${row.id}`,
    });
  }
}
