import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Deps } from '../../platform/server.ts';
import { appendAuditEvent } from '../audit.queries.ts';
import { FROZEN_MESSAGE, requireLetterRole, type LetterRole } from './letter.access.ts';
import type { LetterBuilders, LetterBuildContext } from './letter.builder.ts';
import { LETTER_KIND_LABELS } from './letter.kinds.ts';
import type { LoadProfile } from './letter.profile.ts';
import {
  findLetter,
  findProcedureHead,
  isFreezeViolation,
  isLetterUniqueViolation,
  loadTemplates,
  type LetterRow,
  type ProcedureHead,
} from './letter.queries.ts';
import type { LetterKind } from './letter.types.ts';

/** What every letter use case shares: its dependencies, the locked transaction, audit and building. */
export interface LetterDeps extends Pick<Deps, 'db' | 'clock' | 'store' | 'config'> {
  builders: LetterBuilders;
  loadProfile: LoadProfile;
}

export type Trx = Transaction<Database>;
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function berlinToday(now: Date): string {
  return BERLIN_DAY.format(now);
}

function userId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor.userId;
}

const AUDIT_ROLE: Record<LetterRole, string> = {
  drafter: 'case_worker',
  signer: 'supervisor',
  applicant: 'applicant',
};

export interface Work {
  trx: Trx;
  head: ProcedureHead;
  role: LetterRole;
  actorId: string;
  now: Date;
}

/**
 * Runs `work` in one transaction with the procedure row locked (writers of its chain serialise),
 * after the actor's role was checked. The database's own refusals become German conflicts.
 */
export async function inProcedure<T>(
  deps: LetterDeps,
  actor: Actor,
  procedureId: string,
  allowed: readonly LetterRole[],
  work: (w: Work) => Promise<T>,
  forbidden?: string,
): Promise<T> {
  const actorId = userId(actor);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const head = await findProcedureHead(trx, procedureId, true);
      const role = requireLetterRole(actor, head, allowed, forbidden);
      return work({ trx, head: head!, role, actorId, now: deps.clock.now() });
    });
  } catch (error) {
    if (isFreezeViolation(error)) throw new AppError('conflict', FROZEN_MESSAGE);
    if (isLetterUniqueViolation(error))
      throw new AppError(
        'conflict',
        'Das Schreiben wurde zur selben Zeit von jemand anderem geändert. Bitte laden Sie die Seite neu.',
      );
    throw error;
  }
}

export async function letterOf(w: Work, letterId: string): Promise<LetterRow> {
  const letter = await findLetter(w.trx, w.head.id, letterId);
  if (!letter) throw new AppError('not_found', 'Dieses Schreiben gibt es nicht.');
  return letter;
}

export function requireOpen(letter: LetterRow): void {
  if (letter.status === 'draft' || letter.status === 'in-review') return;
  throw new AppError('conflict', FROZEN_MESSAGE);
}

export async function audit(w: Work, type: string, data: Record<string, unknown>): Promise<void> {
  await appendAuditEvent(w.trx, {
    procedureId: w.head.id,
    tenantId: w.head.tenantId,
    at: w.now,
    actorId: w.actorId,
    actorRole: AUDIT_ROLE[w.role],
    type,
    data,
  });
}

export async function buildContext(deps: LetterDeps, w: Work): Promise<LetterBuildContext> {
  const [profile, templates] = await Promise.all([
    deps.loadProfile(w.trx, w.head.tenantId),
    loadTemplates(w.trx, w.head.tenantId),
  ]);
  return {
    db: w.trx,
    procedureId: w.head.id,
    tenantId: w.head.tenantId,
    profile,
    templates,
    now: w.now,
  };
}

export async function buildContent(deps: LetterDeps, w: Work, kind: LetterKind) {
  const builder = deps.builders[w.head.typeKey];
  if (!builder)
    throw new AppError('conflict', 'Für diese Verfahrensart sind keine Schreiben vorgesehen.');
  const ctx = await buildContext(deps, w);
  const kinds = await builder.availableKinds(ctx);
  if (!kinds.includes(kind))
    throw new AppError(
      'conflict',
      `„${LETTER_KIND_LABELS[kind]}“ ist im jetzigen Stand des Verfahrens nicht vorgesehen.`,
    );
  const content = await builder.build(kind, ctx);
  if (content.kind !== kind) throw new Error(`Builder lieferte ${content.kind} statt ${kind}`);
  return content;
}

export function letterLink(deps: Pick<Deps, 'config'>, procedureId: string, letterId: string) {
  return `${deps.config.publicUrl}verfahren/${procedureId}/schreiben/${letterId}`;
}
