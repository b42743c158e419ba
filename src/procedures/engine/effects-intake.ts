/**
 * Effects from submission to the completeness confirmation (§§ 6, 7 9. BImSchV).
 */
import { computeDeadline, DeadlineInputError, parseDuration } from '../../law/index.ts';
import type { IsoDate } from '../../law/index.ts';
import { laterOf } from './dates.ts';
import { consentEventData, consentOf, requestedConsents } from './effects-consent.ts';
import { prepared, rejected } from './effect-types.ts';
import type { EffectContext, Prepared } from './effect-types.ts';
import { booleanRecord, isoDateField, optionalText, requiredText, textList } from './input.ts';
import { openDocumentRequests } from './state.ts';
import type { AgencyInvolvement } from './state.ts';

export function submitApplication({ type, state, at, input }: EffectContext): Prepared {
  const facts = booleanRecord(input, 'facts');
  if (!facts.ok) return rejected(facts.message);
  const unknown = Object.keys(facts.value).find((key) => !type.facts.some((f) => f.key === key));
  if (unknown !== undefined) {
    return rejected(`Die Angabe „${unknown}“ ist für diese Verfahrensart unbekannt.`);
  }
  const missing = type.facts.find((f) => f.required && !Object.hasOwn(facts.value, f.key));
  if (missing) return rejected(`Angabe fehlt: ${missing.label}`);
  return prepared(() => ({
    state: { ...state, submittedAt: at, facts: { ...state.facts, ...facts.value } },
    data: { facts: facts.value },
  }));
}

export function confirmReceipt({ state }: EffectContext): Prepared {
  return prepared(() => ({ state, data: { receivedOn: state.submittedAt } }));
}

/** Raw end of a period counted from `at`, for comparing a chosen period with its maximum. */
function rawEndFrom(at: IsoDate, duration: string): IsoDate {
  return computeDeadline({ start: at, duration, rule: { counting: 'event' } }).rawEnd;
}

export function requestDocuments(
  { state, at, input }: EffectContext,
  maxPeriod: string,
  citation: string,
): Prepared {
  const items = textList(input, 'items', 'Die nachgeforderten Unterlagen', 1);
  if (!items.ok) return rejected(items.message);
  const period = requiredText(input, 'period', 'Die Frist zur Ergänzung der Unterlagen');
  if (!period.ok) return rejected(period.message);
  const note = optionalText(input, 'note', 'Der Hinweis');
  if (!note.ok) return rejected(note.message);
  try {
    parseDuration(period.value);
  } catch (error) {
    if (error instanceof DeadlineInputError) return rejected(error.message);
    throw error;
  }
  if (rawEndFrom(at, period.value) > rawEndFrom(at, maxPeriod)) {
    const longest = parseDuration(maxPeriod).label;
    return rejected(
      `Die Frist zur Ergänzung der Unterlagen darf höchstens ${longest} betragen (${citation}).`,
    );
  }
  const requestId = `N${state.documentRequests.length + 1}`;
  const request = {
    id: requestId,
    items: items.value,
    period: period.value,
    requestedAt: at,
    answeredAt: null,
    documents: [],
  };
  return prepared(() => ({
    state: { ...state, documentRequests: [...state.documentRequests, request] },
    data: { requestId, items: items.value, period: period.value, note: note.value },
  }));
}

export function submitDocuments({ state, at, input }: EffectContext): Prepared {
  const open = openDocumentRequests(state);
  const given = optionalText(input, 'requestId', 'Die Nachforderung');
  if (!given.ok) return rejected(given.message);
  // With a single open request the form need not name it.
  const requestId = given.value === '' && open.length === 1 ? open[0]?.id : given.value;
  const request = state.documentRequests.find((candidate) => candidate.id === requestId);
  if (!request) {
    return rejected(
      open.length === 0
        ? 'Es sind keine Unterlagen nachgefordert.'
        : 'Bitte wählen Sie die Nachforderung aus, auf die sich die Unterlagen beziehen.',
    );
  }
  if (request.answeredAt !== null) {
    return rejected(`Die Nachforderung ${request.id} wurde bereits beantwortet.`);
  }
  const documents = textList(input, 'documents', 'Die eingereichten Unterlagen', 1);
  if (!documents.ok) return rejected(documents.message);
  const answered = { ...request, answeredAt: at, documents: documents.value };
  return prepared(() => ({
    state: {
      ...state,
      documentRequests: state.documentRequests.map((r) => (r.id === request.id ? answered : r)),
    },
    data: { requestId: request.id, documents: documents.value },
  }));
}

export function extendCompletenessCheck({ state, input }: EffectContext): Prepared {
  const reason = requiredText(input, 'reason', 'Die Begründung der Verlängerung');
  if (!reason.ok) return rejected(reason.message);
  return prepared(() => ({
    state: { ...state, completenessCheckExtended: true },
    data: { reason: reason.value },
  }));
}

/**
 * § 7 Abs. 2 9. BImSchV: the completeness date is the day the last required document arrived;
 * the applicant is told the authorities to be involved and the timetable.
 */
export function confirmCompleteness({ type, state, at, input }: EffectContext): Prepared {
  const completenessDate = isoDateField(input, 'completenessDate', 'Das Vollständigkeitsdatum');
  if (!completenessDate.ok) return rejected(completenessDate.message);
  const agencies = textList(input, 'agencies', 'Die zu beteiligenden Behörden', 1);
  if (!agencies.ok) return rejected(agencies.message);
  const timetable = requiredText(input, 'timetable', 'Der Zeitplan');
  if (!timetable.ok) return rejected(timetable.message);
  const earliest = state.documentRequests.reduce<IsoDate>(
    (latest, request) => laterOf(latest, request.answeredAt ?? latest),
    state.submittedAt ?? completenessDate.value,
  );
  if (completenessDate.value < earliest || completenessDate.value > at) {
    return rejected(
      'Das Vollständigkeitsdatum ist der Tag, an dem die letzten erforderlichen Unterlagen eingegangen sind (§ 7 Abs. 2 9. BImSchV); es darf weder vor diesem Eingang noch nach dem Tag der Bestätigung liegen.',
    );
  }
  const consents = requestedConsents(type, input, agencies.value);
  if (!consents.ok) return rejected(consents.message);
  const asked: AgencyInvolvement[] = agencies.value.map((agency) => ({
    agency,
    askedAt: at,
    answer: 'pending',
    answeredAt: null,
    consent: consentOf(consents.value, agency, at),
  }));
  return prepared(() => ({
    state: {
      ...state,
      completeness: { date: completenessDate.value, timetable: timetable.value },
      agencies: [...state.agencies, ...asked],
    },
    data: {
      completenessDate: completenessDate.value,
      agencies: agencies.value,
      timetable: timetable.value,
      ...consentEventData(type, consents.value),
    },
  }));
}
