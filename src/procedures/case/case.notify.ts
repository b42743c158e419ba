import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { queueMail } from '../../platform/mail.ts';
import { referenceLabel } from '../reference.ts';
import { recipients, type CaseRow } from './case.queries.ts';

type Audience = 'applicant' | 'case_worker' | 'agency_member' | 'supervisor';

/** Reminders and escalations of the deadline watcher. */
export async function notifyDeadline(options: {
  trx: Transaction<Database>;
  row: CaseRow<unknown>;
  audience: Audience;
  organisationIds?: string[];
  subject: string;
  text: string;
  link: string;
}): Promise<void> {
  const orgs =
    options.organisationIds ??
    (options.audience === 'applicant'
      ? options.row.applicantOrgId
        ? [options.row.applicantOrgId]
        : []
      : [options.row.tenantId]);
  for (const to of await recipients(options.trx, orgs, options.audience)) {
    await queueMail(options.trx, {
      to,
      subject: `${options.subject} – ${referenceLabel(options.row.reference)} ${options.row.title}`,
      text: options.text,
      link: options.link,
    });
  }
}
