import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { queueMail } from '../platform/mail.ts';
import { formatGermanDate } from '../law/index.ts';
import type { CaseDeadline, ProcedureEvent } from '../procedures/engine/index.ts';
import { type ProcedureRow } from './permit.queries.ts';
import { recipients } from '../procedures/case/case.queries.ts';
import { authorityMailFooter } from '../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../procedures/reference.ts';

type Audience = 'applicant' | 'case_worker' | 'agency_member' | 'supervisor';

interface Message {
  readonly to: Audience;
  readonly subject: string;
  readonly text: string;
}

/** The request to an agency, with the end of its own period (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV). */
const AGENCY_REQUEST: Message = {
  to: 'agency_member',
  subject: 'Bitte um Stellungnahme',
  text: 'Die Genehmigungsbehörde bittet Sie um eine Stellungnahme innerhalb eines Monats (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV). Äußern Sie sich bis zum Fristende nicht, wird angenommen, dass Sie sich nicht äußern wollen.',
};

/**
 * Who hears of which event, and what they read (German; the link leads to the case page). Each
 * party gets the message that concerns it: the agencies their request, the applicant the state
 * of its application (never the agencies' request).
 */
const MESSAGES: Record<string, readonly Message[]> = {
  'application-submitted': [
    {
      to: 'applicant',
      subject: 'Eingangsbestätigung: Antrag eingereicht',
      text: 'Der Antrag ist elektronisch eingegangen. Die Behörde prüft nun die Vollständigkeit der Unterlagen. Alle Fristen sehen Sie in der Verfahrensakte.',
    },
    {
      to: 'case_worker',
      subject: 'Neuer Antrag eingegangen',
      text: 'Ein Antrag ist elektronisch eingegangen. Die Prüfung der Vollständigkeit hat begonnen; die Frist steht in der Verfahrensakte.',
    },
  ],
  'receipt-confirmed': [
    {
      to: 'applicant',
      subject: 'Eingang bestätigt',
      text: 'Die Behörde hat den Eingang Ihres Antrags bestätigt (§ 6 9. BImSchV).',
    },
  ],
  'documents-requested': [
    {
      to: 'applicant',
      subject: 'Nachforderung von Unterlagen',
      text: 'Die Behörde fordert Unterlagen nach. Bitte reichen Sie sie innerhalb der gesetzten Frist ein; die Frist und die Liste finden Sie in der Verfahrensakte.',
    },
  ],
  'documents-submitted': [
    {
      to: 'case_worker',
      subject: 'Unterlagen nachgereicht',
      text: 'Die Antragstellerin hat Unterlagen nachgereicht.',
    },
  ],
  'completeness-confirmed': [
    {
      to: 'applicant',
      subject: 'Antrag vollständig',
      text: 'Die Antragsunterlagen sind vollständig (§ 7 Abs. 2 9. BImSchV). Den Zeitplan des Verfahrens und die beteiligten Behörden finden Sie in der Verfahrensakte.',
    },
    AGENCY_REQUEST,
  ],
  'agencies-asked': [AGENCY_REQUEST],
  'agency-statement-recorded': [
    {
      to: 'case_worker',
      subject: 'Stellungnahme eingegangen',
      text: 'Eine Fachbehörde hat ihre Stellungnahme abgegeben.',
    },
  ],
  'agency-no-comment-recorded': [
    {
      to: 'case_worker',
      subject: 'Frist für Stellungnahme abgelaufen',
      text: 'Eine Fachbehörde hat sich innerhalb der Frist nicht geäußert; das gilt als Verzicht auf eine Stellungnahme (§ 10 Abs. 5 Satz 2 BImSchG).',
    },
  ],
  'consent-refused': [
    {
      to: 'case_worker',
      subject: 'Einvernehmen bzw. Zustimmung verweigert',
      text: 'Eine beteiligte Behörde hat ihr Einvernehmen bzw. ihre Zustimmung verweigert. Die Genehmigung kann so nicht erteilt werden; ein rechtswidrig verweigertes Einvernehmen der Gemeinde kann die Genehmigungsbehörde ersetzen (§ 36 Abs. 2 Satz 3 BauGB). Die Begründung steht in der Verfahrensakte.',
    },
  ],
  'consent-given': [
    {
      to: 'case_worker',
      subject: 'Einvernehmen bzw. Zustimmung erteilt',
      text: 'Eine beteiligte Behörde hat ihr Einvernehmen bzw. ihre Zustimmung erteilt.',
    },
  ],
  'consent-deemed-given': [
    {
      to: 'case_worker',
      subject: 'Einvernehmen bzw. Zustimmung gilt als erteilt',
      text: 'Eine beteiligte Behörde hat ihr Einvernehmen bzw. ihre Zustimmung nicht innerhalb von zwei Monaten verweigert; es gilt als erteilt (§ 36 Abs. 2 Satz 2 BauGB, § 12 Abs. 2 Satz 2 LuftVG).',
    },
    {
      to: 'agency_member',
      subject: 'Einvernehmen bzw. Zustimmung gilt als erteilt',
      text: 'Ihre Behörde hat ihr Einvernehmen bzw. ihre Zustimmung nicht innerhalb von zwei Monaten verweigert; es gilt damit als erteilt (§ 36 Abs. 2 Satz 2 BauGB, § 12 Abs. 2 Satz 2 LuftVG).',
    },
  ],
  'consent-replaced': [
    {
      to: 'agency_member',
      subject: 'Verweigertes Einvernehmen ersetzt',
      text: 'Die Genehmigungsbehörde hat das verweigerte Einvernehmen Ihrer Gemeinde ersetzt (§ 36 Abs. 2 Satz 3 BauGB). Die Begründung steht in der Verfahrensakte.',
    },
  ],
  'decision-deadline-extended': [
    {
      to: 'applicant',
      subject: 'Entscheidungsfrist verlängert',
      text: 'Die Behörde hat die Entscheidungsfrist verlängert (§ 10 Abs. 6a BImSchG). Begründung und neues Fristende stehen in der Verfahrensakte.',
    },
    {
      to: 'supervisor',
      subject: 'Entscheidungsfrist verlängert',
      text: 'Eine Genehmigungsbehörde hat die Entscheidungsfrist verlängert (§ 10 Abs. 6a BImSchG). Begründung und neues Fristende stehen in der Verfahrensakte.',
    },
  ],
  'decision-delivered': [
    {
      to: 'applicant',
      subject: 'Bescheid zugestellt',
      text: 'Der Bescheid über Ihren Antrag liegt in der Verfahrensakte zum Abruf bereit.',
    },
  ],
  // § 10 Abs. 7 S. 1 BImSchG: the applicant is served individually even when a public notice
  // replaces the delivery to the objectors (§ 10 Abs. 8 BImSchG).
  'decision-published': [
    {
      to: 'applicant',
      subject: 'Bescheid zugestellt',
      text: 'Der Bescheid über Ihren Antrag liegt in der Verfahrensakte zum Abruf bereit. Den Personen, die Einwendungen erhoben haben, wird er durch öffentliche Bekanntmachung zugestellt (§ 10 Abs. 8 BImSchG).',
    },
  ],
  'application-withdrawn': [
    {
      to: 'case_worker',
      subject: 'Antrag zurückgenommen',
      text: 'Die Antragstellerin hat den Antrag zurückgenommen.',
    },
    {
      to: 'agency_member',
      subject: 'Verfahren beendet: Antrag zurückgenommen',
      text: 'Die Antragstellerin hat den Antrag zurückgenommen. Eine noch offene Stellungnahme wird nicht mehr benötigt.',
    },
  ],
  'application-rejected': [
    {
      to: 'applicant',
      subject: 'Antrag abgelehnt (unvollständig)',
      text: 'Der Antrag wurde abgelehnt, weil die Unterlagen nicht fristgerecht vervollständigt wurden (§ 20 Abs. 2 9. BImSchV).',
    },
  ],
  'application-refused': [
    {
      to: 'applicant',
      subject: 'Antrag abgelehnt',
      text: 'Die Behörde hat den Antrag abgelehnt. Der Bescheid liegt in der Verfahrensakte.',
    },
    {
      to: 'agency_member',
      subject: 'Verfahren beendet: Antrag abgelehnt',
      text: 'Die Genehmigungsbehörde hat den Antrag abgelehnt. Eine noch offene Stellungnahme wird nicht mehr benötigt.',
    },
  ],
};

/** Who an event's message for an audience goes to; agencies: those the event names, else all asked. */
function organisationsFor(row: ProcedureRow, audience: Audience, event: ProcedureEvent): string[] {
  switch (audience) {
    case 'applicant':
      return row.applicantOrgId ? [row.applicantOrgId] : [];
    case 'case_worker':
      return [row.tenantId];
    case 'agency_member': {
      const named = event.data.agencies ?? event.data.agency;
      if (named === undefined) return row.agencyOrgIds;
      return (Array.isArray(named) ? named : [named]).filter(
        (a): a is string => typeof a === 'string',
      );
    }
    case 'supervisor':
      return [];
  }
}

/** Consent requested with the involvement, per deadline key: what the agency reads. */
const CONSENT_REQUESTS: Record<string, string> = {
  'municipal-consent':
    'Zugleich bittet die Genehmigungsbehörde um das Einvernehmen Ihrer Gemeinde (§ 36 Abs. 1 Satz 1 BauGB). Es gilt als erteilt, wenn es nicht innerhalb von zwei Monaten verweigert wird (§ 36 Abs. 2 Satz 2 BauGB)',
  'aviation-consent':
    'Zugleich bittet die Genehmigungsbehörde um Ihre Zustimmung nach § 14 Abs. 1 LuftVG. Sie gilt als erteilt, wenn sie nicht innerhalb von zwei Monaten verweigert wird (§ 12 Abs. 2 Satz 2 LuftVG)',
};

/** An agency reads the end of its own period, with the rule it follows, and of its consent. */
function ownDeadline(deadlines: readonly CaseDeadline[], agency: string): string {
  const own = deadlines.find((d) => d.key === 'agency-statement' && d.instance === agency);
  const consent = deadlines.find((d) => d.instance === agency && d.key in CONSENT_REQUESTS);
  return [
    own ? `\n\nIhre Frist endet am ${formatGermanDate(own.end)}, um 24:00 Uhr.` : '',
    consent
      ? `\n\n${CONSENT_REQUESTS[consent.key]}; die Frist endet am ${formatGermanDate(consent.end)}, um 24:00 Uhr.`
      : '',
  ].join('');
}

/**
 * The request for documents names them by their German names and gives the deadline with its
 * date (§ 7 Abs. 1 Satz 3 9. BImSchV), as the letter does; a mail that only points to the case
 * file would leave the applicant without the two facts that matter.
 */
export function documentRequestText(
  event: ProcedureEvent,
  requiredDocuments: readonly { key: string; label: string }[],
  deadlines: readonly CaseDeadline[],
): string {
  const items = Array.isArray(event.data.items) ? (event.data.items as unknown[]) : [];
  const names = items
    .filter((i): i is string => typeof i === 'string')
    .map((i) => requiredDocuments.find((d) => d.key === i)?.label ?? i);
  const end = deadlines.find(
    (d) => d.key === 'document-submission' && d.instance === event.data.requestId,
  )?.end;
  const until = end ? formatGermanDate(end, { weekday: false }) : null;
  return [
    'Die Behörde fordert folgende Unterlagen nach (§ 7 Abs. 1 Satz 3 9. BImSchV):',
    names.map((n) => `- ${n}`).join('\n'),
    until
      ? `Bitte reichen Sie die Unterlagen bis zum ${until} in der Verfahrensakte ein. Werden sie nicht fristgerecht vorgelegt, soll der Antrag abgelehnt werden (§ 20 Abs. 2 Satz 2 9. BImSchV).`
      : 'Bitte reichen Sie die Unterlagen innerhalb der gesetzten Frist in der Verfahrensakte ein.',
  ].join('\n\n');
}

export async function notify(options: {
  trx: Transaction<Database>;
  row: ProcedureRow;
  event: ProcedureEvent;
  link: string;
  /** For texts that state the case's documents and deadlines (request for documents). */
  requiredDocuments?: readonly { key: string; label: string }[];
  deadlines?: readonly CaseDeadline[];
}): Promise<void> {
  const { trx, row, event } = options;
  const footer = await authorityMailFooter(trx, row.tenantId);
  for (const message of MESSAGES[event.type] ?? []) {
    const perAgency = message === AGENCY_REQUEST;
    // The request goes to each agency separately: each reads its own deadline.
    const groups = perAgency
      ? organisationsFor(row, message.to, event).map((org) => [org])
      : [organisationsFor(row, message.to, event)];
    for (const orgs of groups) {
      const base =
        event.type === 'documents-requested' && message.to === 'applicant'
          ? documentRequestText(event, options.requiredDocuments ?? [], options.deadlines ?? [])
          : message.text;
      const own =
        perAgency && orgs[0] ? base + ownDeadline(options.deadlines ?? [], orgs[0]) : base;
      // What the authority tells outside parties ends with its contact block; its own staff
      // need none.
      const text = message.to === 'case_worker' ? own : `${own}${footer}`;
      for (const to of await recipients(trx, orgs, message.to)) {
        await queueMail(trx, {
          to,
          subject: `${message.subject} – ${referenceLabel(row.reference)} ${row.title}`,
          text,
          link: options.link,
        });
      }
    }
  }
}
