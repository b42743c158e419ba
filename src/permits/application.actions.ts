import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { appendAuditEvent } from '../procedures/audit.queries.ts';
import { initialState } from '../procedures/engine/index.ts';
import { parseApplication } from './application.ts';
import { organisationsWithRole, requireProcedureRole } from './procedure-access.ts';
import { berlinDate, findProcedure, partiesOf } from './permit.queries.ts';
import { currentType, type PermitDeps } from './permit.types.ts';

function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
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
        .select(['id'])
        .where('id', '=', authorityId)
        .where('kind', '=', 'authority')
        .executeTakeFirst()
    : undefined;
  if (!authority)
    errors.unshift({
      field: 'authorityId',
      message: 'Bitte wählen Sie die zuständige Genehmigungsbehörde.',
    });
  if (errors.length > 0)
    throw new AppError('validation', 'Der Antrag enthält fehlerhafte Angaben.', errors);
  const now = deps.clock.now();
  const type = currentType('bimschg-simplified', berlinDate(now));
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
    await trx
      .updateTable('procedures')
      .set({ application: JSON.stringify(data), title: data.title })
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
