import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDate } from '../../law/german-format.ts';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import { queueMail } from '../../platform/mail.ts';
import { FinderInputError } from './finder.errors.ts';
import { queryFromAnswers } from './finder.form.ts';
import { alertMatches } from './alert.matches.ts';
import { runFinder } from './finder.service.ts';
import type { FinderAnswers, FinderEntry, FinderFilters } from './finder.types.ts';

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

function line(entry: FinderEntry): string {
  const amount =
    entry.amount.status === 'computed'
      ? `geschätzt ${formatEuro(entry.amount.amountCents)}`
      : 'Betrag: weitere Angaben nötig';
  const deadline = entry.deadline
    ? `Antragsfrist bis ${formatGermanDate(entry.deadline, { weekday: false })}`
    : 'keine Antragsfrist veröffentlicht';
  return `- ${entry.title}: ${entry.eligibilityLabel}; ${amount}; ${deadline}.`;
}

export interface AlertRunSummary {
  alerts: number;
  mails: number;
  versions: number;
}

/**
 * Checks every saved alert against the catalogue on today's date and mails, once per alert, the
 * programme versions that match (eligible or need more information) and were neither mailed for
 * that alert before nor on the results page when the company saved it. Each alert is one transaction: the delivery rows (primary key alert + version)
 * and the mail commit together, so a rerun or a second worker finds the rows and sends nothing.
 */
export async function runFundingAlerts(options: {
  db: Db;
  now: Date;
  catalogue: readonly FundingProgrammeVersion[];
  publicUrl: string;
}): Promise<AlertRunSummary> {
  const today = BERLIN_DAY.format(options.now);
  const alerts = await options.db
    .selectFrom('funding_alerts as a')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.tenant_id', 'a.label', 'a.answers', 'a.filters', 'u.email'])
    .where('u.disabled', '=', false)
    // Only while the person is still an applicant of the company the alert belongs to.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'a.created_by')
          .whereRef('m.organisation_id', '=', 'a.tenant_id')
          .where('m.role', '=', 'applicant'),
      ),
    )
    .orderBy('a.created_at')
    .execute();
  const summary: AlertRunSummary = { alerts: alerts.length, mails: 0, versions: 0 };
  for (const alert of alerts) {
    const answers = alert.answers as FinderAnswers;
    const filters = alert.filters as FinderFilters;
    let entries: FinderEntry[];
    try {
      entries = runFinder({ answers, filters, date: today, catalogue: options.catalogue }).entries;
    } catch (error) {
      // A saved search the current catalogue no longer accepts (a measure was removed) is
      // skipped, not retried forever; the company sees it unchanged on its alerts page.
      if (error instanceof FinderInputError) continue;
      throw error;
    }
    const matches = new Set(alertMatches(entries).map((m) => m.versionId));
    const matching = entries.filter((e) => matches.has(e.id));
    await options.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('funding_alerts')
        .set({ last_checked_at: options.now })
        .where('id', '=', alert.id)
        .execute();
      if (matching.length === 0) return;
      const inserted = await trx
        .insertInto('funding_alert_deliveries')
        .values(
          matching.map((e) => ({
            alert_id: alert.id,
            tenant_id: alert.tenant_id,
            version_id: e.id,
            eligibility: e.eligibility as 'eligible' | 'need-info',
            sent_at: options.now,
          })),
        )
        .onConflict((oc) => oc.columns(['alert_id', 'version_id']).doNothing())
        .returning('version_id')
        .execute();
      if (inserted.length === 0) return;
      const fresh = new Set(inserted.map((r) => r.version_id));
      const news = matching.filter((e) => fresh.has(e.id));
      const mailId = await queueMail(trx, {
        to: alert.email,
        subject:
          news.length === 1
            ? 'Förderfinder: ein neues passendes Förderprogramm'
            : `Förderfinder: ${news.length} neue passende Förderprogramme`,
        text: [
          'Guten Tag,',
          '',
          `für Ihre gespeicherte Suche „${alert.label}“ gibt es neue passende Förderprogramme:`,
          '',
          ...news.map(line),
          '',
          'Die Auskunft ist unverbindlich; über einen Antrag entscheidet die Bewilligungsbehörde.',
          `Benachrichtigungen verwalten oder abbestellen: ${options.publicUrl}foerderfinder/benachrichtigungen`,
          '',
          'Die Ergebnisse mit allen Begründungen:',
        ].join('\n'),
        link: `${options.publicUrl}foerderfinder?${queryFromAnswers(answers, filters)}`,
      });
      await trx
        .updateTable('funding_alert_deliveries')
        .set({ mail_id: mailId })
        .where('alert_id', '=', alert.id)
        .where('version_id', 'in', [...fresh])
        .execute();
      summary.mails += 1;
      summary.versions += news.length;
    });
  }
  return summary;
}

/** For tests and the operations guide: how many deliveries an alert has recorded. */
export async function countAlertDeliveries(db: Db, alertId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from funding_alert_deliveries where alert_id = ${alertId}`.execute(
    db,
  );
  return result.rows[0]?.n ?? 0;
}
