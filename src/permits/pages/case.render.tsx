import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { Deps } from '../../platform/server.ts';
import { loadCasework } from '../../procedures/casework.queries.ts';
import { loadAuthorityProfile } from '../../procedures/authority/authority.queries.ts';
import { letterRoles } from '../../procedures/letters/letter.access.ts';
import { findProcedureHead } from '../../procedures/letters/letter.queries.ts';
import { loadLettersView } from '../../procedures/letters/letter.routes.tsx';
import { PERMIT_LETTER_BUILDERS } from '../letters/letter-builder.ts';
import { loadCaseView } from '../procedure.view-model.ts';
import { CasePage } from './case.views.tsx';

export interface CasePageExtra {
  errors?: FieldError[];
  message?: string;
  values?: Record<string, string>;
  rows?: number;
  /** The application form's values as typed, after a refused save. */
  applicationInput?: Record<string, string>;
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
  // The letters of the case for those who draft, sign or receive them (the applicant only
  // delivered ones).
  const head = await findProcedureHead(deps.db, view.row.id);
  const letters =
    head && letterRoles(request.actor, head).length > 0
      ? await loadLettersView(
          { ...deps, builders: PERMIT_LETTER_BUILDERS, loadProfile: loadAuthorityProfile },
          request.actor,
          view.row.id,
        )
      : undefined;
  return sendPage(
    reply,
    <CasePage
      ctx={pageContext(request, reply)}
      view={view}
      casework={casework}
      letters={letters}
      {...extra}
    />,
    status,
  );
}
