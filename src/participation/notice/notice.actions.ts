/**
 * Public notices and mails that follow from steps of the formal procedure, written in the same
 * transaction as the step (architecture invariant 1): the notice of the application with its
 * display and objection periods, the decision on the hearing, and the notice of the decision.
 */
import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatGermanDate } from '../../law/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { GENERAL_WIND_REMEDIES } from '../../law/remedies.ts';
import { type ProcedureRow } from '../../permits/permit.queries.ts';
import { berlinDate, procedureParties } from '../../procedures/case/case.queries.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../../permits/procedure-types/required-documents.ts';
import { MAX_UPLOAD_BYTES } from '../../permits/permit.types.ts';
import type {
  CaseDeadline,
  ProcedureEvent,
  ProcedureState,
} from '../../procedures/engine/index.ts';
import { ensureCatalogue } from '../catalogue/catalogue.actions.ts';
import { recordDecisionDelivery } from '../delivery/delivery.actions.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { applicationNotice, decisionNotice } from './notice-content.ts';
import { recordHearingEvent } from '../hearing/hearing.events.ts';
import type { NoticeContent } from './notice-content.ts';
import { renderNoticePdf } from './notice.pdf.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { listCaseConditions } from '../../procedures/conditions/conditions.actions.ts';
import { AppError } from '../../platform/errors.ts';
import {
  authorityMailFooter,
  contactLines,
  formatAddress,
  loadAuthorityProfile,
  missingLabels,
  missingProfileFields,
} from '../../procedures/authority/authority.queries.ts';

type Trx = Transaction<Database>;

interface EventContext {
  deps: ParticipationDeps;
  trx: Trx;
  row: ProcedureRow;
  state: ProcedureState;
  event: ProcedureEvent;
  deadlines: readonly CaseDeadline[];
  now: Date;
}

const DOC_LABELS = new Map(WIND_REQUIRED_DOCUMENTS.map((d) => [d.key, d.label]));

function siteOf(row: ProcedureRow): string {
  const site = row.application.site;
  return `${site.gemeinde}, Gemarkung ${site.gemarkung}, Flur ${site.flur}, Flurstück ${site.flurstueck}`;
}

/** Page, PDF and feed entry of one notice; the search index is built by the database. */
async function storeNotice(
  ctx: EventContext,
  content: NoticeContent,
  authorityName: string,
  contact?: string[],
) {
  const { deps, trx, row, now } = ctx;
  const publishedOn = berlinDate(now);
  const id = crypto.randomUUID();
  const url = `${deps.config.publicUrl}bekanntmachungen/${id}`;
  const pdf = await renderNoticePdf(
    content,
    {
      authorityName,
      reference: referenceLabel(row.reference),
      noticeDate: publishedOn,
      url,
      contact: contact ?? contactLines(await loadAuthorityProfile(trx, row.tenantId)).slice(1),
    },
    now,
  );
  const stored = await deps.store.put(Readable.from([pdf]), { maxBytes: MAX_UPLOAD_BYTES });
  const bodyText = content.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');
  await trx
    .insertInto('notices')
    .values({
      id,
      procedure_id: row.id,
      tenant_id: row.tenantId,
      kind: content.kind,
      published_on: publishedOn,
      published_at: now,
      title: content.title,
      summary: content.summary,
      content: JSON.stringify(content),
      body_text: bodyText,
      pdf_sha256: stored.sha256,
      pdf_size: stored.size,
    })
    .execute();
}

async function publishApplicationNotice(ctx: EventContext) {
  const { deps, trx, row, state, deadlines } = ctx;
  const p = state.participation;
  if (!p) return;
  // § 10 Abs. 4 Nr. 2 BImSchG, § 9 Abs. 1 9. BImSchV: the notice must say where objections can be
  // raised and the documents inspected; without that master data it is not published at all
  // (the whole step is refused and nothing is written).
  const profile = await loadAuthorityProfile(trx, row.tenantId);
  const missing = missingProfileFields(profile, 'notice');
  if (missing.length > 0)
    throw new AppError(
      'conflict',
      `Für die Bekanntmachung fehlen in den Stammdaten der Behörde: ${missingLabels(missing)}. Bitte ergänzen Sie sie unter „Stammdaten“ (Administration der Behörde).`,
    );
  const { authorityName, applicantName } = await procedureParties(trx, row);
  const documents = await trx
    .selectFrom('documents')
    .select(['doc_type', 'filename', 'trade_secret'])
    .where('procedure_id', '=', row.id)
    .where('audience', '=', 'case')
    .where('doc_type', '!=', 'decision')
    .orderBy('uploaded_at')
    .execute();
  const rationale = (key: string) => deadlines.find((d) => d.key === key)?.rationale ?? '';
  const base = `${deps.config.publicUrl}beteiligung/${row.id}`;
  const note = typeof ctx.event.data.hearingNote === 'string' ? ctx.event.data.hearingNote : '';
  const content = applicationNotice({
    authorityName,
    authorityAddress: profile.postalAddress ? formatAddress(profile.postalAddress) : null,
    visitingAddress: profile.visitingAddress ? formatAddress(profile.visitingAddress) : null,
    officeHours: profile.officeHours ? profile.officeHours.split('\n').join('; ') : null,
    authorityEmail: profile.email,
    reference: referenceLabel(row.reference),
    applicantName,
    projectTitle: row.title,
    site: siteOf(row),
    turbines: row.application.turbines.map((t) => ({
      type: t.type,
      totalHeightM: t.totalHeightM,
      ratedPowerKw: t.ratedPowerKw,
    })),
    procedureLabel: 'förmliches Genehmigungsverfahren nach § 10 BImSchG',
    repowering: row.application.repowering,
    plannedCommissioning: row.application.plannedCommissioning || null,
    eiaRequired: p.eiaRequired,
    noticeDate: p.noticeDate,
    displayStart: p.displayStart,
    displayEnd: p.displayEnd,
    objectionEnd: p.objectionEnd,
    displayRationale: rationale('display'),
    objectionRationale: rationale('objection-period'),
    displayUrl: base,
    objectionUrl: `${base}/einwendung`,
    documents: documents.map((d) => ({
      title: `${DOC_LABELS.get(d.doc_type) ?? d.doc_type} (${d.filename})`,
      tradeSecret: d.trade_secret,
    })),
    hearing: { date: null, place: null, note: note || null },
    alternativeAccess: deps.config.participation.alternativeAccess,
    identityRequired: deps.config.participation.identityRequired,
  });
  await storeNotice(ctx, content, authorityName, contactLines(profile).slice(1));
}

/** Objectors who gave an e-mail address (for invitations and the decision). */
async function objectorMails(trx: Trx, procedureId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('objections')
    .select('email')
    .distinct()
    .where('procedure_id', '=', procedureId)
    .where('email', 'is not', null)
    .execute();
  return rows.map((r) => r.email).filter((e): e is string => e !== null);
}

async function publishDecisionNotice(ctx: EventContext) {
  const { deps, trx, row, state } = ctx;
  const decision = state.decision;
  const pub = state.decisionPublication;
  if (!decision || !pub) return;
  // § 10 Abs. 8 S. 4 BImSchG, § 21a Abs. 1 S. 3 9. BImSchV: the notice says where and when the
  // Bescheid can be inspected and requested; without that master data nothing is published.
  const profile = await loadAuthorityProfile(trx, row.tenantId);
  const missing = missingProfileFields(profile, 'notice');
  if (missing.length > 0)
    throw new AppError(
      'conflict',
      `Für die Bekanntmachung des Bescheids fehlen in den Stammdaten der Behörde: ${missingLabels(missing)}. Bitte ergänzen Sie sie unter „Stammdaten“ (Administration der Behörde).`,
    );
  const { authorityName, applicantName } = await procedureParties(trx, row);
  const count = row.application.turbines.length;
  const subject = `${count} Windenergieanlage${count === 1 ? '' : 'n'} (${row.title})`;
  const operativePart =
    decision.outcome === 'granted'
      ? `Der Antragstellerin ${applicantName} wird die Genehmigung nach § 4 BImSchG für die Errichtung und den Betrieb von ${subject} erteilt.`
      : `Der Antrag der ${applicantName} auf Genehmigung nach § 4 BImSchG für ${subject} wird abgelehnt.`;
  const displayUrl = `${deps.config.publicUrl}beteiligung/${row.id}`;
  // § 10 Abs. 8 S. 2 BImSchG: the notice points to the conditions of the Bescheid. It is published
  // only once the Bescheid is signed, so the case's adopted list is frozen and is exactly what the
  // Bescheid carries; conditions given with the decision step itself follow.
  const adopted = (await listCaseConditions(trx, row.id))
    .filter((c) => c.status === 'adopted')
    .map((c) => c.text);
  const content = decisionNotice({
    authorityName,
    reference: referenceLabel(row.reference),
    applicantName,
    projectTitle: row.title,
    site: siteOf(row),
    noticeDate: pub.noticeDate,
    decidedOn: decision.decidedAt,
    outcome: decision.outcome,
    operativePart,
    conditionsSummary: [...adopted, ...decision.conditions.filter((c) => !adopted.includes(c))],
    remedies: GENERAL_WIND_REMEDIES,
    displayStart: pub.displayStart,
    displayEnd: pub.displayEnd,
    displayUrl,
    authorityAddress: profile.postalAddress ? formatAddress(profile.postalAddress) : null,
    visitingAddress: profile.visitingAddress ? formatAddress(profile.visitingAddress) : null,
    officeHours: profile.officeHours ? profile.officeHours.split('\n').join('; ') : null,
    authorityEmail: profile.email,
  });
  await storeNotice(ctx, content, authorityName, contactLines(profile).slice(1));
  for (const to of await objectorMails(trx, row.id)) {
    await queueMail(trx, {
      to,
      subject: `Entscheidung bekannt gemacht: ${row.title}`,
      text: `Guten Tag,\n\nüber den Antrag „${row.title}“ (Az. ${referenceLabel(row.reference)}), zu dem Sie Einwendungen erhoben haben, hat die Behörde ${authorityName} entschieden. ${operativePart}\n\nDer Bescheid mit Begründung liegt vom ${formatGermanDate(pub.displayStart)} bis zum ${formatGermanDate(pub.displayEnd)} unter ${displayUrl} aus. Mit dem Ende der Auslegung gilt er Ihnen gegenüber als zugestellt (§ 10 Abs. 8 BImSchG). Wie Ihre Einwendung gewürdigt wurde, sehen Sie unter Ihrem persönlichen Link aus der Eingangsbestätigung.${await authorityMailFooter(trx, row.tenantId)}`,
    });
  }
}

/** Called by the permit use case for every committed event of a procedure. */
export async function recordParticipationEvent(ctx: EventContext): Promise<void> {
  switch (ctx.event.type) {
    case 'notice-published':
      await ensureCatalogue(ctx.trx, { id: ctx.row.id, tenantId: ctx.row.tenantId });
      return publishApplicationNotice(ctx);
    case 'hearing-skipped':
    case 'hearing-scheduled':
    case 'hearing-held':
      return recordHearingEvent(ctx, (content, authorityName) =>
        storeNotice(ctx, content, authorityName),
      );
    case 'decision-published':
      await publishDecisionNotice(ctx);
      return recordDecisionDelivery(ctx);
    case 'decision-delivered':
      return recordDecisionDelivery(ctx);
    default:
      return undefined;
  }
}
