import type { Db } from '../../db/database.ts';
import type { AlertMatch } from './alert.matches.ts';
import type { FinderAnswers, FinderFilters } from './finder.types.ts';

export interface FundingAlertRow {
  id: string;
  tenantId: string;
  label: string;
  answers: FinderAnswers;
  filters: FinderFilters;
  createdAt: Date;
  lastCheckedAt: Date | null;
  createdByName: string;
  sentCount: number;
}

/** The alerts of the given companies, newest first, with how many programmes each has mailed. */
export async function listFundingAlerts(
  db: Db,
  tenantIds: readonly string[],
): Promise<FundingAlertRow[]> {
  if (tenantIds.length === 0) return [];
  const rows = await db
    .selectFrom('funding_alerts as a')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select((eb) => [
      'a.id',
      'a.tenant_id',
      'a.label',
      'a.answers',
      'a.filters',
      'a.created_at',
      'a.last_checked_at',
      'u.display_name',
      eb
        .selectFrom('funding_alert_deliveries as d')
        .whereRef('d.alert_id', '=', 'a.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('sent'),
    ])
    .where('a.tenant_id', 'in', tenantIds)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    label: r.label,
    answers: r.answers as FinderAnswers,
    filters: r.filters as FinderFilters,
    createdAt: r.created_at,
    lastCheckedAt: r.last_checked_at,
    createdByName: r.display_name,
    sentCount: Number(r.sent ?? 0),
  }));
}

export async function insertFundingAlert(
  db: Db,
  values: {
    tenantId: string;
    userId: string;
    label: string;
    answers: FinderAnswers;
    filters: FinderFilters;
    /** Matches the company already saw; recorded as delivered without a mail. */
    known: readonly AlertMatch[];
  },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('funding_alerts')
      .values({
        tenant_id: values.tenantId,
        created_by: values.userId,
        label: values.label,
        answers: JSON.stringify(values.answers),
        filters: JSON.stringify(values.filters),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (values.known.length > 0)
      await trx
        .insertInto('funding_alert_deliveries')
        .values(
          values.known.map((m) => ({
            alert_id: row.id,
            tenant_id: values.tenantId,
            version_id: m.versionId,
            eligibility: m.eligibility,
            mail_id: null,
          })),
        )
        .execute();
    return row.id;
  });
}

/** Deletes an alert of one of the given companies; false when there is none with that id. */
export async function deleteFundingAlert(
  db: Db,
  tenantIds: readonly string[],
  id: string,
): Promise<boolean> {
  if (tenantIds.length === 0) return false;
  const result = await db
    .deleteFrom('funding_alerts')
    .where('id', '=', id)
    .where('tenant_id', 'in', tenantIds)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
