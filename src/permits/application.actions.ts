import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { appendAuditEvent } from '../procedures/audit.queries.ts';
import { initialState, reclassifyDraft } from '../procedures/engine/index.ts';
import { parseApplication, type ApplicationData } from './application.ts';
import { classifyApplication } from './application.classify.ts';
import { competenceProblem } from './application.competence.ts';
import { organisationsWithRole, requireProcedureRole } from '../procedures/case/case-roles.ts';
import { findProcedure } from './permit.queries.ts';
import { berlinDate, partiesOf } from '../procedures/case/case.queries.ts';
import { currentType, procedureType, type PermitDeps } from './permit.types.ts';

function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * The procedure type a draft shows: what the law gives for the turbines entered so far (the same
 * classification as on submission, §§ 10, 19 BImSchG), else what the applicant asked for. The
 * submission classifies again; this only keeps the draft from naming the wrong procedure.
 */
async function draftTypeKey(
  db: PermitDeps['db'],
  data: ApplicationData,
  today: string,
): Promise<'bimschg-formal' | 'bimschg-simplified'> {
  const wish = data.permitWish === 'formal' ? 'bimschg-formal' : 'bimschg-simplified';
  const complete = data.turbines.filter((t) => Number.isFinite(t.totalHeightM));
  if (complete.length === 0 || complete.length !== data.turbines.length) return wish;
  try {
    return (await classifyApplication(db, data, today)).typeKey;
  } catch (error) {
    // Turbines of at most 50 m need no BImSchG permit; submission says so, the draft keeps the wish.
    if (error instanceof AppError) return wish;
    throw error;
  }
}

/** A new draft application of the applicant's organisation, addressed to one authority. */
export async function createApplication(options: {
  deps: PermitDeps;
  actor: Actor;
  body: Record<string, unknown>;
}): Promise<string> {
  const { deps, actor, body } = options;
  const applicantOrgs = organisationsWithRole(actor, 'applicant');
  if (applicantOrgs.length === 0) {
    throw new AppError('forbidden', 'Nur Antragstellende können einen Antrag anlegen.');
  }
  const { data, errors } = parseApplication(body);
  const authorityId = typeof body.authorityId === 'string' ? body.authorityId : '';
  const authority = /^[0-9a-f-]{36}$/i.test(authorityId)
    ? await deps.db
        .selectFrom('organisations')
        .select(['id', 'competence_area'])
        .where('id', '=', authorityId)
        .where('kind', '=', 'authority')
        .executeTakeFirst()
    : undefined;
  if (!authority)
    errors.unshift({
      field: 'authorityId',
      message: 'Bitte wählen Sie die zuständige Genehmigungsbehörde.',
    });
  // The application goes to the authority competent for the site (ZustVU NRW), checked once the
  // site is known; a wrong choice is named with the competent one.
  const competence = authority ? await competenceProblem(deps.db, data, authority) : undefined;
  if (competence) errors.unshift(competence);
  if (errors.length > 0)
    throw new AppError('validation', 'Der Antrag enthält fehlerhafte Angaben.', errors);
  const now = deps.clock.now();
  const type = currentType(await draftTypeKey(deps.db, data, berlinDate(now)), berlinDate(now));
  return deps.db.transaction().execute(async (trx) => {
    // A draft has no Aktenzeichen: the authority gives one at submission (commitAction), so
    // abandoned drafts use up no numbers and the authority's numbering has no gaps from them.
    const row = await trx
      .insertInto('procedures')
      .values({
        tenant_id: authority!.id,
        applicant_org_id: applicantOrgs[0]!,
        reference: null,
        title: data.title,
        type_key: type.key,
        type_version: type.version,
        step: type.initialStep,
        state: JSON.stringify(initialState(type)),
        application: JSON.stringify(data),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: authority!.id,
      at: now,
      actorId: actorId(actor),
      actorRole: 'applicant',
      type: 'application-created',
      data: { title: data.title },
    });
    return row.id;
  });
}

/** Saves the draft; format errors refuse the save, gaps are allowed until submission. */
export async function saveApplication(options: {
  deps: PermitDeps;
  actor: Actor;
  procedureId: string;
  body: Record<string, unknown>;
  expectedVersion?: number;
}): Promise<void> {
  const { deps, actor, procedureId, body } = options;
  const { data, errors } = parseApplication(body);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findProcedure(trx, procedureId, { lock: true });
    if (!row)
      throw new AppError(
        'not_found',
        'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
      );
    requireProcedureRole(actor, partiesOf(row), ['applicant']);
    if (row.step !== 'draft')
      throw new AppError(
        'conflict',
        'Der Antrag ist eingereicht und kann nicht mehr geändert werden.',
      );
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.eventCount) {
      throw new AppError(
        'conflict',
        'Der Antrag wurde inzwischen an anderer Stelle geändert. Bitte laden Sie die Seite neu; Ihre Eingaben wurden nicht gespeichert.',
      );
    }
    if (errors.length > 0)
      throw new AppError('validation', 'Der Antrag enthält fehlerhafte Angaben.', errors);
    const today = berlinDate(deps.clock.now());
    const from = procedureType(row.typeKey, row.typeVersion);
    const to = currentType(await draftTypeKey(trx, data, today), today);
    const moved = to === from ? undefined : reclassifyDraft(from, row.state, to);
    await trx
      .updateTable('procedures')
      .set({
        application: JSON.stringify(data),
        title: data.title,
        ...(moved?.ok
          ? { type_key: to.key, type_version: to.version, state: JSON.stringify(moved.state) }
          : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: deps.clock.now(),
      actorId: actorId(actor),
      actorRole: 'applicant',
      type: 'application-saved',
      data: { title: data.title, turbines: data.turbines.length },
    });
  });
}
