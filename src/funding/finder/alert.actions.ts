import type { Db } from '../../db/database.ts';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { FinderInputError } from './finder.errors.ts';
import { answersFromForm, FORM_FIELD_OF_PATH, formFromQuery } from './finder.form.ts';
import { alertMatches } from './alert.matches.ts';
import { runFinder } from './finder.service.ts';
import type { FinderEntry } from './finder.types.ts';
import { deleteFundingAlert, insertFundingAlert } from './alert.queries.ts';

/** The companies whose alerts the actor keeps: those where they are an applicant. */
export function alertCompanies(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter((m) => m.role === 'applicant' && m.organisationKind === 'company')
    .map((m) => m.organisationId);
}

const MAX_ALERTS_PER_COMPANY = 50;

/**
 * Saves the finder's answers and filters as an alert of the actor's company. The answers are
 * checked by running the finder once: an alert that could never run is refused by field.
 */
export async function saveFundingAlert(options: {
  db: Db;
  actor: Actor;
  query: string;
  label: string;
  today: string;
  catalogue: readonly FundingProgrammeVersion[];
}): Promise<string> {
  const [tenantId] = alertCompanies(options.actor);
  if (!tenantId || options.actor.kind !== 'user') {
    throw new AppError('forbidden', 'Benachrichtigungen gibt es für registrierte Unternehmen.');
  }
  const query = Object.fromEntries(new URLSearchParams(options.query.slice(0, 4000)));
  const parsed = answersFromForm(formFromQuery(query));
  const refuse = (errors: FieldError[]) =>
    new AppError(
      'validation',
      `Die Suche kann nicht gespeichert werden: ${errors.map((e) => e.message).join(' ')}`,
      [{ field: 'label', message: errors.map((e) => e.message).join(' ') }],
    );
  if (!parsed.answers) throw refuse(parsed.errors);
  let seen: FinderEntry[];
  try {
    seen = runFinder({
      ...parsed.answers,
      date: options.today,
      catalogue: options.catalogue,
    }).entries;
  } catch (error) {
    if (error instanceof FinderInputError) {
      throw refuse([{ field: FORM_FIELD_OF_PATH[error.field] ?? 'label', message: error.message }]);
    }
    throw error;
  }
  const label = options.label.trim();
  if (label.length > 120) {
    const message = 'Die Bezeichnung darf höchstens 120 Zeichen lang sein.';
    throw new AppError('validation', message, [{ field: 'label', message }]);
  }
  const count = await options.db
    .selectFrom('funding_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ALERTS_PER_COMPANY) {
    throw new AppError(
      'conflict',
      `Ihr Unternehmen hat bereits ${MAX_ALERTS_PER_COMPANY} Benachrichtigungen; bitte löschen Sie zuerst eine.`,
    );
  }
  return insertFundingAlert(options.db, {
    tenantId,
    userId: options.actor.userId,
    label:
      label || `Suche vom ${new Date(`${options.today}T12:00:00Z`).toLocaleDateString('de-DE')}`,
    answers: parsed.answers.answers,
    filters: parsed.answers.filters,
    // What the company saw on the results page when it saved the search is not news: the alert
    // mails only programme versions that match later.
    known: alertMatches(seen),
  });
}

/** Deletes an alert of the actor's company; another company's alert is "not found" (404). */
export async function removeFundingAlert(options: {
  db: Db;
  actor: Actor;
  alertId: string;
}): Promise<void> {
  const deleted = await deleteFundingAlert(
    options.db,
    alertCompanies(options.actor),
    options.alertId,
  );
  if (!deleted) throw new AppError('not_found', 'Diese Benachrichtigung gibt es nicht.');
}
