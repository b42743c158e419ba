/**
 * Effects of the public part of the formal procedure (§ 10 Abs. 3–8 BImSchG, §§ 8–19
 * 9. BImSchV): public notice with display and objection period, the decision on the hearing,
 * the hearing itself, and the public notice of the decision. The periods are computed with the
 * type's own deadline data, so the state, the notice and the deadline list always agree.
 */
import { formatGermanDateShort } from '../../law/index.ts';
import type { IsoDate } from '../../law/index.ts';
import { daysBetween } from './dates.ts';
import { firstPeriod } from './deadline-rules.ts';
import { prepared, rejected } from './effect-types.ts';
import type { EffectContext, Prepared } from './effect-types.ts';
import { isoDateField, oneOf, optionalText, requiredText } from './input.ts';
import type { InputRecord, Parsed } from './input.ts';
import type { DeadlineDef, HearingRule, ProcedureTypeVersion } from './types.ts';

function deadline(type: ProcedureTypeVersion, key: string): DeadlineDef {
  const def = type.deadlines.find((candidate) => candidate.key === key);
  // checkProcedureType guarantees these for every type that uses the effects.
  if (!def) throw new Error(`procedure type ${type.key} lacks the deadline ${key}`);
  return def;
}

/** The duration of a deadline for the given facts (fixed or chosen by a fact). */
function durationOf(def: DeadlineDef, facts: Readonly<Record<string, boolean>>): string {
  switch (def.duration.kind) {
    case 'fixed':
      return def.duration.duration;
    case 'by-fact':
      return facts[def.duration.fact] === true ? def.duration.ifTrue : def.duration.ifFalse;
    case 'from-event':
      throw new Error(`deadline ${def.key} must not take its duration from an event`);
  }
}

/** Yes/no from JSON (boolean) or an HTML form ('ja'/'nein', 'true'/'false', 'on'). */
function yesNo(input: InputRecord, name: string, label: string): Parsed<boolean> {
  const value = Object.hasOwn(input, name) ? input[name] : undefined;
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 'ja' || value === 'true' || value === 'on') return { ok: true, value: true };
  if (value === 'nein' || value === 'false') return { ok: true, value: false };
  return { ok: false, message: `${label}: bitte „ja“ oder „nein“ angeben.` };
}

const short = (date: IsoDate): string => formatGermanDateShort(date);

/**
 * § 10 Abs. 3 BImSchG: notice on the website at least one week before the display, display for
 * one month, objections until two weeks after its end (one month for EIA projects).
 * The EIA fact is recorded with the notice, because the notice must say it (§ 9 Abs. 1a 9. BImSchV).
 */
export function publishNotice(ctx: EffectContext, minDaysBeforeDisplay: number): Prepared {
  const { type, state, at, input } = ctx;
  const displayStart = isoDateField(input, 'displayStart', 'Der erste Tag der Auslegung');
  if (!displayStart.ok) return rejected(displayStart.message);
  const lead = daysBetween(at, displayStart.value);
  if (lead < minDaysBeforeDisplay) {
    return rejected(
      `Die Auslegung darf frühestens ${minDaysBeforeDisplay} Tage nach der Bekanntmachung beginnen, also nicht vor dem ${short(addDays(at, minDaysBeforeDisplay))} (§ 10 Abs. 3 S. 1 BImSchG, § 9 Abs. 2 9. BImSchV).`,
    );
  }
  if (lead > 90) {
    return rejected('Der Beginn der Auslegung liegt mehr als drei Monate in der Zukunft.');
  }
  const eia = yesNo(input, 'eiaRequired', 'Ist eine Umweltverträglichkeitsprüfung durchzuführen');
  if (!eia.ok) return rejected(eia.message);
  const hearingNote = optionalText(input, 'hearingNote', 'Der Hinweis zum Erörterungstermin');
  if (!hearingNote.ok) return rejected(hearingNote.message);
  const facts = { ...state.facts, eiaRequired: eia.value };
  const display = firstPeriod(
    deadline(type, 'display'),
    displayStart.value,
    durationOf(deadline(type, 'display'), facts),
  );
  const objectionDef = deadline(type, 'objection-period');
  const objection = firstPeriod(objectionDef, display.end, durationOf(objectionDef, facts));
  const participation = {
    noticeDate: at,
    displayStart: displayStart.value,
    displayEnd: display.end,
    objectionEnd: objection.end,
    eiaRequired: eia.value,
  };
  return prepared(() => ({
    state: { ...state, facts, participation },
    data: {
      displayStart: displayStart.value,
      displayEnd: display.end,
      objectionEnd: objection.end,
      hearingNote: hearingNote.value,
      facts: { eiaRequired: eia.value },
    },
  }));
}

function addDays(date: IsoDate, days: number): IsoDate {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The applicant's request for a hearing (§ 10 Abs. 6 BImSchG as amended in July 2024: for onshore
 * wind the hearing takes place only on request). Recorded by the applicant itself or by the case
 * worker from a letter, with the day the request reached the authority, which cannot be later
 * than the day it is recorded. [open] Whether a request after the objection period still binds.
 */
export function requestHearing({ state, at, input }: EffectContext): Prepared {
  const given = optionalText(input, 'receivedOn', 'Der Tag des Eingangs des Antrags');
  if (!given.ok) return rejected(given.message);
  const receivedOn =
    given.value === ''
      ? { ok: true as const, value: at }
      : isoDateField(input, 'receivedOn', 'Der Tag des Eingangs des Antrags');
  if (!receivedOn.ok) return rejected(receivedOn.message);
  if (receivedOn.value > at)
    return rejected(
      `Der Tag des Eingangs des Antrags darf nicht nach dem heutigen Tag (${short(at)}) liegen.`,
    );
  const note = optionalText(input, 'note', 'Die Anmerkung zum Antrag');
  if (!note.ok) return rejected(note.message);
  const hearingRequest = { receivedOn: receivedOn.value, recordedAt: at };
  return prepared(() => ({
    state: { ...state, hearingRequest },
    data: { receivedOn: receivedOn.value, note: note.value },
  }));
}

/** What the decision records besides its outcome: the rule, whether a request was made. */
function ruleData(state: EffectContext['state'], rule: HearingRule) {
  return {
    rule: rule.key,
    ruleLabel: rule.label,
    ruleCitation: rule.citation,
    requestedOn: state.hearingRequest?.receivedOn ?? null,
  };
}

/**
 * No hearing, with reasons (§ 10 Abs. 6 BImSchG; announced, § 12 Abs. 1 9. BImSchV). Under the
 * on-request rule the transition's guard refuses this once the applicant asked for a hearing.
 */
export function skipHearing({ state, at, input }: EffectContext, rule: HearingRule): Prepared {
  const reason = requiredText(
    input,
    'reason',
    'Die Begründung, warum kein Erörterungstermin stattfindet',
  );
  if (!reason.ok) return rejected(reason.message);
  const hearing = {
    held: false,
    decidedAt: at,
    format: null,
    date: null,
    heldAt: null,
    reason: reason.value,
    rule: rule.label,
  };
  return prepared(() => ({
    state: { ...state, hearing },
    data: { held: false, reason: reason.value, ...ruleData(state, rule) },
  }));
}

/**
 * A hearing in person on a day after the objection period, or an online consultation with a
 * written comment period of at least one week (§ 10 Abs. 6 BImSchG, § 16 9. BImSchV). [open]
 */
export function scheduleHearing(
  ctx: EffectContext,
  minWrittenPeriodDays: number,
  rule: HearingRule,
): Prepared {
  const { state, at, input } = ctx;
  const format = oneOf(input, 'format', 'Die Form der Erörterung', [
    'in-person',
    'online',
  ] as const);
  if (!format.ok) return rejected(format.message);
  const label = format.value === 'online' ? 'Das Ende der Äußerungsfrist' : 'Der Erörterungstermin';
  const date = isoDateField(input, 'date', label);
  if (!date.ok) return rejected(date.message);
  const objectionEnd = state.participation?.objectionEnd;
  if (objectionEnd !== undefined && date.value <= objectionEnd) {
    return rejected(
      `${label} muss nach dem Ende der Einwendungsfrist (${short(objectionEnd)}) liegen.`,
    );
  }
  if (format.value === 'online' && daysBetween(at, date.value) < minWrittenPeriodDays) {
    return rejected(
      `Bei einer Online-Konsultation muss die Äußerungsfrist mindestens eine Woche betragen, also frühestens am ${short(addDays(at, minWrittenPeriodDays))} enden (§ 10 Abs. 6 BImSchG).`,
    );
  }
  if (daysBetween(at, date.value) > 366) {
    return rejected(`${label} liegt mehr als ein Jahr in der Zukunft.`);
  }
  const place =
    format.value === 'in-person'
      ? requiredText(input, 'place', 'Der Ort des Erörterungstermins')
      : optionalText(input, 'place', 'Die Adresse der Online-Konsultation');
  if (!place.ok) return rejected(place.message);
  const reason = optionalText(input, 'reason', 'Die Begründung');
  if (!reason.ok) return rejected(reason.message);
  const hearing = {
    held: true,
    decidedAt: at,
    format: format.value,
    date: date.value,
    heldAt: null,
    reason: reason.value,
    rule: rule.label,
  };
  return prepared(() => ({
    state: { ...state, hearing },
    data: {
      held: true,
      format: format.value,
      date: date.value,
      place: place.value,
      reason: reason.value,
      ...ruleData(state, rule),
    },
  }));
}

/** The minutes are mandatory (§ 19 9. BImSchV). */
export function recordHearing({ state, at, input }: EffectContext): Prepared {
  const minutes = requiredText(input, 'minutes', 'Die Niederschrift des Erörterungstermins');
  if (!minutes.ok) return rejected(minutes.message);
  // § 19 Abs. 1 S. 2 Nr. 2 9. BImSchV: the chair's name; without one the person recording it.
  const chair = optionalText(input, 'chair', 'Der Name der Verhandlungsleitung');
  if (!chair.ok) return rejected(chair.message);
  const { hearing } = state;
  if (!hearing?.held) return rejected('Es ist kein Erörterungstermin angesetzt.');
  return prepared(() => ({
    state: { ...state, hearing: { ...hearing, heldAt: at } },
    data: { minutes: minutes.value, chair: chair.value },
  }));
}

/**
 * § 10 Abs. 8 BImSchG: operative part and legal remedies are published; the full decision is
 * displayed for two weeks from the day after the notice and counts as delivered at the end.
 */
export function publishDecision({ type, state, at }: EffectContext): Prepared {
  if (!state.decision)
    return rejected('Es liegt noch keine Entscheidung vor, die bekannt gemacht werden kann.');
  const def = deadline(type, 'decision-display');
  const display = firstPeriod(def, at, durationOf(def, state.facts));
  const decisionPublication = {
    noticeDate: at,
    displayStart: addDays(at, 1),
    displayEnd: display.end,
  };
  return prepared(() => ({
    state: { ...state, decisionPublication },
    data: { ...decisionPublication, outcome: state.decision?.outcome ?? null },
  }));
}

/** With the end of the display the decision counts as delivered, also to non-objectors. */
export function deemDelivered({ state }: EffectContext): Prepared {
  const { decision, decisionPublication } = state;
  if (!decision || !decisionPublication) {
    return rejected('Der Bescheid wurde noch nicht öffentlich bekannt gemacht.');
  }
  return prepared(() => ({
    state: { ...state, decision: { ...decision, deliveredAt: decisionPublication.displayEnd } },
    data: { deliveredAt: decisionPublication.displayEnd, outcome: decision.outcome },
  }));
}
