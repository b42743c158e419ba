import type { StepDef } from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';

/** Steps up to the agency involvement, and the terminal steps both procedures share. */
export const sharedSteps = {
  draft: {
    key: 'draft',
    label: 'Entwurf',
    kind: 'initial',
    citations: [cite.application, cite.applicationContent],
  },
  submitted: { key: 'submitted', label: 'Eingegangen', kind: 'active', citations: [cite.receipt] },
  completenessCheck: {
    key: 'completeness-check',
    label: 'Prüfung der Vollständigkeit',
    kind: 'active',
    citations: [cite.completenessCheck, cite.redCompleteness],
  },
  agencyInvolvement: {
    key: 'agency-involvement',
    label: 'Beteiligung der Behörden',
    kind: 'active',
    citations: [cite.agencyInvolvement, cite.agencyStatement],
  },
  withdrawn: {
    key: 'withdrawn',
    label: 'Antrag zurückgenommen',
    kind: 'terminal',
    citations: [cite.withdrawal],
  },
  rejected: {
    key: 'rejected',
    label: 'Abgelehnt wegen unvollständiger Unterlagen',
    kind: 'terminal',
    citations: [cite.missingDocumentsRejection],
  },
} as const satisfies Record<string, StepDef>;

/** Keys of the steps that are not terminal, for "possible in every open step" transitions. */
export function openSteps(steps: readonly StepDef[]): string[] {
  return steps.filter((step) => step.kind !== 'terminal').map((step) => step.key);
}
