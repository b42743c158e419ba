/** Everything the objection page shows, loaded for a case worker of the authority. */
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { listConcerns, objectionConcernLinks } from '../catalogue/catalogue.queries.ts';
import { concernSuggestions, prepareCatalogue } from '../catalogue/catalogue.rules.ts';
import type { ParticipationDeps } from '../participation.types.ts';
import { applyRedaction, type RedactionSpan } from '../redaction/index.ts';
import {
  spanValue,
  type ConcernChoice,
  type ObjectionView,
  type SpanChoice,
} from './objection.views.tsx';
import { applicantView, proposeRedaction } from './redaction.actions.ts';
import { findObjection } from './review.queries.ts';
import { requireCaseWorker } from './staff-access.ts';

/** What the case worker sent, to show again after an error (values kept). */
export interface SubmittedChoices {
  readonly spans?: readonly string[];
  readonly concernIds?: readonly string[];
  readonly applyToGroup?: boolean;
  readonly extraTerms?: string;
  readonly extraKind?: string;
}

function spanChoices(
  proposals: readonly RedactionSpan[],
  stored: readonly RedactionSpan[] | null,
  submitted: readonly string[] | undefined,
): SpanChoice[] {
  const all = new Map<string, RedactionSpan>();
  for (const span of [...(stored ?? []), ...proposals]) all.set(spanValue(span), span);
  const storedKeys = new Set((stored ?? []).map(spanValue));
  const submittedKeys = submitted === undefined ? undefined : new Set(submitted);
  return [...all.entries()]
    .sort(([, a], [, b]) => a.start - b.start || a.end - b.end)
    .map(([key, span]) => ({
      span,
      // Proposals start checked: blacking out too much is the safe mistake.
      checked: submittedKeys?.has(key) ?? (stored === null ? true : storedKeys.has(key)),
    }));
}

export async function loadObjectionView(
  deps: ParticipationDeps,
  actor: Actor,
  procedureId: string,
  objectionId: string,
  submitted: SubmittedChoices = {},
): Promise<ObjectionView> {
  const procedure = await requireCaseWorker(deps.db, actor, procedureId);
  const objection = await findObjection(deps.db, procedure.id, objectionId);
  if (!objection) throw new AppError('not_found', 'Diese Einwendung gibt es nicht.');
  const confirmed = objection.redactionConfirmedAt !== null;
  const spans = spanChoices(
    proposeRedaction(objection),
    confirmed ? objection.redactionSpans : null,
    submitted.spans,
  );
  const publishedPreview =
    confirmed && submitted.spans === undefined && objection.redactedBody !== null
      ? objection.redactedBody
      : applyRedaction(
          objection.body,
          spans.filter((s) => s.checked).map((s) => s.span),
        );
  const [concerns, links] = await Promise.all([
    listConcerns(deps.db, procedure.id),
    objectionConcernLinks(deps.db, objection.id),
  ]);
  const live = new Map(
    concernSuggestions(objection.body, prepareCatalogue(concerns)).map((s) => [s.concernId, s]),
  );
  const reviewed = links.some((l) => l.source === 'confirmed');
  const submittedIds = submitted.concernIds ? new Set(submitted.concernIds) : undefined;
  const choices: ConcernChoice[] = concerns.map((c) => {
    const link = links.find((l) => l.concernId === c.id);
    const suggested = link?.source === 'suggested' || live.has(c.id);
    const isConfirmed = link?.source === 'confirmed';
    return {
      id: c.id,
      label: c.label,
      description: c.description,
      confirmed: isConfirmed,
      suggested,
      evidence: live.get(c.id)?.evidence ?? [],
      checked: submittedIds?.has(c.id) ?? (reviewed ? isConfirmed : suggested),
    };
  });
  return {
    procedure: { id: procedure.id, reference: procedure.reference, title: procedure.title },
    objection,
    spans,
    publishedPreview,
    // As the applicant would receive it once the redaction shown is confirmed.
    applicantPreview: applicantView({
      ...objection,
      redactedBody: publishedPreview,
      redactionConfirmedAt: objection.redactionConfirmedAt ?? deps.clock.now(),
    }),
    concerns: choices,
    applyToGroup: submitted.applyToGroup ?? false,
    extraTerms: submitted.extraTerms ?? '',
    extraKind: submitted.extraKind ?? 'name',
  };
}
