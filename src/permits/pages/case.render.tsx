import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { Deps } from '../../platform/server.ts';
import { loadCasework } from '../../procedures/casework.queries.ts';
import { loadCaseView } from '../procedure.view-model.ts';
import { CasePage } from './case.views.tsx';

export interface CasePageExtra {
  errors?: FieldError[];
  message?: string;
  values?: Record<string, string>;
  rows?: number;
}

/**
 * The case page for the viewer; the internal work (assignment, follow-ups, notes) is loaded only
 * for case workers of the procedure's authority, so it can never reach anybody else's page.
 */
export async function renderCase(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: CasePageExtra,
  status = 200,
) {
  const view = await loadCaseView(deps, request.actor, id);
  const casework = view.roles.includes('case_worker')
    ? await loadCasework(deps.db, view.row.id, view.row.tenantId)
    : undefined;
  return sendPage(
    reply,
    <CasePage ctx={pageContext(request, reply)} view={view} casework={casework} {...extra} />,
    status,
  );
}
