import { Type } from '@sinclair/typebox';
import type { VNode } from 'preact';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { loadCaseForWork } from './work.access.ts';
import { failStaleJobs, findWorkJob, listWorkJobs } from './work.queries.ts';
import type { WorkKinds } from './work.types.ts';
import { WorkListPage, WorkStatusPage } from './work.views.tsx';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const JobParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  jobId: Type.String({ format: 'uuid' }),
});
const StatusQuery = Type.Object({
  automatisch: Type.Optional(Type.Literal('ein')),
  laeuft: Type.Optional(Type.Literal('bereits')),
});

export type StartForms = (input: {
  procedureId: string;
  csrfToken: string;
  errors?: FieldError[];
  values?: Record<string, string>;
}) => VNode | null;

export interface WorkRouteOptions {
  kinds: WorkKinds;
  /** Forms that start work on a procedure, shown above its list of jobs. */
  startForms?: StartForms;
}

const NO_JOB = 'Diesen Auftrag gibt es in diesem Verfahren nicht.';

/**
 * Status pages of background work: one per job (progress, time left, result) and the list of a
 * procedure's jobs; the result file of an export. Case workers of the authority only.
 */
export function registerWorkRoutes(app: App, deps: Deps, options: WorkRouteOptions): void {
  const { kinds } = options;

  app.get(
    '/verfahren/:id/auftraege',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await loadCaseForWork(deps.db, request.actor, request.params.id);
      await failStaleJobs(deps.db, deps.clock.now(), { procedureId: procedure.id });
      const jobs = await listWorkJobs(deps.db, procedure.id);
      const ctx = pageContext(request, reply);
      return sendPage(
        reply,
        <WorkListPage
          ctx={ctx}
          procedure={procedure}
          jobs={jobs}
          kinds={kinds}
          startForms={options.startForms?.({ procedureId: procedure.id, csrfToken: ctx.csrfToken })}
        />,
      );
    },
  );

  app.get(
    '/verfahren/:id/auftraege/:jobId',
    {
      config: { access: 'procedures:use' },
      schema: { params: JobParams, querystring: StatusQuery },
    },
    async (request, reply) => {
      const procedure = await loadCaseForWork(deps.db, request.actor, request.params.id);
      const now = deps.clock.now();
      await failStaleJobs(deps.db, now, { procedureId: procedure.id });
      const job = await findWorkJob(deps.db, procedure.id, request.params.jobId);
      if (!job) throw new AppError('not_found', NO_JOB);
      const kind = kinds[job.kind];
      // The page changes with every reload while the job runs.
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <WorkStatusPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          job={job}
          kind={kind}
          notice={job.state === 'done' ? kind?.doneNotice(job) : undefined}
          now={now}
          autoRefresh={request.query.automatisch === 'ein'}
          alreadyRunning={request.query.laeuft === 'bereits'}
        />,
      );
    },
  );

  app.get(
    '/verfahren/:id/auftraege/:jobId/datei',
    { config: { access: 'procedures:use' }, schema: { params: JobParams } },
    async (request, reply) => {
      const procedure = await loadCaseForWork(deps.db, request.actor, request.params.id);
      const job = await findWorkJob(deps.db, procedure.id, request.params.jobId);
      if (!job) throw new AppError('not_found', NO_JOB);
      if (job.state !== 'done' || !job.file)
        throw new AppError(
          'not_found',
          job.state === 'done'
            ? 'Dieser Auftrag hat keine Datei erzeugt.'
            : 'Die Datei gibt es erst, wenn der Auftrag fertig ist.',
        );
      if (!deps.store.has(job.file.sha256))
        throw new AppError(
          'not_found',
          'Die Datei dieses Auftrags ist nicht mehr gespeichert. Bitte erstellen Sie sie neu.',
        );
      return (
        reply
          // Exports hold personal data: never in a shared cache or the browser's cache.
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${job.file.name}"`)
          .header('content-length', String(job.file.size))
          .type(job.file.type)
          .send(deps.store.open(job.file.sha256))
      );
    },
  );
}
