/**
 * Records the delivery of the decision, in the transaction of the step that delivers it
 * (architecture invariant 1): one row per recipient, the e-mails through the mail jobs and, for
 * those without an e-mail address, the letter list the office prints.
 *
 * - Individual delivery (§ 10 Abs. 7 S. 1 BImSchG): the applicant through the portal, every
 *   objector (or representative, § 17 VwVfG) by e-mail where one was given, else by letter.
 * - Public notice (§ 10 Abs. 8 BImSchG): the applicant still individually; for the objectors the
 *   notice replaces the delivery, which counts as made at the end of the two-week display.
 */
import type { Transaction } from 'kysely';
import type { Database, DeliveryChannel, DeliveryRecipientKind } from '../../db/schema.ts';
import { formatGermanDate } from '../../law/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { type ProcedureRow } from '../../permits/permit.queries.ts';
import { berlinDate, procedureParties } from '../../procedures/case/case.queries.ts';
import { authorityMailFooter } from '../../procedures/authority/authority.queries.ts';
import type { ProcedureEvent, ProcedureState } from '../../procedures/engine/index.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { loadObjectorDeliveries } from './delivery.queries.ts';
import type { ObjectorDelivery } from './recipients.ts';

type Trx = Transaction<Database>;

export interface DeliveryContext {
  trx: Trx;
  row: ProcedureRow;
  state: ProcedureState;
  event: ProcedureEvent;
  now: Date;
}

interface Row {
  kind: DeliveryRecipientKind;
  objectionId: string | null;
  represents: number;
  name: string | null;
  address: string | null;
  email: string | null;
  channel: DeliveryChannel;
  mailId: string | null;
  deliveredOn: string;
}

/** Inserted in slices: a public notice may stand for tens of thousands of deliveries. */
const INSERT_BATCH = 1000;

async function insertRows(ctx: DeliveryContext, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await ctx.trx
      .insertInto('decision_deliveries')
      .values(
        rows.slice(i, i + INSERT_BATCH).map((r) => ({
          procedure_id: ctx.row.id,
          tenant_id: ctx.row.tenantId,
          recipient_kind: r.kind,
          objection_id: r.objectionId,
          represents: r.represents,
          name: r.name,
          address: r.address,
          email: r.email,
          channel: r.channel,
          mail_id: r.mailId,
          recorded_at: ctx.now,
          recorded_by: null,
          delivered_on: r.deliveredOn,
        })),
      )
      .execute();
  }
}

async function applicantRow(ctx: DeliveryContext, today: string): Promise<Row> {
  const { applicantName } = await procedureParties(ctx.trx, ctx.row);
  // The signed Bescheid is filed in the case file the applicant reads in the portal, and the
  // applicant is told by e-mail (permit notifications). Whether that is a delivery in the sense
  // of the VwZG NRW or a Bekanntgabe under § 41 Abs. 2a VwVfG NRW needs legal sign-off. [open]
  return {
    kind: 'applicant',
    objectionId: null,
    represents: 1,
    name: applicantName,
    address: null,
    email: null,
    channel: 'portal',
    mailId: null,
    deliveredOn: today,
  };
}

function outcomeText(state: ProcedureState): string {
  return state.decision?.outcome === 'refused'
    ? 'Der Antrag wurde abgelehnt.'
    : 'Die Genehmigung wurde erteilt.';
}

async function mailTo(ctx: DeliveryContext, d: ObjectorDelivery, footer: string): Promise<string> {
  const { row, state } = ctx;
  const { authorityName } = await procedureParties(ctx.trx, row);
  const forMany =
    d.represents > 1
      ? ` Sie erhalten ihn auch für die ${d.represents.toLocaleString('de-DE')} Personen, die Sie vertreten (§ 17 VwVfG).`
      : '';
  return queueMail(ctx.trx, {
    to: d.email!,
    subject: `Bescheid zugestellt: ${row.title}`,
    text: `Guten Tag,\n\ndie Behörde ${authorityName} hat über den Antrag „${row.title}“ (Az. ${referenceLabel(row.reference)}) entschieden, zu dem Sie Einwendungen erhoben haben. ${outcomeText(state)} Der Bescheid mit Begründung und Rechtsbehelfsbelehrung wird Ihnen zugestellt (§ 10 Abs. 7 BImSchG).${forMany} Wie Ihre Einwendung gewürdigt wurde, sehen Sie unter Ihrem persönlichen Link aus der Eingangsbestätigung.${footer}`,
  });
}

/** Individual delivery to the applicant and to each objector (≤ 50, see the engine guard). */
async function deliverIndividually(ctx: DeliveryContext): Promise<void> {
  const today = berlinDate(ctx.now);
  const rows: Row[] = [await applicantRow(ctx, today)];
  const { deliveries } = await loadObjectorDeliveries(ctx.trx, ctx.row.id);
  const footer = deliveries.length > 0 ? await authorityMailFooter(ctx.trx, ctx.row.tenantId) : '';
  for (const d of deliveries) {
    // [open] An e-mail is a delivery only where the objector opened that channel (§ 3a VwVfG
    // NRW, § 5 Abs. 5 VwZG); the letter list lets the office send the paper copy as well.
    const mailId = d.email !== null ? await mailTo(ctx, d, footer) : null;
    rows.push({
      kind: d.kind,
      objectionId: d.objectionId,
      represents: d.represents,
      name: d.name,
      address: d.address,
      email: d.email,
      channel: mailId !== null ? 'mail' : 'letter',
      mailId,
      deliveredOn: today,
    });
  }
  await insertRows(ctx, rows);
}

/**
 * Public notice: the applicant individually (§ 10 Abs. 7 S. 1 BImSchG), the objectors by the
 * notice, delivered with the end of the display (§ 10 Abs. 8 S. 5 BImSchG).
 */
async function deliverByPublicNotice(ctx: DeliveryContext): Promise<void> {
  const publication = ctx.state.decisionPublication;
  if (!publication) return;
  const rows: Row[] = [await applicantRow(ctx, berlinDate(ctx.now))];
  const { deliveries } = await loadObjectorDeliveries(ctx.trx, ctx.row.id);
  for (const d of deliveries) {
    rows.push({
      kind: d.kind,
      objectionId: d.objectionId,
      represents: d.represents,
      name: d.name,
      address: d.address,
      email: d.email,
      channel: 'public-notice',
      mailId: null,
      deliveredOn: publication.displayEnd,
    });
  }
  await insertRows(ctx, rows);
}

/** Called for every committed event of a procedure; acts on the two ways of delivery. */
export async function recordDecisionDelivery(ctx: DeliveryContext): Promise<void> {
  if (!ctx.state.decision) return;
  if (ctx.event.type === 'decision-delivered') return deliverIndividually(ctx);
  if (ctx.event.type === 'decision-published') return deliverByPublicNotice(ctx);
}

/** German label of a channel, for pages and lists. */
export const CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  portal: 'Verfahrensakte im Portal',
  mail: 'E-Mail',
  letter: 'Brief (Briefliste)',
  'public-notice': 'Öffentliche Bekanntmachung (§ 10 Abs. 8 BImSchG)',
};

/** The day a public notice's delivery takes effect, in words, for pages. */
export function deemedOn(day: string): string {
  return `mit Ablauf des ${formatGermanDate(day)}`;
}
