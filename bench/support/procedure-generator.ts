import { createHash, randomUUID } from 'node:crypto';
import {
  PROCEDURE_TYPE_VERSIONS,
  WIND_REQUIRED_DOCUMENTS,
} from '../../src/permits/procedure-types/index.ts';
import { hashAuditEvent } from '../../src/procedures/audit-hash.ts';
import {
  initialState,
  selectProcedureVersion,
  type AgencyInvolvement,
  type ClosureKind,
  type DocumentRequest,
  type ProcedureState,
} from '../../src/procedures/engine/index.ts';
import type { Batches } from './bulk-insert.ts';
import { application } from './application-data.ts';
import { pathTo, transitionByEvent } from './procedure-path.ts';
import type { Random } from './random.ts';

/**
 * One plausible permit procedure with its whole case file: the procedure row with a valid engine
 * state, a VALID hash chain of audit events (hashAuditEvent, as appendAuditEvent computes it),
 * its materialised deadlines, the agencies asked and the uploaded documents. The milestones
 * follow the real transitions of the type version; the rest of the events are draft saves and
 * uploads, as a long-running case file accumulates them.
 */
export interface GeneratorContext {
  random: Random;
  now: Date;
  /** Berlin calendar date of `now`. */
  today: string;
  agencyIds: readonly string[];
  /** Organisation id → a user of it (demo organisations only). */
  demoUserOf: ReadonlyMap<string, string>;
}

export interface ProcedureSpec {
  tenantId: string;
  applicantOrgId: string;
  reference: string;
  eventCount: number;
}

type TypeKey = 'bimschg-simplified' | 'bimschg-formal';

/** Share of procedures per step: most are open; about 30 % are closed (terminal). */
const STEP_WEIGHTS: Record<TypeKey, Record<string, number>> = {
  'bimschg-simplified': {
    draft: 8,
    submitted: 6,
    'completeness-check': 18,
    'agency-involvement': 24,
    'decision-drafting': 12,
    decided: 4,
    delivered: 16,
    withdrawn: 8,
    rejected: 4,
  },
  'bimschg-formal': {
    draft: 8,
    submitted: 6,
    'completeness-check': 20,
    'agency-involvement': 28,
    'ready-for-participation': 14,
    withdrawn: 10,
    rejected: 6,
    refused: 8,
  },
};

const CLOSURE_KINDS: readonly ClosureKind[] = ['withdrawn', 'rejected', 'refused'];

const DAY = 86_400_000;
const FIRST_RULES = PROCEDURE_TYPE_VERSIONS.map((t) => t.validFrom).sort()[0] ?? '2024-07-09';

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

interface Milestone {
  type: string;
  role: string;
  data: Record<string, unknown>;
}

type DeadlineStatus = 'running' | 'met' | 'expired' | 'cancelled';

export function generateProcedure(
  ctx: GeneratorContext,
  spec: ProcedureSpec,
  out: Batches,
): { id: string; open: boolean } {
  const { random, today } = ctx;
  const id = randomUUID();
  const turbineCount = random.chance(0.08) ? random.int(20, 25) : random.int(1, 19);
  const typeKey: TypeKey =
    turbineCount >= 20 || random.chance(0.15) ? 'bimschg-formal' : 'bimschg-simplified';
  // Created within the last ~2.5 years, but not before the oldest rules (2024-07-09) applied.
  const oldest = Math.floor((ctx.now.getTime() - Date.parse(FIRST_RULES)) / DAY) - 1;
  const createdAt = new Date(
    ctx.now.getTime() - random.int(20, Math.max(21, Math.min(900, oldest))) * DAY,
  );
  const type = selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, typeKey, isoDateOf(createdAt));
  if (!type) throw new Error(`keine Regeln für ${typeKey} am ${isoDateOf(createdAt)}`);
  const step = random.weighted(STEP_WEIGHTS[typeKey]);
  const stepDef = type.steps.find((s) => s.key === step);
  if (!stepDef) throw new Error(`${type.key} ${type.version} kennt den Schritt ${step} nicht`);
  const closed = stepDef.kind === 'terminal';
  const path = pathTo(type, step, random);
  const reached = new Set(path.map((t) => t.event));
  const data = application(random, turbineCount, spec.reference.slice(-4));

  // Milestones of the path, with the in-step events a real case has between them.
  const milestones: Milestone[] = [];
  const requests: DocumentRequest[] = [];
  const asked: AgencyInvolvement[] = [];
  const movesOnFromAgencies = path.some(
    (t) => t.from.includes('agency-involvement') && t.to !== null && t.to !== 'withdrawn',
  );
  for (const t of path) {
    milestones.push({ type: t.event, role: t.roles[0] ?? 'case_worker', data: {} });
    if (t.event === 'receipt-confirmed' && random.chance(0.45)) {
      const requestId = randomUUID();
      const answered = step !== 'completeness-check' || random.chance(0.4);
      const items = ['Schallprognose (überarbeitet)', 'Artenschutzgutachten'];
      milestones.push({
        type: transitionByEvent(type, 'documents-requested').event,
        role: 'case_worker',
        data: { requestId, items, period: 'P1M' },
      });
      if (answered) {
        milestones.push({ type: 'documents-submitted', role: 'applicant', data: { requestId } });
      }
      requests.push({
        id: requestId,
        items,
        period: 'P1M',
        requestedAt: today,
        answeredAt: answered ? today : null,
        documents: [],
      });
    }
    if (t.event === 'completeness-confirmed') {
      const agencies = random.shuffle([...ctx.agencyIds]).slice(0, random.int(1, 3));
      milestones.push({ type: 'agencies-asked', role: 'case_worker', data: { agencies } });
      for (const agency of agencies) {
        const answer = movesOnFromAgencies
          ? random.pick(['statement', 'no-comment'] as const)
          : random.pick(['pending', 'pending', 'statement', 'no-comment'] as const);
        if (answer !== 'pending') {
          milestones.push({
            type:
              answer === 'statement' ? 'agency-statement-recorded' : 'agency-no-comment-recorded',
            role: answer === 'statement' ? 'agency_member' : 'system',
            data:
              answer === 'statement'
                ? { agency, statement: 'Keine Bedenken unter Nebenbestimmungen.' }
                : { agency },
          });
        }
        asked.push({
          agency,
          askedAt: today,
          answer,
          answeredAt: answer === 'pending' ? null : today,
        });
      }
    }
  }
  for (const m of milestones) transitionByEvent(type, m.type); // every event type is a real one

  // Fill up to the wanted count with draft saves (before submission) and uploads (after).
  const fillers = spec.eventCount - 1 - milestones.length;
  if (fillers < 0) throw new Error(`${spec.eventCount} Ereignisse reichen nicht für ${step}`);
  const saves = milestones.length === 0 ? fillers : Math.floor(fillers * 0.6);
  const documentIds: { id: string; docType: string }[] = [];
  const sequence: Milestone[] = [
    {
      type: 'application-created',
      role: 'applicant',
      data: { reference: spec.reference, title: data.title },
    },
  ];
  for (let i = 0; i < saves; i++) {
    sequence.push({
      type: 'application-saved',
      role: 'applicant',
      data: { title: data.title, turbines: turbineCount },
    });
  }
  const uploadsAfter = milestones.length > 1 ? 2 : milestones.length;
  sequence.push(...milestones.slice(0, uploadsAfter));
  for (let i = 0; i < fillers - saves; i++) {
    const doc = { id: randomUUID(), docType: random.pick(WIND_REQUIRED_DOCUMENTS).key };
    documentIds.push(doc);
    sequence.push({
      type: 'document-uploaded',
      role: 'applicant',
      data: { documentId: doc.id, docType: doc.docType, filename: `${doc.docType}.pdf` },
    });
  }
  sequence.push(...milestones.slice(uploadsAfter));

  // The hash chain: timestamps strictly increasing from creation to (at most) an hour ago.
  const span = ctx.now.getTime() - 3_600_000 - createdAt.getTime();
  const stepMs = Math.floor((closed ? span * 0.7 : span) / sequence.length);
  let prevHash: string | null = null;
  const eventDates = new Map<string, Date>();
  const applicantUser = ctx.demoUserOf.get(spec.applicantOrgId) ?? null;
  const caseWorker = ctx.demoUserOf.get(spec.tenantId) ?? null;
  let at = createdAt;
  for (const [index, event] of sequence.entries()) {
    at = new Date(createdAt.getTime() + index * stepMs + random.int(0, Math.floor(stepMs / 2)));
    const actorId =
      event.role === 'applicant' ? applicantUser : event.role === 'case_worker' ? caseWorker : null;
    const content = {
      procedureId: id,
      seq: index + 1,
      at,
      actorId,
      actorRole: event.role,
      type: event.type,
      data: event.data,
      prevHash,
    };
    const hash = hashAuditEvent(content);
    out.events.push(
      id,
      index + 1,
      spec.tenantId,
      at.toISOString(),
      actorId,
      event.role,
      event.type,
      JSON.stringify(event.data),
      prevHash,
      hash,
    );
    if (!eventDates.has(event.type)) eventDates.set(event.type, at);
    prevHash = hash;
  }
  const lastAt = at;

  // Deadlines: running ones end around today (some overdue), settled ones in the past.
  const deadline = (key: string, instance: string | null, status: DeadlineStatus) => {
    const def = type.deadlines.find((d) => d.key === key);
    if (!def) throw new Error(`${type.key} ${type.version} kennt die Frist ${key} nicht`);
    const end =
      status === 'running'
        ? addDays(today, key === 'decision' ? random.int(-20, 150) : random.int(-12, 35))
        : addDays(today, -random.int(1, 400));
    const length = key === 'decision' ? (typeKey === 'bimschg-formal' ? 210 : 92) : 30;
    const start = addDays(end, -length);
    const startLabel = def.start.kind === 'event' ? def.start.label : 'Beginn nach Regel';
    out.deadlines.push(
      id,
      instance === null ? key : `${key}#${instance}`,
      spec.tenantId,
      def.label,
      start,
      end,
      status,
      def.responsible,
      def.effectOnExpiry,
      `Fristbeginn ${start} (${startLabel}); Dauer ${length} Tage; Fristende ${end}.`,
      JSON.stringify(def.citations),
    );
    return end;
  };
  const settled = (stillRunning: boolean): DeadlineStatus =>
    stillRunning ? (closed ? 'cancelled' : 'running') : 'met';
  if (reached.has('application-submitted')) {
    deadline('completeness-check', null, settled(!reached.has('completeness-confirmed')));
  }
  for (const request of requests) {
    deadline('document-submission', request.id, settled(request.answeredAt === null));
  }
  for (const agency of asked) {
    const status: DeadlineStatus =
      agency.answer === 'pending'
        ? settled(true)
        : agency.answer === 'statement'
          ? 'met'
          : 'expired';
    const due = deadline('agency-statement', agency.agency, status);
    const askedAt = eventDates.get('agencies-asked') ?? lastAt;
    const answered = agency.answer !== 'pending';
    out.agencies.push(
      id,
      agency.agency,
      spec.tenantId,
      askedAt.toISOString(),
      due,
      agency.answer === 'pending'
        ? 'asked'
        : agency.answer === 'statement'
          ? 'answered'
          : 'no-comment',
      agency.answer === 'statement' ? 'Keine Bedenken unter Nebenbestimmungen.' : null,
      answered ? lastAt.toISOString() : null,
      answered && agency.answer === 'statement'
        ? (ctx.demoUserOf.get(agency.agency) ?? null)
        : null,
    );
  }
  if (reached.has('completeness-confirmed')) {
    deadline('decision', null, settled(!reached.has('decision-issued')));
  }

  // Documents: the uploads named by the audit events, plus the required set once submitted.
  const docTypes = reached.has('application-submitted')
    ? WIND_REQUIRED_DOCUMENTS.map((d) => d.key)
    : [];
  const documents = [
    ...documentIds.slice(0, 8),
    ...docTypes.map((docType) => ({ id: randomUUID(), docType })),
  ];
  for (const doc of documents) {
    out.documents.push(
      doc.id,
      id,
      spec.tenantId,
      doc.docType,
      `${doc.docType}.pdf`,
      'application/pdf',
      createHash('sha256').update(doc.id).digest('hex'),
      random.int(80_000, 24_000_000),
      doc.docType === 'trade-secrets',
      applicantUser,
      new Date(createdAt.getTime() + random.int(0, Math.max(1, span / 2))).toISOString(),
    );
  }

  // The engine state for the step: initial state of the type version plus the recorded facts.
  const dateOf = (event: string) => {
    const date = eventDates.get(event);
    return date ? isoDateOf(date) : null;
  };
  const decided = dateOf('decision-issued');
  const closureKind = CLOSURE_KINDS.find((kind) => kind === step);
  const closure =
    closureKind !== undefined
      ? {
          kind: closureKind,
          at: isoDateOf(lastAt),
          reasons: 'Begründung siehe Akte.',
        }
      : null;
  const state: ProcedureState = {
    ...initialState(type),
    step,
    lastActionAt: milestones.length > 0 ? isoDateOf(lastAt) : null,
    facts: Object.fromEntries(type.facts.map((fact) => [fact.key, random.chance(0.3)] as const)),
    submittedAt: dateOf('application-submitted'),
    documentRequests: requests,
    completeness: reached.has('completeness-confirmed')
      ? {
          date: dateOf('completeness-confirmed')!,
          timetable: 'Entscheidung voraussichtlich in 3 Monaten.',
        }
      : null,
    agencies: asked,
    decision: decided
      ? {
          outcome: 'granted',
          conditions: ['Abschaltzeiten zum Fledermausschutz'],
          reasons: 'Die Genehmigungsvoraussetzungen nach § 6 BImSchG liegen vor.',
          decidedAt: decided,
          deliveredAt: dateOf('decision-delivered'),
        }
      : null,
    closure,
  };
  out.procedures.push(
    id,
    spec.tenantId,
    spec.applicantOrgId,
    spec.reference,
    data.title,
    type.key,
    type.version,
    step,
    JSON.stringify(state),
    sequence.length,
    prevHash,
    createdAt.toISOString(),
    lastAt.toISOString(),
    JSON.stringify(data),
    eventDates.get('application-submitted')?.toISOString() ?? null,
    closed ? lastAt.toISOString() : null,
  );
  return { id, open: !closed };
}
