import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { Deps } from '../../platform/server.ts';
import { loadAuthorityProfile } from '../../procedures/authority/authority.queries.ts';
import { loadCasework } from '../../procedures/casework.queries.ts';
import { letterRoles } from '../../procedures/letters/letter.access.ts';
import type { LetterBuilders } from '../../procedures/letters/letter.builder.ts';
import { findProcedureHead } from '../../procedures/letters/letter.queries.ts';
import { loadLettersView } from '../../procedures/letters/letter.routes.tsx';
import { FundingCasePage } from './grant.case.views.tsx';
import type { FormInput } from './grant.form.ts';
import { loadFundingCaseView } from './grant.view-model.ts';

export interface FundingCaseExtra {
  message?: string;
  errors?: FieldError[];
  failed?: { action: string; values: Record<string, string> };
  applicationInput?: FormInput;
  /** The internal casework form's values as typed, after a refused save. */
  caseworkValues?: Record<string, string>;
}

/**
 * The funding case page for the viewer; the internal work (assignment, follow-ups, notes) is
 * loaded only for the funding body's case workers.
 */
export async function renderFundingCase(
  deps: Deps,
  builders: LetterBuilders,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: FundingCaseExtra,
  status = 200,
) {
  const view = await loadFundingCaseView(deps, request.actor, id);
  const head = await findProcedureHead(deps.db, view.row.id);
  const letters =
    head && letterRoles(request.actor, head).length > 0
      ? await loadLettersView(
          { ...deps, builders, loadProfile: loadAuthorityProfile },
          request.actor,
          view.row.id,
        )
      : undefined;
  const casework = view.roles.includes('case_worker')
    ? await loadCasework(deps.db, view.row.id, view.row.tenantId)
    : undefined;
  return sendPage(
    reply,
    <FundingCasePage
      ctx={pageContext(request, reply)}
      view={view}
      letters={letters}
      casework={casework}
      {...extra}
    />,
    status,
  );
}
