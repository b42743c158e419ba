import type { FieldError } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/layout.tsx';
import type { Casework } from '../../procedures/casework.queries.ts';
import type { LettersView } from '../../procedures/letters/letter.views.tsx';
import type { CaseView } from '../procedure.view-model.ts';

/** What the case page of a permit procedure is rendered from. */
export interface CasePageProps {
  ctx: PageContext;
  view: CaseView;
  /** Internal work of the authority: only ever given for its case workers. */
  casework?: Casework;
  /** The case's letters as the viewer may see them (authority staff and the applicant). */
  letters?: LettersView;
  errors?: FieldError[];
  message?: string;
  values?: Record<string, string>;
  rows?: number;
  /** The application form's values as typed, after a refused save. */
  applicationInput?: Record<string, string>;
}
