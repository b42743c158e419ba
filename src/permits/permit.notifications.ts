import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { queueMail } from '../platform/mail.ts';
import type { ProcedureEvent } from '../procedures/engine/index.ts';
import { recipients, type ProcedureRow } from './permit.queries.ts';
import { authorityMailFooter } from '../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../procedures/reference.ts';

type Audience = 'applicant' | 'case_worker' | 'agency_member' | 'supervisor';

/** Who hears of which event, and what they read (German; the link leads to the case page). */
const MESSAGES: Record<string, { to: Audience[]; subject: string; text: string }> = {
  'application-submitted': {
    to: ['applicant', 'case_worker'],
    subject: 'Eingangsbestätigung: Antrag eingereicht',
    text: 'Der Antrag ist elektronisch eingegangen. Die Behörde prüft nun die Vollständigkeit der Unterlagen. Alle Fristen sehen Sie in der Verfahrensakte.',
  },
  'receipt-confirmed': {
    to: ['applicant'],
    subject: 'Eingang bestätigt',
    text: 'Die Behörde hat den Eingang Ihres Antrags bestätigt (§ 6 9. BImSchV).',
  },
  'documents-requested': {
    to: ['applicant'],
    subject: 'Nachforderung von Unterlagen',
    text: 'Die Behörde fordert Unterlagen nach. Bitte reichen Sie sie innerhalb der gesetzten Frist ein; die Frist und die Liste finden Sie in der Verfahrensakte.',
  },
  'documents-submitted': {
    to: ['case_worker'],
    subject: 'Unterlagen nachgereicht',
    text: 'Die Antragstellerin hat Unterlagen nachgereicht.',
  },
  'completeness-confirmed': {
    to: ['applicant', 'agency_member'],
    subject: 'Antrag vollständig / Bitte um Stellungnahme',
    text: 'Die Antragsunterlagen sind vollständig (§ 7 Abs. 2 9. BImSchV). Beteiligte Fachbehörden werden um Stellungnahme innerhalb eines Monats gebeten; ohne Äußerung gilt, dass sie sich nicht äußern wollen (§ 11 9. BImSchV).',
  },
  'agencies-asked': {
    to: ['agency_member'],
    subject: 'Bitte um Stellungnahme',
    text: 'Sie werden um eine Stellungnahme innerhalb eines Monats gebeten (§ 11 9. BImSchV). Äußern Sie sich nicht, wird angenommen, dass Sie sich nicht äußern wollen.',
  },
  'agency-statement-recorded': {
    to: ['case_worker'],
    subject: 'Stellungnahme eingegangen',
    text: 'Eine Fachbehörde hat ihre Stellungnahme abgegeben.',
  },
  'agency-no-comment-recorded': {
    to: ['case_worker'],
    subject: 'Frist für Stellungnahme abgelaufen',
    text: 'Eine Fachbehörde hat sich innerhalb der Frist nicht geäußert; das gilt als Verzicht auf eine Stellungnahme (§ 10 Abs. 5 Satz 2 BImSchG).',
  },
  'decision-deadline-extended': {
    to: ['applicant', 'supervisor'],
    subject: 'Entscheidungsfrist verlängert',
    text: 'Die Behörde hat die Entscheidungsfrist verlängert (§ 10 Abs. 6a BImSchG). Begründung und neues Fristende stehen in der Verfahrensakte.',
  },
  'decision-delivered': {
    to: ['applicant'],
    subject: 'Bescheid zugestellt',
    text: 'Der Bescheid über Ihren Antrag liegt in der Verfahrensakte zum Abruf bereit.',
  },
  'application-withdrawn': {
    to: ['case_worker'],
    subject: 'Antrag zurückgenommen',
    text: 'Die Antragstellerin hat den Antrag zurückgenommen.',
  },
  'application-rejected': {
    to: ['applicant'],
    subject: 'Antrag abgelehnt (unvollständig)',
    text: 'Der Antrag wurde abgelehnt, weil die Unterlagen nicht fristgerecht vervollständigt wurden (§ 20 Abs. 2 9. BImSchV).',
  },
  'application-refused': {
    to: ['applicant'],
    subject: 'Antrag abgelehnt',
    text: 'Die Behörde hat den Antrag abgelehnt. Der Bescheid liegt in der Verfahrensakte.',
  },
};

function organisationsFor(row: ProcedureRow, audience: Audience, event: ProcedureEvent): string[] {
  switch (audience) {
    case 'applicant':
      return row.applicantOrgId ? [row.applicantOrgId] : [];
    case 'case_worker':
      return [row.tenantId];
    case 'agency_member': {
      const asked = event.data.agencies ?? event.data.agency;
      return (Array.isArray(asked) ? asked : [asked]).filter(
        (a): a is string => typeof a === 'string',
      );
    }
    case 'supervisor':
      return [];
  }
}

export async function notify(options: {
  trx: Transaction<Database>;
  row: ProcedureRow;
  event: ProcedureEvent;
  link: string;
}): Promise<void> {
  const message = MESSAGES[options.event.type];
  if (!message) return;
  const footer = await authorityMailFooter(options.trx, options.row.tenantId);
  for (const audience of message.to) {
    const emails = await recipients(
      options.trx,
      organisationsFor(options.row, audience, options.event),
      audience,
    );
    for (const to of emails) {
      await queueMail(options.trx, {
        to,
        subject: `${message.subject} – ${referenceLabel(options.row.reference)} ${options.row.title}`,
        // What the authority tells outside parties ends with its contact block; its own staff
        // need none.
        text: audience === 'case_worker' ? message.text : `${message.text}${footer}`,
        link: options.link,
      });
    }
  }
}

/** Reminders and escalations of the deadline watcher. */
export async function notifyDeadline(options: {
  trx: Transaction<Database>;
  row: ProcedureRow;
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
