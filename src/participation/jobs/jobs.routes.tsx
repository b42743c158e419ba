import { Type } from '@sinclair/typebox';
import type { FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { requestWork } from '../../procedures/background/work.actions.ts';
import { loadCaseForWork } from '../../procedures/background/work.access.ts';
import { listWorkJobs } from '../../procedures/background/work.queries.ts';
import { WorkListPage, workPath } from '../../procedures/background/work.views.tsx';
import { EXPORT_KINDS, type ExportKind } from '../export/export.files.ts';
import { exportJobKind } from './export.job.ts';
import { PARTICIPATION_WORK_KINDS } from './participation.work-kinds.ts';
import { REDACTION_PROPOSALS_JOB } from './redaction-proposals.job.ts';
import { exportJobPath, ParticipationStartForms, proposalsJobPath } from './start-forms.views.tsx';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.Unknown());

/** Where a start request goes: the job's status page, saying so if it was already running. */
export function statusPageOf(procedureId: string, started: { jobId: string; existing: boolean }) {
  return `${workPath(procedureId, started.jobId)}${started.existing ? '?laeuft=bereits' : ''}`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Starting participation work in the background: redaction proposals for all objections and the
 * exports of large procedures. Each answers at once with 303 to the job's status page.
 */
export function registerParticipationJobRoutes(app: App, deps: Deps): void {
  app.post(
    '/verfahren/:id/einwendungen/schwaerzungsvorschlaege',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      // A draft is the applicant's: the authority has no objections to work on (404).
      const procedure = await loadCaseForWork(deps.db, request.actor, request.params.id);
      const started = await requestWork({
        db: deps.db,
        clock: deps.clock,
        procedure,
        kind: REDACTION_PROPOSALS_JOB,
        requestedBy: procedure.userId,
      });
      return reply.redirect(statusPageOf(procedure.id, started), 303);
    },
  );

  app.post(
    '/verfahren/:id/export/auftrag',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const procedure = await loadCaseForWork(deps.db, request.actor, request.params.id);
      const art = text(request.body.art);
      const personal = text(request.body.personenbezogen) === '1';
      if (!EXPORT_KINDS.includes(art as ExportKind)) {
        const message = 'Wählen Sie, welche Datei erstellt werden soll (CSV, Excel oder ZIP).';
        const errors: FieldError[] = [{ field: 'art', message }];
        const ctx = pageContext(request, reply);
        return sendPage(
          reply,
          <WorkListPage
            ctx={ctx}
            procedure={procedure}
            jobs={await listWorkJobs(deps.db, procedure.id)}
            kinds={PARTICIPATION_WORK_KINDS}
            errors={errors}
            startForms={
              <ParticipationStartForms
                procedureId={procedure.id}
                csrfToken={ctx.csrfToken}
                errors={errors}
                values={{ art, personenbezogen: personal ? '1' : '' }}
              />
            }
          />,
          400,
        );
      }
      const started = await requestWork({
        db: deps.db,
        clock: deps.clock,
        procedure,
        kind: exportJobKind(art as ExportKind),
        params: { personal },
        requestedBy: procedure.userId,
      });
      return reply.redirect(statusPageOf(procedure.id, started), 303);
    },
  );
}

export { exportJobPath, proposalsJobPath };
